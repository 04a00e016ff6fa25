/**
 * Shows a destructive command with the variables that the block itself sets as constants
 * expanded (`NAMESPACE="photon-mlir"; kubectl delete pod -n "$NAMESPACE"` → `-n photon-mlir`), so a
 * consent dialog names the real target. Only what is certain is expanded: a variable assigned
 * once, at the top level of the block, unconditionally, to a literal, before the command, and
 * never written any other way. Anything computed is shown as written.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { commandText, neutralizePlaceholders } from './classify';
import { bashParser, parseWith } from './shellParser';
import type { Assessment, Finding } from './types';

interface Constant {
  value: string;
  /** Where the assignment ends: only later uses see the value. */
  end: number;
}

/** Commands that run code we cannot see: after them any variable may hold anything. */
const OPAQUE = new Set(['eval', 'source', '.']);
/** Commands that take variable names as words (`read NS`, `printf -v NS`, `unset NS`). */
const NAMING = new Set(['read', 'mapfile', 'readarray', 'getopts', 'printf', 'declare', 'typeset', 'local', 'export', 'readonly', 'let', 'unset']);

/** A value that reads the same bare: no quoting or word-splitting to think about. */
const BARE = /^[\w@%+=:,./-]+$/;

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function literal(value: Node | null): string | undefined {
  // A value with a newline or control character would not read as one word in a dialog.
  if (!value || hasControl(value.text)) return undefined;
  if (value.type === 'number' || (value.type === 'word' && value.namedChildCount === 0 && !/[\\*?[\]{}~]/.test(value.text))) return value.text;
  if (value.type === 'raw_string') return value.text.slice(1, -1);
  if (value.type === 'string' && value.namedChildren.every((c) => c?.type === 'string_content') && !value.text.includes('\\')) return value.text.slice(1, -1);
  return undefined;
}

/** Assignments that always run, in order: statements of the block itself, or the first step of an `a && b` list. */
function topLevelAssignments(root: Node): Node[] {
  const out: Node[] = [];
  const take = (n: Node | null): void => {
    if (!n) return;
    if (n.type === 'variable_assignment') out.push(n);
    else if (n.type === 'variable_assignments') for (const c of n.namedChildren) take(c);
    else if (n.type === 'declaration_command' && /^(export|readonly)$/.test(n.child(0)?.text ?? '')) for (const c of n.namedChildren) take(c);
    else if (n.type === 'list') take(n.namedChildren[0]);
  };
  for (const statement of root.namedChildren) take(statement);
  return out;
}

function walk(node: Node, visit: (n: Node) => boolean | void): void {
  if (visit(node) === false) return;
  for (const c of node.namedChildren) if (c) walk(c, visit);
}

function commandName(n: Node): string {
  return n.childForFieldName('name')?.text ?? '';
}

/** A command that writes variables named by its words; `printf` only with `-v`. */
function naming(n: Node): boolean {
  const name = commandName(n);
  return NAMING.has(name) && (name !== 'printf' || n.childrenForFieldName('argument').some((a) => a?.text.startsWith('-v')));
}

function blockConstants(tree: Tree, code: string): Map<string, Constant> {
  const root = tree.rootNode;
  const assigned = new Map<string, number>();
  let opaque = false;
  walk(root, (n) => {
    if (n.type === 'variable_assignment') {
      const name = n.childForFieldName('name')?.text ?? '';
      assigned.set(name, (assigned.get(name) ?? 0) + 1);
    } else if (n.type === 'command') {
      // `read "$v"`: a name computed at run time could be any of ours.
      if (OPAQUE.has(commandName(n)) || (naming(n) && n.childrenForFieldName('argument').some((a) => a?.text.includes('$')))) opaque = true;
    } else if (n.type === 'declaration_command') {
      if (n.namedChildren.some((c) => c && c.type !== 'variable_assignment' && c.text.includes('$'))) opaque = true;
    }
  });
  const constants = new Map<string, Constant>();
  if (opaque) return constants;
  const mentions = plainMentions(root);
  for (const a of topLevelAssignments(root)) {
    const nameNode = a.childForFieldName('name');
    const name = nameNode?.text ?? '';
    const value = literal(a.childForFieldName('value'));
    if (!nameNode || !/^[A-Za-z_]\w*$/.test(name) || value === undefined || value === '' || assigned.get(name) !== 1 || a.child(1)?.text !== '=') continue;
    if (writtenElsewhere(code, name, [[a.startIndex, a.endIndex], ...mentions(name)])) continue;
    constants.set(name, { value, end: a.endIndex });
  }
  return constants;
}

/**
 * Where a name may appear without writing it: comments, `$NAME` reads, and the words and strings
 * given to ordinary commands (`echo "NAMESPACE is $NAMESPACE"`, not `read NAMESPACE`).
 */
function plainMentions(root: Node): (name: string) => [number, number][] {
  const text: [number, number][] = [];
  const reads: { name: string; range: [number, number] }[] = [];
  const visit = (n: Node, inPlainCommand: boolean): void => {
    if (n.type === 'comment' || (inPlainCommand && (n.type === 'string_content' || n.type === 'raw_string' || (n.type === 'word' && n.parent?.type !== 'command_name')))) {
      text.push([n.startIndex, n.endIndex]);
    }
    if (n.type === 'simple_expansion' || n.type === 'expansion') reads.push({ name: n.namedChildren[0]?.text ?? '', range: [n.startIndex, n.endIndex] });
    const plain = n.type === 'command' ? !naming(n) : n.type === 'command_substitution' || n.type === 'process_substitution' ? false : inPlainCommand;
    for (const c of n.namedChildren) if (c) visit(c, plain);
  };
  visit(root, false);
  return (name) => [...text, ...reads.filter((r) => r.name === name).map((r) => r.range)];
}

/** The name appears outside the allowed places: `read NAME`, `for NAME in`, `local NAME`, `((NAME++))`… */
function writtenElsewhere(code: string, name: string, allowed: [number, number][]): boolean {
  for (const m of code.matchAll(new RegExp(`(?<![\\w$])${name}(?!\\w)`, 'g'))) {
    const at = m.index ?? 0;
    if (!allowed.some(([s, e]) => at >= s && at < e)) return true;
  }
  return false;
}

/** `$NAME` or `${NAME}` of a constant set before `at`, else undefined. */
function constantOf(node: Node, constants: Map<string, Constant>): string | undefined {
  const kids = node.namedChildren;
  const name = kids[0]?.text ?? '';
  const plain = node.type === 'simple_expansion' ? kids.length === 1 && kids[0]?.type === 'variable_name' : kids.length === 1 && kids[0]?.type === 'variable_name' && node.text === `\${${name}}`;
  const c = plain ? constants.get(name) : undefined;
  return c && c.end <= node.startIndex ? c.value : undefined;
}

function quoted(value: string): string {
  return BARE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command's text with its constant reads replaced by their values. */
function expandedText(command: Node, constants: Map<string, Constant>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(command, (n) => {
    if (n.type === 'string') {
      // `"$NS"` or `"ns-$NS"` entirely known: shown as one word, bare when it can be.
      let value = '';
      for (const part of n.namedChildren) {
        if (!part) continue;
        const v = part.type === 'string_content' && !part.text.includes('\\') ? part.text : constantOf(part, constants);
        if (v === undefined) return undefined;
        value += v;
      }
      if (n.namedChildren.some((p) => p?.type !== 'string_content')) edits.push({ start: n.startIndex, end: n.endIndex, text: quoted(value) });
      return false;
    }
    if (n.type === 'simple_expansion' || n.type === 'expansion') {
      const v = constantOf(n, constants);
      // Unquoted, only a value that does not split or glob reads the same.
      if (v !== undefined && BARE.test(v) && n.parent?.type !== 'string') edits.push({ start: n.startIndex, end: n.endIndex, text: v });
      return false;
    }
    return undefined;
  });
  let text = command.text;
  for (const e of edits.sort((x, y) => y.start - x.start)) {
    text = text.slice(0, e.start - command.startIndex) + e.text + text.slice(e.end - command.startIndex);
  }
  return text.replace(/\\\r?\n[ \t]*/g, ' ').replace(/\s*\n\s*/g, '; ').trim();
}

function nodeAt(root: Node, finding: Finding, written: string): Node | undefined {
  let hit: Node | undefined;
  walk(root, (n) => {
    if (hit) return false;
    const p = n.startPosition;
    if (p.row + 1 > finding.line || (p.row + 1 === finding.line && p.column > finding.column)) return false;
    if (p.row + 1 === finding.line && p.column === finding.column && n.type === 'command' && commandText(n) === written) hit = n;
    return undefined;
  });
  return hit;
}

/**
 * The assessment with `expanded` set on each finding whose command reads constants of the block.
 * `code` is what was assessed; `placeholders` are names still written `<name>` in it.
 */
export async function withConstantsShown(code: string, a: Assessment, placeholders: string[] = []): Promise<Assessment> {
  const findings = [...a.destructive, ...a.denied, ...a.uncertain];
  if (findings.length === 0 || a.parseError) return a;
  const tree = parseWith(await bashParser(), neutralizePlaceholders(code, placeholders));
  try {
    const constants = blockConstants(tree, tree.rootNode.text);
    if (constants.size === 0) return a;
    const neutral = (s: string) => neutralizePlaceholders(s, placeholders);
    const restore = (s: string) => placeholders.reduce((t, n) => t.split(`_${n}_`).join(`<${n}>`), s);
    const show = (f: Finding): Finding => {
      const node = nodeAt(tree.rootNode, f, neutral(f.command));
      const expanded = node ? restore(expandedText(node, constants)) : f.command;
      return expanded === f.command ? f : { ...f, expanded };
    };
    return { ...a, destructive: a.destructive.map(show), denied: a.denied.map(show), uncertain: a.uncertain.map(show) };
  } finally {
    tree.delete();
  }
}
