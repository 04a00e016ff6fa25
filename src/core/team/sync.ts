import { git, gitText, GitError, isUnreachable } from './git';
import { incidentRefs } from './incidentRefs';
import { blobId, missingObjects, objectFormat, readBlobs, readTree, writeBlobs, writeTree, type TreeMap } from './objects';
import { unionTrees, type Resolve } from './union';

export interface SyncRequest {
  /** Any folder inside the git repository that carries the incident (work tree or bare). */
  repo: string;
  remote: string;
  incidentId: string;
  /** The files this replica shares, by path inside the incident tree; already redacted. */
  files: Map<string, Buffer>;
  /** Secret findings for a file about to be committed; any finding refuses the whole sync. */
  scan?: (path: string, content: Buffer) => string[];
  /** Picks one of two different contents of the same path (must be commutative). */
  resolve?: Resolve;
  /** Commit locally only: no fetch, no push. */
  offline?: boolean;
  /** What the commit says; defaults to the git identity of the repository. */
  author?: { name: string; email: string };
}

export interface SyncResult {
  /** This replica's tip afterwards (undefined when nothing was ever committed). */
  head?: string;
  /** The remote holds everything this replica has. */
  shared: boolean;
  /** Why the remote could not be reached; the commit is kept and goes out next time. */
  offline?: string;
  /** Files of the merged incident that `files` lacks or has differently: apply them locally. */
  incoming: Map<string, Buffer>;
  /** How many of this replica's files the remote did not have, as last seen. */
  unshared: number;
  /** Files the secret scan refused; nothing was committed. */
  refused?: { path: string; findings: string[] }[];
}

const MAX_ROUNDS = 30;
const ZERO = '';

/**
 * One sync of an incident with a git remote. The incident is a grow-only set of files, so a
 * merge is a union of trees and can never conflict; a push that is not a fast-forward means
 * another responder pushed first: fetch, merge, push again. Never forced. The user's work
 * tree, index and branches are never touched: only objects and refs under our own names.
 * Every ref update is a compare-and-swap, so two processes syncing at once retry instead of
 * losing a commit, and a sync killed at any moment leaves refs that the next one builds on.
 */
export async function syncIncident(req: SyncRequest): Promise<SyncResult> {
  const refs = incidentRefs(req.incidentId, req.remote);
  const fmt = await objectFormat(req.repo);
  const ids: TreeMap = new Map();
  const byId = new Map<string, Buffer>();
  for (const [p, content] of req.files) {
    const id = blobId(fmt, content);
    ids.set(p, id);
    byId.set(id, content);
  }

  for (let round = 0; ; round++) {
    if (round >= MAX_ROUNDS) throw new Error(`sync of ${req.incidentId} gave up after ${MAX_ROUNDS} rounds of concurrent updates`);
    // Others pushed meanwhile: back off a little, at random, so that racing responders spread out.
    if (round > 0) await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 25 * 2 ** round)));
    debug(`round ${round}`);
    // 1. Commit what this replica has that its tip lacks.
    const base = await resolveRef(req.repo, refs.local);
    const baseTree = base ? await readTree(req.repo, base) : new Map<string, string>();
    const added = [...ids].filter(([p, id]) => baseTree.get(p) !== id);
    if (added.length) {
      const findings = req.scan ? added.flatMap(([p, id]) => {
        const f = req.scan!(p, byId.get(id)!);
        return f.length ? [{ path: p, findings: f }] : [];
      }) : [];
      if (findings.length) return { head: base, shared: false, incoming: new Map(), unshared: added.length, refused: findings };
      const missing = await missingObjects(req.repo, [...new Set(added.map(([, id]) => id))]);
      await writeBlobs(req.repo, [...missing].map((id) => byId.get(id)!));
      const tree = new Map(baseTree);
      for (const [p, id] of added) tree.set(p, id);
      const commit = await commitTree(req, await writeTree(req.repo, tree), base ? [base] : [], `${added.length} change(s) from {name}`);
      if (!(await casRef(req.repo, refs.local, commit, base))) continue;
    }
    if (req.offline) return finish(req, refs, ids, undefined);

    // 2. Fetch the remote's tip.
    let remoteTip: string | undefined;
    try {
      remoteTip = await fetchTip(req.repo, req.remote, refs.remote, refs.tracking);
    } catch (err) {
      if (isUnreachable(err)) return finish(req, refs, ids, (err as GitError).stderr.trim().split('\n').pop() || 'remote unreachable');
      throw err;
    }

    // 3. Merge it in.
    let head = await resolveRef(req.repo, refs.local);
    if (remoteTip && remoteTip !== head) {
      if (!head) {
        if (!(await casRef(req.repo, refs.local, remoteTip, undefined))) continue;
        head = remoteTip;
      } else if (await isAncestor(req.repo, head, remoteTip)) {
        if (!(await casRef(req.repo, refs.local, remoteTip, head))) continue;
        head = remoteTip;
      } else if (!(await isAncestor(req.repo, remoteTip, head))) {
        const mine = await readTree(req.repo, head);
        const theirs = await readTree(req.repo, remoteTip);
        const merged = await unionTrees(req.repo, mine, theirs, req.resolve);
        const commit = await commitTree(req, await writeTree(req.repo, merged), [head, remoteTip], `merge of ${req.incidentId}`);
        if (!(await casRef(req.repo, refs.local, commit, head))) continue;
        head = commit;
      }
    }

    // 4. Push, never forced; a rejection means someone pushed meanwhile: go round again.
    if (head && head !== remoteTip) {
      try {
        await git(req.repo, ['push', '--quiet', '--no-verify', req.remote, `${head}:${refs.remote}`]);
      } catch (err) {
        if (isRejected(err)) {
          debug(`push rejected: ${(err as GitError).stderr.trim()}`);
          continue;
        }
        if (isUnreachable(err)) return finish(req, refs, ids, (err as GitError).stderr.trim().split('\n').pop() || 'remote unreachable');
        throw err;
      }
      await git(req.repo, ['update-ref', refs.tracking, head]);
    }
    return finish(req, refs, ids, undefined);
  }
}

async function finish(req: SyncRequest, refs: ReturnType<typeof incidentRefs>, ids: TreeMap, offline: string | undefined): Promise<SyncResult> {
  const head = await resolveRef(req.repo, refs.local);
  const headTree = head ? await readTree(req.repo, head) : new Map<string, string>();
  const want = [...headTree].filter(([p, id]) => ids.get(p) !== id);
  const blobs = await readBlobs(req.repo, [...new Set(want.map(([, id]) => id))]);
  const incoming = new Map(want.map(([p, id]) => [p, blobs.get(id)!]));
  const tracked = await resolveRef(req.repo, refs.tracking);
  const remoteTree = tracked ? await readTree(req.repo, tracked) : new Map<string, string>();
  const unshared = [...headTree].filter(([p, id]) => remoteTree.get(p) !== id).length;
  return { head, shared: !offline && unshared === 0, ...(offline ? { offline } : {}), incoming, unshared };
}

const debug = (what: string) => {
  if (process.env.RUNBOOK_LENS_SYNC_DEBUG) process.stderr.write(`sync: ${what}\n`);
};

async function resolveRef(repo: string, ref: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { okCodes: [1] });
  return exitCode === 0 ? stdout.toString('utf8').trim() : undefined;
}

/** Moves `ref` to `to` only if it is still at `from` (absent when undefined). */
async function casRef(repo: string, ref: string, to: string, from: string | undefined): Promise<boolean> {
  try {
    await git(repo, ['update-ref', ref, to, from ?? ZERO]);
    return true;
  } catch (err) {
    if (err instanceof GitError && /cannot lock ref|is at .* but expected|reference already exists|unable to resolve/i.test(err.stderr)) {
      debug(`ref moved: ${err.stderr.trim()}`);
      return false;
    }
    throw err;
  }
}

async function isAncestor(repo: string, a: string, b: string): Promise<boolean> {
  return (await git(repo, ['merge-base', '--is-ancestor', a, b], { okCodes: [1] })).exitCode === 0;
}

/** Fetches the remote branch into the tracking ref; undefined when the remote has no such branch yet. */
async function fetchTip(repo: string, remote: string, remoteRef: string, tracking: string): Promise<string | undefined> {
  try {
    await git(repo, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${remoteRef}:${tracking}`]);
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref|no such ref|not our ref/i.test(err.stderr)) {
      await git(repo, ['update-ref', '-d', tracking]).catch(() => undefined);
      return undefined;
    }
    throw err;
  }
  return resolveRef(repo, tracking);
}

function isRejected(err: unknown): boolean {
  return err instanceof GitError && /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(err.stderr + ' ' + err.message);
}

/** The commit identity: the request's, else the repository's git config, else a neutral one. */
async function identity(req: SyncRequest): Promise<{ name: string; email: string }> {
  if (req.author) return req.author;
  const out = await gitText(req.repo, ['config', '--get-regexp', '^user\\.(name|email)$'], { okCodes: [1] });
  const get = (key: string) => new RegExp(`^user\\.${key} (.*)$`, 'm').exec(out)?.[1];
  // A responder without a git identity still shares; the entries say who ran what.
  return { name: get('name') || 'Runbook Lens', email: get('email') || 'runbook-lens@localhost' };
}

async function commitTree(req: SyncRequest, tree: string, parents: string[], message: string): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  // One look-up of the identity per commit; `{name}` in the message is the committer.
  const { name, email } = await identity(req);
  message = message.replace('{name}', name);
  env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = name;
  env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = email;
  const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-m', `runbook-lens: ${message}`];
  return gitText(req.repo, args, { env });
}
