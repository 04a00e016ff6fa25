import { stripVTControlCharacters } from 'node:util';

/** Removes ANSI escape sequences (colours, cursor moves, OSC links) from recorded output. */
export function stripAnsi(text: string): string {
  // Every sequence starts with ESC or CSI; two memchr-fast scans skip the regex for plain text.
  return text && (text.includes('\u001b') || text.includes('\u009b')) ? stripVTControlCharacters(text) : text;
}

/**
 * Keeps what a terminal would finally show on a line redrawn with \r (progress meters):
 * the text after the last bare carriage return. CRLF line ends become LF.
 */
export function collapseCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  return text
    .split('\n')
    .map((line) => {
      const body = line.endsWith('\r') ? line.slice(0, -1) : line;
      const cr = body.lastIndexOf('\r');
      return cr >= 0 ? body.slice(cr + 1) : body;
    })
    .join('\n');
}

/** What the timeline and output files keep of terminal output. */
export function cleanTerminalText(text: string): string {
  return collapseCarriageReturns(stripAnsi(text));
}
