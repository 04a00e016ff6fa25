import { Ctx, scanShell, type PendingHeredoc } from './shellLexer';

/** The runnable part of a block: its code and, per code line, the body line it came from. */
export interface RunnableCode {
  code: string;
  /** For each line of `code`: 0-based body line and how many leading characters were removed. */
  lineMap: { bodyLine: number; cut: number }[];
}

/**
 * Reads a shell session transcript: prompt lines (`$ cmd`, or `# cmd` for a root prompt) run,
 * together with the lines that continue them (a trailing `\`, a trailing `|`, `&&` or `||`, or an
 * open here-document); every other line is sample output. An unclosed quote does not continue
 * a command, so sample output can never be swallowed into something that runs.
 *
 * `rootPrompt`: whether `# ` counts as a prompt. When a block also has `$ ` prompts, `#` lines
 * are the author's comments, and running them would execute prose.
 */
export function transcriptCommands(body: string, rootPrompt: boolean): RunnableCode {
  const lines = body.split('\n');
  const prompt = rootPrompt ? /^(\s*[$#] )/ : /^(\s*\$ )/;
  const out: string[] = [];
  const lineMap: RunnableCode['lineMap'] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = prompt.exec(lines[i]);
    if (!m) continue;
    const first = lines[i].slice(m[1].length);
    out.push(first);
    lineMap.push({ bodyLine: i, cut: m[1].length });
    // Each line is scanned once, so long here-documents and continuations stay linear.
    let { heredocs, more } = lineEnding(first);
    while (i + 1 < lines.length && (heredocs.length > 0 || more)) {
      i++;
      out.push(lines[i]);
      lineMap.push({ bodyLine: i, cut: 0 });
      if (heredocs.length > 0) {
        const line = heredocs[0].stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
        if (line === heredocs[0].delimiter) heredocs.shift();
      } else {
        ({ heredocs, more } = lineEnding(lines[i]));
      }
    }
  }
  return { code: out.join('\n'), lineMap };
}

/** Whether a block's lines have any `$ ` prompt (and, if `rootPrompt`, any `# ` prompt). */
export function hasPromptLines(body: string, rootPrompt: boolean): boolean {
  return (rootPrompt ? /^\s*[$#] /m : /^\s*\$ /m).test(body);
}

/** A shell-labelled block written as a transcript: its first line that is neither blank nor a `#` comment starts with `$ `. */
export function looksLikeTranscript(body: string): boolean {
  const first = body.split('\n').find((l) => l.trim() !== '' && !/^\s*#/.test(l));
  return first !== undefined && /^\s*\$ /.test(first);
}

/** What one line of shell leaves open: here-documents whose bodies follow, and whether the command goes on. */
function lineEnding(line: string): { heredocs: PendingHeredoc[]; more: boolean } {
  const scan = scanShell(line);
  if (scan.trailingBackslash) return { heredocs: scan.openHeredocs, more: true };
  if (scan.openQuote) return { heredocs: scan.openHeredocs, more: false };
  // Skip a trailing comment, then look for a dangling pipe or list operator.
  let end = line.length;
  while (end > 0 && (scan.ctx[end - 1] === Ctx.Comment || /\s/.test(line[end - 1]))) end--;
  const tail = line.slice(Math.max(0, end - 2), end);
  return { heredocs: scan.openHeredocs, more: scan.ctx[end - 1] === Ctx.Code && (tail.endsWith('|') || tail === '&&') };
}
