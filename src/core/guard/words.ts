/** The literal value a shell word will have, when it can be known without running anything. */
import type { Node } from '@vscode/tree-sitter-wasm';

export interface WordEnv {
  /** Variables assigned exactly one literal value in the block (null: assigned something else). */
  vars: Map<string, string | null>;
  /** Positional parameters of the function call being analysed. */
  positional?: (string | null)[];
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** `$'…'` quoting: the escapes a reader could use to hide a word (`$'\x6b'ubectl`). */
export function ansiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) { out += c; continue; }
    const n = body[++i];
    const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1)) : n === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(body.slice(i + 1)) : n === 'U' ? /^[0-9a-fA-F]{1,8}/.exec(body.slice(i + 1)) : null;
    const oct = /[0-7]/.test(n) ? /^[0-7]{1,3}/.exec(body.slice(i)) : null;
    if (hex) { out += String.fromCodePoint(Math.min(parseInt(hex[0], 16), 0x10ffff)); i += hex[0].length; }
    else if (oct) { out += String.fromCharCode(parseInt(oct[0], 8) & 0xff); i += oct[0].length - 1; }
    else out += ANSI_C[n] ?? '\\' + n;
  }
  return out;
}

function unescapeUnquoted(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}

function unescapeDouble(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
}

function variable(name: string, env: WordEnv): string | null {
  if (/^[1-9]$/.test(name)) return env.positional ? (env.positional[Number(name) - 1] ?? '') : null;
  if (name === '@' || name === '*') return env.positional && env.positional.every((p) => p !== null) ? env.positional.join(' ') : null;
  const v = env.vars.get(name);
  return v === undefined ? null : v;
}

/** The value of a word node, or null when it depends on the run (expansions, substitutions). */
export function wordValue(node: Node, env: WordEnv): string | null {
  switch (node.type) {
    case 'word':
    case 'command_name':
      if (node.type === 'command_name' && node.namedChildren.length === 1 && node.namedChildren[0]) return wordValue(node.namedChildren[0], env);
      return node.namedChildCount === 0 ? unescapeUnquoted(node.text) : concat(node, env);
    case 'number':
    case 'special_variable_name':
      return node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return ansiC(node.text.slice(2, -1));
    case 'string':
    case 'translated_string': {
      let out = '';
      for (const part of node.namedChildren) {
        if (!part) continue;
        const v = part.type === 'string_content' ? unescapeDouble(part.text) : wordValue(part, env);
        if (v === null) return null;
        out += v;
      }
      return out;
    }
    case 'concatenation':
      return concat(node, env);
    case 'simple_expansion': {
      const name = node.namedChildren[0];
      return name ? variable(name.text, env) : null;
    }
    case 'expansion': {
      // Only the plain `${NAME}` form has a knowable value.
      const kids = node.namedChildren;
      return kids.length === 1 && kids[0] && /variable_name|special_variable_name/.test(kids[0].type) && node.text === `\${${kids[0].text}}` ? variable(kids[0].text, env) : null;
    }
    default:
      return null;
  }
}

function concat(node: Node, env: WordEnv): string | null {
  let out = '';
  for (const part of node.children) {
    if (!part) continue;
    const v = part.isNamed ? wordValue(part, env) : part.text;
    if (v === null) return null;
    out += v;
  }
  return out;
}

/** `"$@"` and friends expand to several words when the call's arguments are known. */
export function expandsToPositionals(node: Node): boolean {
  const t = node.text;
  return t === '"$@"' || t === '$@' || t === '"${@}"' || t === '${@}' || t === '$*';
}
