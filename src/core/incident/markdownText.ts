/** Escaping for the Markdown this project generates (post-mortem tables, code spans, fences). */

/** A table cell: one line, pipes escaped. */
export function mdCell(text: string): string {
  if (!/[\n\\|]/.test(text)) return text.trim();
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
}

/** Inline code that survives backticks inside the text. */
export function mdCode(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function mdFence(text: string, lang = ''): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** A relative link target with spaces and parentheses made safe. */
export function mdLinkTarget(relPath: string): string {
  if (/^[\w./-]*$/.test(relPath)) return relPath;
  return encodeURI(relPath.split('\\').join('/')).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
