import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { KubeError } from './kubeError';

/** A named cluster, user or context exactly as written (paths made absolute), with where it came from. */
export interface NamedEntry {
  name: string;
  body: Record<string, unknown>;
  file: string;
  /** 1-based line of the entry in its file. */
  line: number;
}

export interface KubeconfigFile {
  path: string;
  currentContext?: string;
  clusters: NamedEntry[];
  users: NamedEntry[];
  contexts: NamedEntry[];
}

const SECTIONS = [
  ['clusters', 'cluster'],
  ['users', 'user'],
  ['contexts', 'context'],
] as const;

/** Reads one kubeconfig file; any problem is a KubeError naming the file and line. */
export function readKubeconfigFile(file: string): KubeconfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KubeError('missing-kubeconfig', `Cannot read kubeconfig ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`);
  }
  return parseKubeconfig(text, file);
}

/** Parses kubeconfig text; `file` is used for messages and to resolve relative paths. */
export function parseKubeconfig(text: string, file: string): KubeconfigFile {
  const lines = new LineCounter();
  // YAML 1.1 like kubectl's parser (`yes` is true there too).
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1', prettyErrors: false, uniqueKeys: false });
  const fail = (line: number, why: string): never => {
    throw new KubeError('malformed-kubeconfig', `Malformed kubeconfig ${file}:${line}: ${why}`);
  };
  const lineOf = (node: unknown): number => {
    const range = (node as Node | undefined)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line;
    fail(line, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  }
  const result: KubeconfigFile = { path: file, clusters: [], users: [], contexts: [] };
  const root = doc.contents;
  if (root === null || (root as { value?: unknown }).value === null) return result; // empty file: nothing defined
  if (!isMap(root)) return fail(lineOf(root), 'the top level must be a mapping (apiVersion, kind, clusters, users, contexts…)');
  const js = doc.toJS() as Record<string, unknown>;
  const current = js['current-context'];
  if (current !== undefined && current !== null && typeof current !== 'string') fail(lineOf(root.get('current-context', true)), 'current-context must be a string');
  if (typeof current === 'string' && current !== '') result.currentContext = current;

  const dir = path.dirname(file);
  for (const [section, field] of SECTIONS) {
    const node = root.get(section, true);
    const list = js[section];
    if (list === undefined || list === null) continue;
    if (!isSeq(node) || !Array.isArray(list)) return fail(lineOf(node), `${section} must be a list`);
    const seen = new Map<string, number>();
    list.forEach((item: unknown, i: number) => {
      const itemLine = lineOf(node.items[i]);
      if (!item || typeof item !== 'object' || Array.isArray(item)) fail(itemLine, `${section}[${i}] must be a mapping with name and ${field}`);
      const entry = item as Record<string, unknown>;
      if (typeof entry.name !== 'string' || entry.name === '') fail(itemLine, `${section}[${i}] has no name`);
      const name = entry.name as string;
      if (seen.has(name)) fail(itemLine, `${field} "${name}" is defined twice in this file (also line ${seen.get(name)})`);
      seen.set(name, itemLine);
      const body = entry[field] ?? {};
      if (typeof body !== 'object' || Array.isArray(body)) fail(itemLine, `${section}[${i}].${field} must be a mapping`);
      result[section].push({ name, body: resolvePaths(field, body as Record<string, unknown>, dir), file, line: itemLine });
    });
  }
  return result;
}

/**
 * The path fields kubectl (client-go's ResolveLocalPaths) resolves against the directory of
 * the file that names them, spelled as kubeconfig spells them: `tokenFile` is camel-case.
 * Exec `args` and auth-provider settings are passed on as written, so they are left alone.
 */
export const CLUSTER_PATH_FIELDS = ['certificate-authority'] as const;
export const USER_PATH_FIELDS = ['client-certificate', 'client-key', 'tokenFile'] as const;

function resolvePaths(field: 'cluster' | 'user' | 'context', body: Record<string, unknown>, dir: string): Record<string, unknown> {
  const abs = (v: unknown) => (typeof v === 'string' && v !== '' && !path.isAbsolute(v) ? path.join(dir, v) : v);
  const out: Record<string, unknown> = { ...body };
  if (field === 'cluster') for (const key of CLUSTER_PATH_FIELDS) if (key in out) out[key] = abs(out[key]);
  if (field === 'user') {
    for (const key of USER_PATH_FIELDS) if (key in out) out[key] = abs(out[key]);
    const exec = out.exec as Record<string, unknown> | null | undefined;
    // Like kubectl: only a command with a path separator is relative to the file; a bare name is looked up in PATH.
    if (exec && typeof exec === 'object' && typeof exec.command === 'string' && exec.command.includes(path.sep)) {
      out.exec = { ...exec, command: abs(exec.command) };
    }
  }
  return out;
}
