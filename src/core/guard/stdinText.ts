/**
 * Text a command reads on stdin when it is known before running: heredocs, here-strings, and the
 * output of `echo`, `printf` and `cat <<EOF` piped in. A shell reading it runs it as code, so the
 * guard classifies it; stdin from anything else (`curl … | sh`) is unknown.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { ansiC, wordValue, type WordEnv } from './words';

export interface StdinText {
  /** Known texts fed to the command. */
  texts: string[];
  /** Something else is piped in too, whose text is only known at run time. */
  unknown: boolean;
}

/** Says whether a command's words are a trusted producer of shell code (`kubectl completion bash`). */
export type TrustedProducer = (words: (string | null)[]) => boolean;

function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** A word's value, or its text as written when it depends on the run (an expansion stays visible). */
function looseValue(node: Node, env: WordEnv): string {
  return wordValue(node, env) ?? node.text;
}

/** `printf FORMAT ARGS…` as bash prints it: escapes, `%s`/`%b`/`%d`…, the format reused for extra args. */
export function printfText(format: string, args: string[]): string {
  let out = '';
  let next = 0;
  for (let round = 0; round < 1000; round++) {
    const before = next;
    out += ansiC(format.replace(/%%/g, '\uE000')).replace(/%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?([a-zA-Z])/g, (_, conv: string) => {
      const arg = args[next++] ?? '';
      return conv === 'b' ? ansiC(arg) : arg;
    }).replace(/\uE000/g, '%');
    if (next >= args.length || next === before) break;
  }
  return out;
}

/** `echo [-neE] ARGS…`: `-e` turns escapes on, as bash's builtin does. */
export function echoText(args: string[]): string {
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
  }
  const text = args.slice(i).join(' ');
  return escapes ? ansiC(text) : text;
}

function heredocBodies(redirected: Node): string[] {
  const out: string[] = [];
  for (const r of redirected.namedChildren) {
    if (r?.type !== 'heredoc_redirect') continue;
    for (const b of r.namedChildren) if (b?.type === 'heredoc_body') out.push(b.text);
  }
  return out;
}

function herestrings(command: Node, env: WordEnv): string[] {
  const out: string[] = [];
  for (const child of command.namedChildren) {
    if (child?.type !== 'herestring_redirect') continue;
    const w = child.namedChildren[0];
    out.push(w ? looseValue(w, env) : '');
  }
  return out;
}

/** What a pipeline stage prints, when that is known without running it; null when it is not. */
export function literalOutput(stage: Node, env: WordEnv, trusted: TrustedProducer): string | null {
  const command = stage.type === 'redirected_statement' ? stage.childForFieldName('body') : stage;
  if (command?.type !== 'command') return null;
  const name = command.childForFieldName('name');
  if (!name) return null;
  const program = wordValue(name, env);
  const args = command.childrenForFieldName('argument').filter((a): a is Node => !!a);
  const words = args.map((a) => looseValue(a, env));
  if (program === 'echo') return echoText(words);
  if (program === 'printf') return words.length ? printfText(words[0], words.slice(1)) : '';
  if (program === 'cat' && args.length === 0) {
    const texts = [...herestrings(command, env), ...(stage.type === 'redirected_statement' ? heredocBodies(stage) : [])];
    return texts.length ? texts.join('\n') : null;
  }
  if (trusted([program, ...args.map((a) => wordValue(a, env))])) return '';
  return null;
}

/** What a process substitution `<(…)` prints, when known. */
export function substitutionOutput(node: Node, env: WordEnv, trusted: TrustedProducer): string | null {
  const stages = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return stages.length === 1 ? literalOutput(stages[0], env, trusted) : null;
}

/** The stage that pipes into `node`, with `cat <<EOF | sh` (the pipeline inside the heredoc) included. */
function previousStage(node: Node): Node | undefined {
  const parent = node.parent;
  const self = parent?.type === 'redirected_statement' && sameNode(parent.childForFieldName('body'), node) ? parent : node;
  const pipeline = self.parent;
  if (pipeline?.type !== 'pipeline') return undefined;
  const stages = pipeline.namedChildren.filter((c): c is Node => !!c);
  const me = stages.findIndex((s) => sameNode(s, self));
  if (me > 0) return stages[me - 1];
  const heredoc = pipeline.parent;
  if (me === 0 && heredoc?.type === 'heredoc_redirect' && heredoc.parent?.type === 'redirected_statement') return heredoc.parent;
  return undefined;
}

/** Everything known about a command's stdin. */
export function stdinOf(node: Node, env: WordEnv, trusted: TrustedProducer): StdinText {
  const texts = herestrings(node, env);
  let unknown = false;
  const parent = node.parent;
  if (parent?.type === 'redirected_statement' && sameNode(parent.childForFieldName('body'), node)) {
    texts.push(...heredocBodies(parent));
    for (const r of parent.namedChildren) {
      if (r?.type !== 'file_redirect' || !/^\d*<$/.test(r.child(0)?.text ?? '')) continue;
      const target = r.childForFieldName('destination') ?? r.namedChildren[r.namedChildren.length - 1];
      if (target?.type !== 'process_substitution') continue;
      const out = substitutionOutput(target, env, trusted);
      if (out === null) unknown = true;
      else texts.push(out);
    }
  }
  const prev = previousStage(node);
  if (prev) {
    const out = literalOutput(prev, env, trusted);
    if (out === null) unknown = true;
    else texts.push(out);
  }
  // `tee >(sh)`: the shell reads whatever is written into the substitution.
  if (parent?.type === 'process_substitution' && parent.text.startsWith('>(')) unknown = true;
  return { texts, unknown };
}
