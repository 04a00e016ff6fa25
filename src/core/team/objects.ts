import { createHash } from 'node:crypto';
import { git, gitText } from './git';

/** path inside the incident tree ("entries/<id>.json") → blob id. */
export type TreeMap = Map<string, string>;

export type ObjectFormat = 'sha1' | 'sha256';

const formats = new Map<string, ObjectFormat>();

export async function objectFormat(repo: string): Promise<ObjectFormat> {
  let f = formats.get(repo);
  if (!f) {
    f = (await gitText(repo, ['rev-parse', '--show-object-format']).catch(() => 'sha1')) === 'sha256' ? 'sha256' : 'sha1';
    formats.set(repo, f);
  }
  return f;
}

/** The id git gives these bytes as a blob, computed here so unchanged files cost no git call. */
export function blobId(format: ObjectFormat, content: Buffer): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Which of `ids` the repository lacks. */
export async function missingObjects(repo: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { stdout } = await git(repo, ['cat-file', '--batch-check=%(objectname)'], { input: ids.join('\n') + '\n' });
  const missing = new Set<string>();
  for (const line of stdout.toString('utf8').split('\n')) {
    const m = /^(\S+) missing$/.exec(line);
    if (m) missing.add(m[1]);
  }
  return missing;
}

/** Writes blobs in one `git fast-import` stream (one pack), instead of a process per file. */
export async function writeBlobs(repo: string, contents: Buffer[]): Promise<void> {
  if (!contents.length) return;
  const parts: Buffer[] = [];
  for (const c of contents) parts.push(Buffer.from(`blob\ndata ${c.length}\n`), c, Buffer.from('\n'));
  parts.push(Buffer.from('done\n'));
  await git(repo, ['fast-import', '--quiet', '--done'], { input: Buffer.concat(parts) });
}

/** Builds nested trees for a flat path map with `git mktree --batch`, deepest folders first. */
export async function writeTree(repo: string, files: TreeMap): Promise<string> {
  if (!files.size) return gitText(repo, ['mktree'], { input: '' });
  interface Dir { blobs: Map<string, string>; dirs: Set<string> }
  const dirs = new Map<string, Dir>([['', { blobs: new Map(), dirs: new Set() }]]);
  const dirOf = (p: string): Dir => {
    let d = dirs.get(p);
    if (!d) {
      d = { blobs: new Map(), dirs: new Set() };
      dirs.set(p, d);
      const cut = p.lastIndexOf('/');
      const parent = cut < 0 ? '' : p.slice(0, cut);
      dirOf(parent).dirs.add(p);
    }
    return d;
  };
  for (const [p, id] of files) {
    const cut = p.lastIndexOf('/');
    dirOf(cut < 0 ? '' : p.slice(0, cut)).blobs.set(cut < 0 ? p : p.slice(cut + 1), id);
  }
  const depth = (p: string) => (p === '' ? 0 : p.split('/').length);
  const treeIds = new Map<string, string>();
  const byDepth = [...dirs.keys()].sort((a, b) => depth(b) - depth(a));
  const levels = [...new Set(byDepth.map(depth))];
  for (const level of levels) {
    const paths = byDepth.filter((p) => depth(p) === level);
    const input = paths.map((p) => {
      const d = dirs.get(p)!;
      const lines = [...d.blobs].map(([name, id]) => `100644 blob ${id}\t${name}`);
      for (const sub of d.dirs) lines.push(`040000 tree ${treeIds.get(sub)}\t${sub.slice(sub.lastIndexOf('/') + 1)}`);
      return lines.join('\n') + '\n';
    }).join('\n');
    const { stdout } = await git(repo, ['mktree', '--batch'], { input });
    const ids = stdout.toString('utf8').trim().split('\n');
    paths.forEach((p, i) => treeIds.set(p, ids[i]));
  }
  return treeIds.get('')!;
}

/** Commits never change, so their trees are kept (a few; the newest ones are the ones asked again). */
const trees = new Map<string, TreeMap>();
const TREES_KEPT = 16;

/** Every file of a commit's tree, recursively. Treat the map as read-only. */
export async function readTree(repo: string, commit: string): Promise<TreeMap> {
  const key = `${repo}\0${commit}`;
  const hit = trees.get(key);
  if (hit) return hit;
  const map = await lsTree(repo, commit);
  trees.set(key, map);
  if (trees.size > TREES_KEPT) trees.delete(trees.keys().next().value!);
  return map;
}

async function lsTree(repo: string, commit: string): Promise<TreeMap> {
  const { stdout } = await git(repo, ['ls-tree', '-r', '-z', commit]);
  const map: TreeMap = new Map();
  for (const rec of stdout.toString('utf8').split('\0')) {
    const m = /^\d+ blob (\S+)\t(.*)$/s.exec(rec);
    if (m) map.set(m[2], m[1]);
  }
  return map;
}

/** Contents of blobs, in one `git cat-file --batch`. */
export async function readBlobs(repo: string, ids: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (!ids.length) return out;
  const { stdout } = await git(repo, ['cat-file', '--batch'], { input: ids.join('\n') + '\n' });
  let at = 0;
  while (at < stdout.length) {
    const nl = stdout.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = stdout.subarray(at, nl).toString('utf8');
    const m = /^(\S+) (\S+) (\d+)$/.exec(header);
    if (!m) throw new Error(`git cat-file: unexpected "${header}"`);
    const size = Number(m[3]);
    out.set(m[1], stdout.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return out;
}
