/**
 * What to call a run in the timeline, the Failures list, the post-mortem and messages: the
 * block's `name` attribute, else its section heading, else its first command. The first line
 * of a block is often a shebang or a comment, which says nothing about what ran.
 */

/** The first line that is a command: not blank, not a comment, not a shebang. */
export function firstCommand(code: string): string | undefined {
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) return line;
  }
  return undefined;
}

export interface NamedRun {
  name?: string;
  section?: readonly string[];
  code?: string;
}

/** The run's name, and whether it is code (the first command) rather than a title. */
export function runName(run: NamedRun): { text: string; isCode: boolean } | undefined {
  const name = run.name?.trim();
  if (name) return { text: name, isCode: false };
  const heading = run.section?.length ? run.section[run.section.length - 1].trim() : '';
  if (heading) return { text: heading, isCode: false };
  const command = firstCommand(run.code ?? '');
  return command ? { text: command, isCode: true } : undefined;
}
