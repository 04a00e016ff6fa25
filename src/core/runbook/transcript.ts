import { Ctx, scanShell } from './shellLexer';

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
    let command = lines[i].slice(m[1].length);
    out.push(command);
    lineMap.push({ bodyLine: i, cut: m[1].length });
    while (i + 1 < lines.length && continues(command)) {
      i++;
      command += '\n' + lines[i];
      out.push(lines[i]);
      lineMap.push({ bodyLine: i, cut: 0 });
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

/** Whether the shell text so far needs the next line (see transcriptCommands). */
function continues(command: string): boolean {
  const scan = scanShell(command);
  if (scan.openHeredoc || scan.trailingBackslash) return true;
  if (scan.openQuote) return false;
  // Strip a trailing comment, then look for a dangling pipe or list operator.
  let end = command.length;
  while (end > 0 && (scan.ctx[end - 1] === Ctx.Comment || /\s/.test(command[end - 1]))) end--;
  const tail = command.slice(Math.max(0, end - 2), end);
  return scan.ctx[end - 1] === Ctx.Code && (tail.endsWith('|') || tail === '&&');
}
