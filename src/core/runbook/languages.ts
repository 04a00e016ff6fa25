import type { BlockKind } from './types';

/** Shell languages whose blocks run as a script. */
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'shellscript', 'console', 'shell-session']);
/** Transcript languages: only prompt lines run, the rest is sample output. */
const TRANSCRIPT_LANGS = new Set(['console', 'shell-session']);

/**
 * The language word of an info string: its first word, cut before a `{` attribute list
 * (Runme writes both `sh {name=x}` and `sh{name=x}`). Extra words are ignored.
 */
export function langOf(info: string): string {
  return /^[^\s{]*/.exec(info.trim())?.[0] ?? '';
}

/** What a block with this language is, or undefined when it is not runnable. Case-insensitive. */
export function kindOfLang(lang: string): BlockKind | undefined {
  const l = lang.toLowerCase();
  if (SHELL_LANGS.has(l)) return 'shell';
  if (l === 'promql') return 'promql';
  return undefined;
}

export function isTranscriptLang(lang: string): boolean {
  return TRANSCRIPT_LANGS.has(lang.toLowerCase());
}
