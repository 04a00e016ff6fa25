/** Matching one command's words against a rule pattern (`PROGRAM [positional…] [-flags…]`). */
import type { CommandRule, GuardRules } from './types';

interface CompiledPattern {
  program: string;
  positionals: string[];
  flags: string[];
}

const compiled = new WeakMap<CommandRule, CompiledPattern>();

export function compilePattern(rule: CommandRule): CompiledPattern {
  let c = compiled.get(rule);
  if (!c) {
    const [program = '', ...rest] = rule.pattern.trim().split(/\s+/);
    c = { program, positionals: rest.filter((w) => !w.startsWith('-')), flags: rest.filter((w) => w.startsWith('-')) };
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

/** The canonical program name (`oc` → `kubectl`). */
export function canonicalProgram(name: string, rules: GuardRules): string {
  if (rules.programs[name]) return name;
  for (const [key, spec] of Object.entries(rules.programs)) if (spec.aliases?.includes(name)) return key;
  return name;
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

function hasFlag(args: (string | null)[], flag: string): boolean {
  const before = args.indexOf('--') >= 0 ? args.slice(0, args.indexOf('--')) : args;
  if (flag.startsWith('--')) return before.some((a) => a !== null && (a === flag || a.startsWith(flag + '=')));
  const letters = flag.slice(1).split('');
  const clusters = before.filter((a): a is string => a !== null && /^-[^-]/.test(a)).map((a) => a.slice(1));
  return letters.every((l) => clusters.some((c) => c.includes(l)));
}

export type MatchResult = 'yes' | 'maybe' | 'no';

/** Program, positional prefix and flags; `maybe` when a needed word is only known at run time. */
export function matchPattern(rule: CommandRule, program: string, args: (string | null)[], rules: GuardRules): MatchResult {
  const p = compilePattern(rule);
  const canonical = canonicalProgram(program, rules);
  if (!globMatch(p.program, program) && !globMatch(p.program, canonical)) return 'no';
  const pos = positionals(args, rules.programs[canonical]?.valueFlags);
  let result: MatchResult = 'yes';
  for (let i = 0; i < p.positionals.length; i++) {
    const word = pos[i];
    if (!word) return 'no';
    if (word.value === null) result = 'maybe';
    else if (!globMatch(p.positionals[i], word.value)) return 'no';
  }
  for (const f of p.flags) if (!hasFlag(args, f)) return 'no';
  return result;
}
