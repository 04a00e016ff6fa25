/**
 * Matching one command's words against a rule pattern (`PROGRAM [positional…] [-flags…]`).
 * A positional `...` stands for any number of positionals (`gcloud ... delete`). Words are
 * compared by their confusable skeletons, so `kube-systеm` with a Cyrillic `е` still matches.
 */
import { skeleton } from './confusables';
import type { CommandRule, GuardRules } from './types';

interface CompiledPattern {
  program: string;
  positionals: string[];
  flags: string[];
  /** Program and positionals as compared: skeletons, lower-cased for `ignoreCase`. */
  foldedProgram: string;
  foldedPositionals: string[];
  except: CommandRule[];
}

const compiled = new WeakMap<CommandRule, CompiledPattern>();

export function compilePattern(rule: CommandRule): CompiledPattern {
  let c = compiled.get(rule);
  if (!c) {
    const [program = '', ...rest] = rule.pattern.trim().split(/\s+/);
    const positionals = rest.filter((w) => !w.startsWith('-'));
    c = {
      program,
      positionals,
      flags: rest.filter((w) => w.startsWith('-')),
      foldedProgram: skeleton(program),
      foldedPositionals: positionals.map((w) => skeleton(rule.ignoreCase ? w.toLowerCase() : w)),
      except: (rule.except ?? []).map((pattern) => ({ id: rule.id, pattern, reason: '' })),
    };
    compiled.set(rule, c);
  }
  return c;
}

/** `*` matches any run of characters; nothing else is special. */
export function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const parts = pattern.split('*');
  if (!text.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = text.indexOf(parts[i], at);
    if (found < 0) return false;
    at = found + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return text.length - last.length >= at && text.endsWith(last);
}

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

const canonicalNames = new WeakMap<GuardRules['programs'], Map<string, string>>();

/** The canonical program name (`oc` → `kubectl`). */
export function canonicalProgram(name: string, rules: GuardRules): string {
  if (rules.programs[name]) return name;
  let names = canonicalNames.get(rules.programs);
  if (!names) {
    names = new Map();
    for (const [key, spec] of Object.entries(rules.programs)) for (const alias of spec.aliases ?? []) if (!names.has(alias)) names.set(alias, key);
    canonicalNames.set(rules.programs, names);
  }
  return names.get(name) ?? name;
}

export interface Positional {
  value: string | null;
  index: number;
}

/** Words that are not options nor option values. */
export function positionals(args: (string | null)[], valueFlags: string[] = []): Positional[] {
  const out: Positional[] = [];
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!afterDashes && a === '--') { afterDashes = true; continue; }
    if (!afterDashes && a !== null && a.startsWith('-') && a !== '-') {
      if (valueFlags.includes(a)) i++;
      continue;
    }
    out.push({ value: a, index: i });
  }
  return out;
}

/** Arguments before a `--` that ends the options. */
export function optionArgs(args: (string | null)[]): (string | null)[] {
  const dashes = args.indexOf('--');
  return dashes >= 0 ? args.slice(0, dashes) : args;
}

function hasFlag(args: (string | null)[], flag: string): boolean {
  const before = optionArgs(args);
  if (flag.startsWith('--')) return before.some((a) => a !== null && (a === flag || a.startsWith(flag + '=')));
  // `-destroy`, `-delete`: one option (Go's flag package, find), also written `--destroy`.
  if (flag.length > 2) return before.some((a) => a !== null && [flag, `-${flag}`].some((f) => a === f || a.startsWith(f + '=')));
  const letters = flag.slice(1).split('');
  const clusters = before.filter((a): a is string => a !== null && /^-[^-]/.test(a)).map((a) => a.slice(1));
  return letters.every((l) => clusters.some((c) => c.includes(l)));
}

export type MatchResult = 'yes' | 'maybe' | 'no';

/** Stands for any number of words only known at run time (what `xargs` reads); NUL cannot occur in a shell word. */
export const MORE_WORDS = '\u0000*';

/** Program, positional prefix and flags; `maybe` when a needed word is only known at run time. */
export function matchPattern(rule: CommandRule, program: string, args: (string | null)[], rules: GuardRules): MatchResult {
  const p = compilePattern(rule);
  const canonical = canonicalProgram(program, rules);
  if (!globMatch(p.foldedProgram, skeleton(program)) && !globMatch(p.program, canonical)) return 'no';
  const fold = (w: string) => skeleton(rule.ignoreCase ? w.toLowerCase() : w);
  const words = positionals(args, rules.programs[canonical]?.valueFlags).map((w) => (w.value === null ? null : fold(w.value)));
  const result = matchPositionals(p.foldedPositionals, words, 0, 0);
  if (result === 'no') return 'no';
  let flags: MatchResult = 'yes';
  for (const f of p.flags) {
    if (hasFlag(args, f)) continue;
    if (!args.includes(MORE_WORDS)) return 'no';
    flags = 'maybe';
  }
  if (p.except.some((e) => matchPattern(e, program, args, rules) === 'yes')) return 'no';
  return result === 'yes' && flags === 'yes' ? 'yes' : 'maybe';
}

/**
 * Pattern positionals from `pi` against words from `wi`. `...` takes zero or more literal words
 * and the word after it must be literal too: a run-time word there (`gcloud compute ssh "$VM"`)
 * would make every such rule a `maybe`.
 */
function matchPositionals(pattern: string[], words: (string | null)[], pi: number, wi: number): MatchResult {
  if (pi === pattern.length) return 'yes';
  if (words[wi] === MORE_WORDS) return 'maybe';
  if (pattern[pi] === '...') {
    let maybe = false;
    for (let k = wi; k < words.length && words[k] !== null; k++) {
      const m = matchPositionals(pattern, words, pi + 1, k);
      if (m === 'yes') return 'yes';
      maybe ||= m === 'maybe';
    }
    return maybe ? 'maybe' : 'no';
  }
  const word = words[wi];
  if (word === undefined) return 'no';
  if (word !== null && !globMatch(pattern[pi], word)) return 'no';
  const rest = matchPositionals(pattern, words, pi + 1, wi + 1);
  return word === null && rest === 'yes' ? 'maybe' : rest;
}
