/** Whether SQL text contains one of the given statement keywords, outside strings and comments. */
export function sqlHasKeyword(sql: string, keywords: string[] = []): boolean {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, ' ');
  const wanted = new Set(keywords.map((k) => k.toUpperCase()));
  return code.split(/[^A-Za-z_]+/).some((w) => wanted.has(w.toUpperCase()));
}
