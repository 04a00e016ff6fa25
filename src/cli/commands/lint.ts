import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { lintRunbook } from '../../core/lint/lintRunbook';
import type { LintDiagnostic } from '../../core/lint/types';

export const help = `Usage: runbook-lens lint FILE... [--json]

Check Markdown runbooks for flaws that are found too late, during an incident: hidden or
bidirectional Unicode in runnable blocks (RL001), destructive commands without confirm=true
(RL002), unlabeled blocks that are shell (RL003), console blocks without prompts (RL004,
RL011), duplicate block names (RL005), unknown, malformed or invalid attributes (RL006–RL008),
placeholder typos (RL009) and runnable blocks without a heading (RL010).

Output: one line per finding, file:line:column severity code message (line and column
1-based, as editors and CI problem matchers expect).

Options:
  --json      Print a JSON array instead; each item has file, line (1-based), column
              (0-based), endLine, endColumn, severity, code, message and, when there is
              a quick fix, fix { title, edits }.
  -h, --help  Show this help.

Exit status: 1 when any finding is an error, 0 otherwise (warnings and information do
not fail), 2 for bad arguments or a file that cannot be read.`;

function fail(message: string): number {
  process.stderr.write(`runbook-lens lint: ${message}\n`);
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
  if (files.length === 0) return fail('missing FILE (see --help)');
  // Read everything first: a bad path is a usage error, reported before any output.
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(await readFile(file, 'utf8'));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return fail(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}`);
    }
  }
  const all: (LintDiagnostic & { file: string })[] = [];
  for (const [i, file] of files.entries()) {
    for (const d of await lintRunbook(texts[i])) all.push({ file, ...d });
  }
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify(all, null, 2) + '\n');
  } else {
    for (const d of all) process.stdout.write(`${d.file}:${d.line}:${d.column + 1} ${d.severity} ${d.code} ${d.message}\n`);
    const errors = all.filter((d) => d.severity === 'error').length;
    if (all.length) process.stderr.write(`${all.length} finding${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  }
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}
