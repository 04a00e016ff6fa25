/**
 * Destructive-command classification from a real bash parse. It sees through pipelines,
 * lists, subshells, command substitutions, wrappers (`sudo`, `env`, `xargs`, `watch`, `chroot` …),
 * aliases and functions defined in the block (a function never called runs nothing), shells
 * (`bash -c`, `bash -s`, heredocs and text piped into a shell, `bash <(…)`, `source <(…)`),
 * `eval`, `trap`, `find -exec`, and the code strings of other interpreters (`python3 -c`).
 */
import type { Node, Parser } from '@vscode/tree-sitter-wasm';
import { DEFAULT_RULES } from './defaultRules';
import { basename, canonicalProgram, globMatch, matchPattern, MORE_WORDS, optionArgs, positionals } from './commandMatch';
import { scanHiddenUnicode } from './hiddenUnicode';
import { bashParser, parseWith } from './shellParser';
import { sqlHasKeyword } from './sqlWords';
import { stdinOf, substitutionOutput, type StdinText } from './stdinText';
import type { Assessment, CommandRule, Finding, GuardRules, InterpreterSpec } from './types';
import { expandsToPositionals, wordValue, type WordEnv } from './words';

export interface AssessOptions {
  /** Placeholder names (`pod-name`) still written as `<pod-name>` in the code: read as plain words. */
  placeholders?: string[];
}

/** Bounds the work on pathological input (deep recursion through functions and nested shells). */
const MAX_STEPS = 5000;

interface Frame {
  env: WordEnv;
  functions: Map<string, Node>;
  fnStack: string[];
  /** `alias k=kubectl` anywhere in the block (null: a value only known at run time). */
  aliases: Map<string, string | null>;
  aliasStack: string[];
  lineOffset: number;
}

interface Invocation {
  node: Node;
  frame: Frame;
  /** Text fed to the command's stdin that is known statically (heredoc, here-string, `echo … |`). */
  stdin: string[];
  /** Something whose text is unknown is piped in too (`curl … | sh`). */
  stdinUnknown: boolean;
  /** What each `<(…)` argument prints (null: unknown), referred to by a marker word. */
  substitutions: (string | null)[];
}

/** Stands for the `<(…)` argument number N in a command's words; NUL cannot occur in a shell word. */
const SUBST = '\u0000<(';
const substIndex = (w: string | null | undefined): number | undefined => (w?.startsWith(SUBST) ? Number(w.slice(SUBST.length)) : undefined);

const quoteWord = (w: string | null): string => (w === null ? '"$__runbook_lens_run_time_word"' : `'${w.replace(/'/g, "'\\''")}'`);

export function commandText(node: Node): string {
  return node.text.replace(/\\\r?\n[ \t]*/g, ' ').replace(/\s*\n\s*/g, '; ').trim();
}

function firstError(node: Node): Node | undefined {
  if (node.type === 'ERROR' || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const hit = child && firstError(child);
    if (hit) return hit;
  }
  return undefined;
}

class Analyzer {
  readonly destructive = new Map<string, Finding>();
  readonly denied = new Map<string, Finding>();
  readonly uncertain = new Map<string, Finding>();
  private steps = 0;

  constructor(private readonly parser: Parser, private readonly rules: GuardRules) {}

  /** Parses and walks `code`; returns a parse error message, if any. */
  analyzeSource(code: string, outer: Frame | undefined, lineOffset: number): string | undefined {
    const tree = parseWith(this.parser, code);
    try {
      const root = tree.rootNode;
      const functions = new Map(outer?.functions ?? []);
      for (const fn of root.descendantsOfType('function_definition')) {
        const name = fn?.childForFieldName('name')?.text;
        const body = fn?.childForFieldName('body');
        if (name && body) functions.set(name, body);
      }
      const env: WordEnv = { vars: new Map([...(outer?.env.vars ?? []), ...collectVars(root)]), positional: outer?.env.positional };
      const frame: Frame = {
        env,
        functions,
        fnStack: outer?.fnStack ?? [],
        aliases: new Map([...(outer?.aliases ?? []), ...collectAliases(root, env)]),
        aliasStack: outer?.aliasStack ?? [],
        lineOffset,
      };
      // A function the block defines but never calls runs nothing: only calls are classified.
      this.visit(root, frame, []);
      const err = firstError(root);
      if (!err) return undefined;
      const what = err.isMissing ? `missing ${err.type}` : `unexpected ${JSON.stringify(err.text.slice(0, 20))}`;
      return `shell syntax error at line ${lineOffset + err.startPosition.row + 1}, column ${err.startPosition.column + 1}: ${what}`;
    } finally {
      tree.delete();
    }
  }

  private visit(node: Node, frame: Frame, via: string[]): void {
    if (node.type === 'function_definition') return;
    if (node.type === 'command') this.command(node, frame, via);
    for (const child of node.namedChildren) if (child) this.visit(child, frame, via);
  }

  private tick(node: Node, frame: Frame): boolean {
    if (++this.steps <= MAX_STEPS) return true;
    this.add(this.uncertain, { node, frame, stdin: [], stdinUnknown: false, substitutions: [] }, 'too-complex', 'the block is too complex to classify completely', []);
    return false;
  }

  /** Whether a command's words are a trusted producer of shell code (`kubectl completion bash`). */
  private readonly trusted = (words: (string | null)[]): boolean => {
    const [program, ...args] = words;
    if (!program) return false;
    return (this.rules.trustedCodeOutput ?? []).some((pattern) => matchPattern({ id: 'trusted', pattern, reason: '' }, basename(program), args, this.rules) === 'yes');
  };

  private command(node: Node, frame: Frame, via: string[]): void {
    if (!this.tick(node, frame)) return;
    const name = node.childForFieldName('name');
    if (!name) return;
    // `"$@"` as the command runs the function's arguments: `run() { "$@"; }; run kubectl delete …`.
    const nameWord = name.namedChildren[0] ?? name;
    const words: (string | null)[] = expandsToPositionals(nameWord) && frame.env.positional ? [...frame.env.positional] : [wordValue(name, frame.env)];
    const substitutions: (string | null)[] = [];
    for (const arg of node.childrenForFieldName('argument')) {
      if (!arg) continue;
      if (expandsToPositionals(arg) && frame.env.positional) words.push(...frame.env.positional);
      else if (arg.type === 'process_substitution' && arg.text.startsWith('<(')) {
        words.push(`${SUBST}${substitutions.length}`);
        substitutions.push(substitutionOutput(arg, frame.env, this.trusted));
      } else words.push(wordValue(arg, frame.env));
    }
    const stdin: StdinText = stdinOf(node, frame.env, this.trusted);
    this.words(words, { node, frame, stdin: stdin.texts, stdinUnknown: stdin.unknown, substitutions }, via);
  }

  private callFunction(name: string, args: (string | null)[] | undefined, frame: Frame, via: string[]): void {
    const body = frame.functions.get(name);
    if (!body) return;
    const inner: Frame = { ...frame, env: { vars: frame.env.vars, positional: args }, fnStack: [...frame.fnStack, name] };
    this.visit(body, inner, [...via, name]);
  }

  private nested(code: string, inv: Invocation, via: string[], frame: Frame = inv.frame): void {
    const err = this.analyzeSource(code, frame, inv.frame.lineOffset + inv.node.startPosition.row);
    if (err) this.add(this.uncertain, inv, 'parse-error', `cannot parse the shell code it runs (${err})`, via);
  }

  /** Code read from stdin (a shell or an interpreter without a script): the known texts, or unknown. */
  private stdinCode(inv: Invocation, via: string[], run: (code: string) => void): void {
    for (const text of inv.stdin) run(text);
    if (inv.stdinUnknown) this.add(this.uncertain, inv, 'stdin-code', `\`${via[via.length - 1]}\` runs code piped in from a command whose output is only known at run time`, via);
  }

  /** Code in a file argument: `<(…)` output is known or unknown; a real file is not read. */
  private fileCode(word: string | null, inv: Invocation, via: string[], run: (code: string) => void): boolean {
    const i = substIndex(word);
    if (i !== undefined) {
      const out = inv.substitutions[i];
      if (out === null || out === undefined) this.add(this.uncertain, inv, 'substituted-code', `\`${via[via.length - 1]}\` runs the output of a command, only known at run time`, via);
      else run(out);
      return true;
    }
    if (word === '/dev/stdin' || word === '-') { this.stdinCode(inv, via, run); return true; }
    return false;
  }

  /** Classifies one simple command given as words, unwrapping prefixes first. */
  private words(words: (string | null)[], inv: Invocation, via: string[]): void {
    const { rules } = this;
    for (;;) {
      if (words.length === 0) return;
      const first = words[0];
      if (first === null || first === MORE_WORDS) {
        this.add(this.uncertain, inv, 'dynamic-command', 'the command name is only known at run time', via);
        return;
      }
      const name = basename(first);
      const alias = inv.frame.aliases.get(first);
      if (alias !== undefined && !inv.frame.aliasStack.includes(first)) {
        if (alias === null) this.add(this.uncertain, inv, 'dynamic-command', `alias \`${first}\` is only known at run time`, via);
        else this.nested([alias, ...words.slice(1).map(quoteWord)].join(' '), inv, [...via, `alias ${first}`], { ...inv.frame, aliasStack: [...inv.frame.aliasStack, first] });
        return;
      }
      if (!first.includes('/') && inv.frame.functions.has(name) && !inv.frame.fnStack.includes(name)) {
        this.callFunction(name, words.slice(1), inv.frame, via);
        return;
      }
      // `command -v NAME` only looks NAME up.
      if (name === 'command' && words.slice(1).some((w) => w === '-v' || w === '-V')) return;
      const wrapper = rules.wrappers[name];
      if (wrapper?.commandFlags) {
        const code = flagValues(words.slice(1), wrapper.commandFlags);
        if (code.some((c) => c === null)) this.add(this.uncertain, inv, 'dynamic-command', `\`${name}\` runs a command only known at run time`, [...via, name]);
        else for (const c of code) if (c !== null) this.nested(c, inv, [...via, name]);
        return;
      }
      if (wrapper) {
        const rest = stripOptions(words.slice(1), wrapper.valueFlags ?? [], wrapper.skipAssignments ?? false).slice(wrapper.skipPositionals ?? 0);
        via = [...via, name];
        if (wrapper.shellString) {
          if (rest.length === 0) return;
          if (rest.some((w) => w === null)) this.add(this.uncertain, inv, 'dynamic-command', `\`${name}\` runs a command only known at run time`, via);
          else this.nested(rest.join(' '), inv, via);
          return;
        }
        words = name === 'xargs' && rest.length ? [...rest, ...xargsInput(words.slice(1), inv)] : rest;
        continue;
      }
      if (name === 'eval') {
        const rest = words.slice(1);
        if (rest.some((w) => w === null)) this.add(this.uncertain, inv, 'eval', '`eval` runs code only known at run time', via);
        else if (rest.length) this.nested(rest.join(' '), inv, [...via, 'eval']);
        return;
      }
      if (name === 'trap') {
        this.trap(words.slice(1), inv, [...via, 'trap']);
        return;
      }
      if (name === 'source' || name === '.') {
        const file = words.slice(1).find((w) => w !== '--');
        this.fileCode(file ?? null, inv, [...via, name], (code) => this.nested(code, inv, [...via, name]));
        return;
      }
      if (rules.shells.includes(name)) {
        this.shell(name, words.slice(1), inv, [...via, name]);
        return;
      }
      const interpreter = rules.interpreters?.find((i) => i.names.some((n) => globMatch(n, name)));
      if (interpreter) {
        this.interpreter(name, interpreter, words.slice(1), inv, [...via, name]);
        return;
      }
      this.execOptions(name, words.slice(1), inv, via);
      this.matchRules(name, words.slice(1), inv, via);
      return;
    }
  }

  private shell(name: string, args: (string | null)[], inv: Invocation, via: string[]): void {
    const run = shellRun(args);
    const nested = (code: string) => this.nested(code, inv, via);
    if (run.kind === 'dynamic') this.add(this.uncertain, inv, 'dynamic-command', `\`${name} -c\` runs code only known at run time`, via);
    else if (run.kind === 'string') nested(run.code);
    else if (run.kind === 'stdin') this.stdinCode(inv, via, nested);
    else this.fileCode(run.file, inv, via, nested);
  }

  /** `trap 'CODE' SIGNAL…`: the code runs when the signal (or EXIT) comes. */
  private trap(args: (string | null)[], inv: Invocation, via: string[]): void {
    const rest = args[0] === '--' ? args.slice(1) : args;
    const code = rest[0];
    if (code === undefined || (code !== null && (code.startsWith('-') || rest.length < 2))) return;
    if (code === null) this.add(this.uncertain, inv, 'dynamic-command', '`trap` runs code only known at run time', via);
    else this.nested(code, inv, via);
  }

  /** `python3 -c CODE`, `perl -e`, `node -e`, `awk 'PROGRAM'`, or code on their stdin. */
  private interpreter(name: string, spec: InterpreterSpec, args: (string | null)[], inv: Invocation, via: string[]): void {
    const codes = interpreterCode(spec, args);
    const check = (code: string) => {
      const hit = new RegExp(spec.calls).exec(code);
      if (hit) this.add(this.uncertain, inv, 'interpreter-code', `\`${name}\` code can run other programs or change files (\`${hit[0].trim().slice(0, 30)}\`): it is not checked`, via);
    };
    if (codes === 'stdin') this.stdinCode(inv, via, check);
    else if (codes === 'file') return;
    else if (codes.some((c) => c === null)) this.add(this.uncertain, inv, 'interpreter-code', `\`${name}\` runs code only known at run time`, via);
    else for (const c of codes) if (c !== null) check(c);
  }

  /** `find … -exec CMD {} +`: CMD is a command of its own. */
  private execOptions(name: string, args: (string | null)[], inv: Invocation, via: string[]): void {
    const options = this.rules.programs[canonicalProgram(name, this.rules)]?.execOptions;
    if (!options) return;
    for (let i = 0; i < args.length; i++) {
      const opt = args[i];
      if (opt === null || !options.includes(opt)) continue;
      let end = i + 1;
      while (end < args.length && args[end] !== ';' && args[end] !== '+') end++;
      this.words(args.slice(i + 1, end), inv, [...via, `${name} ${opt}`]);
      i = end;
    }
  }

  /** `--help`, a dry run and the like change nothing: no rule applies. */
  private inert(program: string, args: (string | null)[]): boolean {
    const spec = this.rules.programs[canonicalProgram(program, this.rules)];
    const opts = optionArgs(args);
    if (opts.includes('--help')) return true;
    if (spec?.helpFlags?.some((f) => opts.includes(f)) || spec?.dryRun?.some((f) => opts.includes(f))) return true;
    return !!spec?.helpWords && positionals(args, spec.valueFlags).some((p) => p.value !== null && spec.helpWords?.includes(p.value));
  }

  private matchRules(program: string, args: (string | null)[], inv: Invocation, via: string[]): void {
    if (this.inert(program, args)) return;
    for (const [list, rules] of [[this.denied, this.rules.deny], [this.destructive, this.rules.destructive]] as const) {
      for (const rule of rules) {
        if (rule.via && !rule.via.some((v) => via.includes(v))) continue;
        const m = this.ruleMatches(rule, program, args, inv, via);
        if (m === 'yes') this.add(list, inv, rule.id, rule.reason, via);
        else if (m === 'maybe') this.add(this.uncertain, inv, 'dynamic-verb', `may be \`${rule.pattern}\` (${rule.reason}): a word or its input is only known at run time`, via);
      }
    }
  }

  private ruleMatches(rule: CommandRule, program: string, args: (string | null)[], inv: Invocation, via: string[]): 'yes' | 'maybe' | 'no' {
    const m = matchPattern(rule, program, args, this.rules);
    if (m === 'no') return m;
    if (rule.sqlKeywords) {
      const sql = [...flagValues(args, rule.sqlFlags ?? []), ...inv.stdin];
      if (sql.some((s) => s !== null && sqlHasKeyword(s, rule.sqlKeywords))) return m;
      // SQL (or redis commands) piped in from a command whose output is unknown may be anything.
      return sql.some((s) => s === null) || inv.stdinUnknown ? 'maybe' : 'no';
    }
    if (rule.innerCommand) {
      const inner = innerCommand(program, args, this.rules);
      this.words(inner, inv, [...via, `${program} exec`]);
      return this.readOnly(inner, inv.stdin) ? 'no' : m;
    }
    return m;
  }

  /** Whether a command run inside a container only reads. */
  private readOnly(words: (string | null)[], stdin: string[]): boolean {
    const { rules } = this;
    for (;;) {
      const first = words[0];
      if (first === undefined || first === null) return false;
      const name = basename(first);
      const wrapper = rules.wrappers[name];
      if (wrapper && !wrapper.shellString) {
        words = stripOptions(words.slice(1), wrapper.valueFlags ?? [], wrapper.skipAssignments ?? false).slice(wrapper.skipPositionals ?? 0);
        continue;
      }
      if (rules.shells.includes(name)) {
        const run = shellRun(words.slice(1));
        return run.kind === 'string' && this.scriptReadOnly(run.code);
      }
      return rules.readOnly.includes(name) && stdin.length === 0;
    }
  }

  private scriptReadOnly(script: string): boolean {
    const tree = parseWith(this.parser, script);
    try {
      if (tree.rootNode.hasError) return false;
      const env: WordEnv = { vars: new Map() };
      return tree.rootNode.descendantsOfType('command').every((c) => {
        if (!c) return true;
        const name = c.childForFieldName('name');
        const words = [name ? wordValue(name, env) : null, ...c.childrenForFieldName('argument').map((a) => (a ? wordValue(a, env) : null))];
        return this.readOnly(words, stdinOf(c, env, this.trusted).texts);
      });
    } finally {
      tree.delete();
    }
  }

  private add(list: Map<string, Finding>, inv: Invocation, rule: string, reason: string, via: string[]): void {
    const line = inv.frame.lineOffset + inv.node.startPosition.row + 1;
    const column = inv.node.startPosition.column;
    const key = `${line}:${column}:${rule}`;
    if (list.has(key)) return;
    const finding: Finding = { command: commandText(inv.node), rule, reason, line, column };
    if (via.length) finding.via = via;
    list.set(key, finding);
  }
}

/** Drops leading options (and their values) and, for env/sudo, `NAME=value` words. */
/**
 * The words `xargs` adds to its command: its input when that is known (`echo 'delete pod x' | xargs
 * kubectl`), split on every blank (more words can only match more rules), else any words at all.
 */
function xargsInput(args: (string | null)[], inv: Invocation): (string | null)[] {
  const fromFile = args.some((a) => a === null || a === '--arg-file' || a.startsWith('--arg-file=') || /^-[0ioprtx]*a/.test(a));
  if (fromFile || inv.stdinUnknown) return [MORE_WORDS];
  return inv.stdin.flatMap((text) => text.split(/\s+/)).map((w) => w.replace(/["'\\]/g, '')).filter(Boolean);
}

function stripOptions(words: (string | null)[], valueFlags: string[], skipAssignments: boolean): (string | null)[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (w === '--') return words.slice(i + 1);
    if (w !== null && w.startsWith('-') && w !== '-') { i += valueFlags.includes(w) ? 2 : 1; continue; }
    if (skipAssignments && w !== null && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) { i++; continue; }
    break;
  }
  return words.slice(i);
}

type ShellRun = { kind: 'string'; code: string } | { kind: 'dynamic' } | { kind: 'stdin' } | { kind: 'file'; file: string | null };

// bash/sh options that take the next word: `-o pipefail`, `-O extglob`, `--rcfile FILE`.
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** What a shell runs: its `-c` string, its stdin (no script, or `-s`), or a script file. */
function shellRun(args: (string | null)[]): ShellRun {
  let sawC = false;
  let sawS = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; return sawC ? script(args[i]) : sawS || i >= args.length ? { kind: 'stdin' } : { kind: 'file', file: args[i] }; }
    if (a !== null && SHELL_VALUE_OPTIONS.has(a)) { i++; continue; }
    if (a !== null && /^[-+][a-zA-Z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) sawC = true;
      if (a.startsWith('-') && a.includes('s')) sawS = true;
      continue;
    }
    if (a !== null && a.startsWith('--')) continue;
    if (sawC) return script(a);
    return sawS ? { kind: 'stdin' } : { kind: 'file', file: a };
  }
  return { kind: 'stdin' };
}

function script(code: string | null | undefined): ShellRun {
  return code === null ? { kind: 'dynamic' } : code === undefined ? { kind: 'stdin' } : { kind: 'string', code };
}

/** An interpreter's code strings (null: only known at run time), or where it reads its code from. */
function interpreterCode(spec: InterpreterSpec, args: (string | null)[]): (string | null)[] | 'stdin' | 'file' {
  const codes: (string | null)[] = [];
  const letters = spec.codeFlags.filter((f) => /^-[a-zA-Z]$/.test(f)).map((f) => f[1]);
  let first: string | null | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null) { if (first === undefined) first = null; continue; }
    if (a === '--') { if (first === undefined) first = args[i + 1]; break; }
    const eq = spec.codeFlags.find((f) => f.startsWith('--') && a.startsWith(f + '='));
    if (eq) { codes.push(a.slice(eq.length + 1)); continue; }
    if (spec.codeFlags.includes(a) || (/^-[a-zA-Z]+$/.test(a) && letters.includes(a[a.length - 1]))) { codes.push(args[++i] ?? ''); continue; }
    if (spec.valueFlags?.includes(a)) { if (a === '-f' || a === '--file' || a === '-m') return 'file'; i++; continue; }
    if (a.startsWith('-') && a !== '-') continue;
    if (first === undefined) first = a;
    if (codes.length === 0 && !spec.codeIsFirstPositional) break;
  }
  if (codes.length) return codes;
  if (spec.codeIsFirstPositional) return first === undefined ? 'stdin' : [first];
  return first === undefined || first === '-' ? 'stdin' : 'file';
}

/** Values of `-c X`, `--command X`, `--command=X`. */
function flagValues(args: (string | null)[], flags: string[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null) continue;
    if (flags.includes(a)) out.push(args[i + 1] ?? '');
    for (const f of flags) if (f.startsWith('--') && a.startsWith(f + '=')) out.push(a.slice(f.length + 1));
    for (const f of flags) if (!f.startsWith('--') && a.startsWith(f) && a.length > f.length && !a.startsWith('--')) out.push(a.slice(f.length));
  }
  return out;
}

/** `kubectl exec POD -- CMD…`, `docker exec CTR CMD…` (or the old `kubectl exec POD CMD…`). */
function innerCommand(program: string, args: (string | null)[], rules: GuardRules): (string | null)[] {
  const dashes = args.indexOf('--');
  if (dashes >= 0) return args.slice(dashes + 1);
  const pos = positionals(args, rules.programs[canonicalProgram(program, rules)]?.valueFlags);
  return pos.length > 2 ? args.slice(pos[2].index) : [];
}

/** `NAME=literal` assignments anywhere in the block; a name assigned two different values is unknown. */
function collectVars(root: Node): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  const literal: WordEnv = { vars: new Map() };
  for (const a of root.descendantsOfType('variable_assignment')) {
    const name = a?.childForFieldName('name')?.text;
    if (!a || !name) continue;
    const valueNode = a.childForFieldName('value');
    const value = valueNode ? wordValue(valueNode, literal) : '';
    vars.set(name, vars.has(name) && vars.get(name) !== value ? null : value);
  }
  return vars;
}

/** `alias NAME=VALUE` words anywhere in the block; a name given two different values is unknown. */
function collectAliases(root: Node, env: WordEnv): Map<string, string | null> {
  const aliases = new Map<string, string | null>();
  for (const c of root.descendantsOfType('command')) {
    if (c?.childForFieldName('name')?.text !== 'alias') continue;
    for (const arg of c.childrenForFieldName('argument')) {
      const text = arg ? wordValue(arg, env) : null;
      const m = text === null ? null : /^([^=\s]+)=([\s\S]*)$/.exec(text);
      if (!m) continue;
      aliases.set(m[1], aliases.has(m[1]) && aliases.get(m[1]) !== m[2] ? null : m[2]);
    }
  }
  return aliases;
}

/** `<pod-name>` read as a plain word of the same length, so columns stay exact. */
export function neutralizePlaceholders(code: string, names: string[]): string {
  let out = code;
  for (const n of names) out = out.split(`<${n}>`).join(`_${n}_`);
  return out;
}

export async function assessCode(code: string, rules: GuardRules = DEFAULT_RULES, options: AssessOptions = {}): Promise<Assessment> {
  const hiddenUnicode = scanHiddenUnicode(code);
  const parser = await bashParser();
  const analyzer = new Analyzer(parser, rules);
  let parseError: string | undefined;
  try {
    parseError = analyzer.analyzeSource(neutralizePlaceholders(code, options.placeholders ?? []), undefined, 0);
  } catch (err) {
    parseError = `cannot classify the block: ${err instanceof Error ? err.message : String(err)}`;
  }
  const names = options.placeholders ?? [];
  const restore = (f: Finding): Finding => ({ ...f, command: names.reduce((t, n) => t.split(`_${n}_`).join(`<${n}>`), f.command) });
  const result: Assessment = {
    destructive: [...analyzer.destructive.values()].map(restore),
    denied: [...analyzer.denied.values()].map(restore),
    uncertain: [...analyzer.uncertain.values()].map(restore),
    hiddenUnicode,
  };
  if (parseError) result.parseError = parseError;
  return result;
}
