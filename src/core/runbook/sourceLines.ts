/**
 * Splits text into lines exactly as markdown-it (and CommonMark) count them: `\r\n`, `\r` and
 * `\n` all end a line, and a final line ending does not start another line. Keeping one
 * definition means fence line numbers and `lineCount` always agree.
 */
export function sourceLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n?|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
