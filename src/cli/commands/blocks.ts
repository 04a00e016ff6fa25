import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { blockToJson } from '../../core/runbook/blockJson';
import { parseRunbook } from '../../core/runbook/parse';
import type { RunbookBlock } from '../../core/runbook/types';

export const help = `Usage: runbook-lens blocks FILE [--json]

List the runnable blocks of a Markdown runbook: shell blocks (bash, sh, shell, zsh, ksh,
shellscript, console, shell-session) and promql blocks, numbered together from 1.

Options:
  --json      Print a JSON array; each item has index, kind, lang, line, endLine,
              section, name, attributes, placeholders and code (exactly what would run).
  -h, --help  Show this help.

Exit status: 0 on success, 2 for bad arguments or a file that cannot be read.`;

function fail(message: string): number {
  process.stderr.write(`runbook-lens blocks: ${message}\n`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return fail(`${(err as Error).message.split('\n')[0]} (see --help)`);
  }
  const files = parsed.positionals;
  if (files.length !== 1) return fail(files.length === 0 ? 'missing FILE (see --help)' : `expected one FILE, got ${files.length}`);
  let text: string;
  try {
    text = await readFile(files[0], 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail(`cannot read ${files[0]}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}`);
  }
  const { blocks } = parseRunbook(text);
  if (parsed.values.json) process.stdout.write(JSON.stringify(blocks.map(blockToJson), null, 2) + '\n');
  else process.stdout.write(table(blocks));
  return 0;
}

function table(blocks: RunbookBlock[]): string {
  if (blocks.length === 0) return 'No runnable blocks.\n';
  const rows = [['#', 'KIND', 'LANG', 'LINES', 'NAME', 'PLACEHOLDERS', 'SECTION']];
  for (const b of blocks) {
    rows.push([
      String(b.index),
      b.kind,
      b.lang,
      `${b.line}-${b.endLine}`,
      b.name ?? '',
      b.placeholders.map((p) => `<${p}>`).join(' '),
      b.section.join(' › '),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}
