/**
 * Destructive-command classification from a real bash parse. It sees through pipelines,
 * lists, subshells, command substitutions, wrappers (`sudo`, `env`, `xargs`, `watch` …),
 * shells (`bash -c`, heredocs fed to a shell), `eval`, and functions defined in the block.
 */
import type { Node, Parser } from '@vscode/tree-sitter-wasm';
import { DEFAULT_RULES } from './defaultRules';
import { basename, canonicalProgram, matchPattern, positionals } from './commandMatch';
import { scanHiddenUnicode } from './hiddenUnicode';
import { bashParser, parseWith } from './shellParser';
import { sqlHasKeyword } from './sqlWords';
import type { Assessment, CommandRule, Finding, GuardRules } from './types';
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
  called: Set<string>;
  fnStack: string[];
  lineOffset: number;
}

interface Invocation {
  node: Node;
  frame: Frame;
  /** Text fed to the command's stdin that is known statically (heredoc, here-string, `echo … |`). */
  stdin: string[];
}

export function commandText(node: Node): string {
  return node.text.replace(/\\\r?\n[ \t]*/g, ' ').replace(/\s*\n\s*/g, '; ').trim();
}

function sameNode(a: Node | null, b: Node): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
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
      const own: string[] = [];
      for (const fn of root.descendantsOfType('function_definition')) {
        const name = fn?.childForFieldName('name')?.text;
        const body = fn?.childForFieldName('body');
        if (name && body) { functions.set(name, body); own.push(name); }
      }
      const frame: Frame = {
        env: { vars: new Map([...(outer?.env.vars ?? []), ...collectVars(root)]), positional: outer?.env.positional },
        functions,
        called: outer?.called ?? new Set(),
        fnStack: outer?.fnStack ?? [],
        lineOffset,
      };
      this.visit(root, frame, []);
      // A function the block defines but never calls is still code in the block: classify it too.
      for (const name of own) if (!frame.called.has(name)) this.callFunction(name, undefined, frame, []);
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
    this.add(this.uncertain, { node, frame, stdin: [] }, 'too-complex', 'the block is too complex to classify completely', []);
    return false;
  }

  private command(node: Node, frame: Frame, via: string[]): void {
    if (!this.tick(node, frame)) return;
    const name = node.childForFieldName('name');
    if (!name) return;
    const words: (string | null)[] = [wordValue(name, frame.env)];
    for (const arg of node.childrenForFieldName('argument')) {
      if (!arg) continue;
      if (expandsToPositionals(arg) && frame.env.positional) words.push(...frame.env.positional);
      else words.push(wordValue(arg, frame.env));
    }
    this.words(words, { node, frame, stdin: stdinOf(node, frame.env) }, via);
  }

  private callFunction(name: string, args: (string | null)[] | undefined, frame: Frame, via: string[]): void {
    const body = frame.functions.get(name);
    if (!body) return;
    frame.called.add(name);
    const inner: Frame = { ...frame, env: { vars: frame.env.vars, positional: args }, fnStack: [...frame.fnStack, name] };
    this.visit(body, inner, [...via, name]);
  }

  private nested(code: string, inv: Invocation, via: string[]): void {
    const err = this.analyzeSource(code, { ...inv.frame, env: inv.frame.env }, inv.frame.lineOffset + inv.node.startPosition.row);
    if (err) this.add(this.uncertain, inv, 'parse-error', `cannot parse the shell code it runs (${err})`, via);
  }

  /** Classifies one simple command given as words, unwrapping prefixes first. */
  private words(words: (string | null)[], inv: Invocation, via: string[]): void {
    const { rules } = this;
    for (;;) {
      if (words.length === 0) return;
      const first = words[0];
      if (first === null) {
        this.add(this.uncertain, inv, 'dynamic-command', 'the command name is only known at run time', via);
        return;
      }
      const name = basename(first);
      if (!first.includes('/') && inv.frame.functions.has(name) && !inv.frame.fnStack.includes(name)) {
        this.callFunction(name, words.slice(1), inv.frame, via);
        return;
      }
      const wrapper = rules.wrappers[name];
      if (wrapper) {
        const rest = stripOptions(words.slice(1), wrapper.valueFlags ?? [], wrapper.skipAssignments ?? false).slice(wrapper.skipPositionals ?? 0);
        via = [...via, name];
        if (wrapper.shellString) {
          if (rest.length === 0) return;
          if (rest.some((w) => w === null)) this.add(this.uncertain, inv, 'dynamic-command', `\`${name}\` runs a command only known at run time`, via);
          else this.nested(rest.join(' '), inv, via);
          return;
        }
        words = rest;
        continue;
      }
      if (name === 'eval') {
        const rest = words.slice(1);
        if (rest.some((w) => w === null)) this.add(this.uncertain, inv, 'eval', '`eval` runs code only known at run time', via);
        else if (rest.length) this.nested(rest.join(' '), inv, [...via, 'eval']);
        return;
      }
      if (rules.shells.includes(name)) {
        this.shell(name, words.slice(1), inv, [...via, name]);
        return;
      }
      this.matchRules(name, words.slice(1), inv, via);
      return;
    }
  }

  private shell(name: string, args: (string | null)[], inv: Invocation, via: string[]): void {
    const script = shellScript(args);
    if (script === null) this.add(this.uncertain, inv, 'dynamic-command', `\`${name} -c\` runs code only known at run time`, via);
    else if (script !== undefined) this.nested(script, inv, via);
    else if (positionals(args).length === 0) for (const text of inv.stdin) this.nested(text, inv, via);
  }

  private matchRules(program: string, args: (string | null)[], inv: Invocation, via: string[]): void {
    for (const [list, rules] of [[this.denied, this.rules.deny], [this.destructive, this.rules.destructive]] as const) {
      for (const rule of rules) {
        const m = this.ruleMatches(rule, program, args, inv, via);
        if (m === 'yes') this.add(list, inv, rule.id, rule.reason, via);
        else if (m === 'maybe') this.add(this.uncertain, inv, 'dynamic-verb', `may be \`${rule.pattern}\` (${rule.reason}): a word is only known at run time`, via);
      }
    }
  }

  private ruleMatches(rule: CommandRule, program: string, args: (string | null)[], inv: Invocation, via: string[]): 'yes' | 'maybe' | 'no' {
    const m = matchPattern(rule, program, args, this.rules);
    if (m === 'no') return m;
    if (rule.sqlKeywords) {
      const sql = [...flagValues(args, rule.sqlFlags ?? []), ...inv.stdin];
      if (sql.some((s) => s === null)) return 'maybe';
      return sql.some((s) => s !== null && sqlHasKeyword(s, rule.sqlKeywords)) ? m : 'no';
    }
    if (rule.innerCommand) {
      const inner = innerCommand(args, this.rules);
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
        const script = shellScript(words.slice(1));
        if (typeof script !== 'string') return false;
        return this.scriptReadOnly(script);
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
        return this.readOnly(words, stdinOf(c, env));
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

/** The `-c` script of a shell: a string, null when computed at run time, undefined when there is none. */
function shellScript(args: (string | null)[]): string | null | undefined {
  let sawC = false;
  for (const a of args) {
    if (a !== null && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) { sawC = true; continue; }
    if (a !== null && a.startsWith('-')) continue;
    return sawC ? a : undefined;
  }
  return undefined;
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

/** `kubectl exec POD -- CMD…` (or the old `kubectl exec POD CMD…`). */
function innerCommand(args: (string | null)[], rules: GuardRules): (string | null)[] {
  const dashes = args.indexOf('--');
  if (dashes >= 0) return args.slice(dashes + 1);
  const pos = positionals(args, rules.programs[canonicalProgram('kubectl', rules)]?.valueFlags);
  return pos.length > 2 ? args.slice(pos[2].index) : [];
}

/** Literal text the command reads on stdin: heredocs, here-strings, and `echo …`/`printf …` piped in. */
function stdinOf(node: Node, env: WordEnv): string[] {
  const out: string[] = [];
  for (const child of node.namedChildren) {
    if (child?.type === 'herestring_redirect') {
      const w = child.namedChildren[0];
      const v = w ? wordValue(w, env) : null;
      out.push(v ?? w?.text ?? '');
    }
  }
  const parent = node.parent;
  if (parent?.type === 'redirected_statement' && sameNode(parent.childForFieldName('body'), node)) {
    for (const r of parent.namedChildren) {
      if (r?.type !== 'heredoc_redirect') continue;
      for (const b of r.namedChildren) if (b?.type === 'heredoc_body') out.push(b.text);
    }
  }
  const pipeline = parent?.type === 'pipeline' ? parent : parent?.type === 'redirected_statement' && parent.parent?.type === 'pipeline' ? parent.parent : undefined;
  if (pipeline) {
    const stages = pipeline.namedChildren.filter((c): c is Node => !!c);
    const me = stages.findIndex((s) => sameNode(s, node) || sameNode(s, parent as Node));
    const prev = me > 0 ? stages[me - 1] : undefined;
    const cmd = prev?.type === 'command' ? prev : undefined;
    const prog = cmd?.childForFieldName('name');
    if (cmd && prog && ['echo', 'printf'].includes(prog.text)) {
      out.push(cmd.childrenForFieldName('argument').map((a) => (a ? (wordValue(a, env) ?? a.text) : '')).join(' '));
    }
  }
  return out;
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
