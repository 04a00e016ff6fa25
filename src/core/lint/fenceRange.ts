import { fenceLineParts } from './fenceLine';

/** The range a fence-level diagnostic points at: the info string, or the fence when there is none. */
export function fenceRange(lines: string[], line: number): { line: number; column: number; endColumn: number } {
  const text = lines[line - 1] ?? '';
  const parts = fenceLineParts(text);
  if (!parts) return { line, column: 0, endColumn: text.length };
  if (parts.infoEnd > parts.infoStart) return { line, column: parts.infoStart, endColumn: parts.infoEnd };
  return { line, column: parts.markerEnd - 3, endColumn: parts.markerEnd };
}

/** The language word's range, or the fence's when there is none. */
export function langRange(lines: string[], line: number): { line: number; column: number; endColumn: number } {
  const parts = fenceLineParts(lines[line - 1] ?? '');
  if (!parts || parts.langEnd === parts.infoStart) return fenceRange(lines, line);
  return { line, column: parts.infoStart, endColumn: parts.langEnd };
}
