import { stripVTControlCharacters } from 'node:util';

/** Removes ANSI escape sequences (colours, cursor moves, OSC links) from recorded output. */
export function stripAnsi(text: string): string {
  return text ? stripVTControlCharacters(text) : text;
}
