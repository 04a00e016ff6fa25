/**
 * Sharing an incident folder with a team through a git remote: share, join, sync, and the one
 * call a recorder makes after it appends (`syncIfShared`). Which remote (and repository) a
 * folder syncs with is kept in the folder's `.team.json`, which is never shared.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withFileLock } from '../incident/fileLock';
import { readIncident, refreshIncidentCache } from '../incident/incidentStore';
import { declareForSharing } from '../incident/lifecycle';
import { TIMELINE_JSONL } from '../incident/incidentFiles';
import { gitText, GitError, isUnreachable } from './git';
import { idsFromLsRemote, incidentRefs } from './incidentRefs';
import { applyIncoming, scanShared, shareableFiles } from './incidentShare';
import { syncIncident, type SyncResult } from './sync';
import { resolveShared } from './presence';

/** Default of runbookLens.team.maxSharedOutputKiB. */
export const DEFAULT_MAX_SHARED_OUTPUT_KIB = 1024;
export const TEAM_FILE = '.team.json';
const TEAM_LOCK = '.team.lock';

export interface TeamLink {
  /** The git repository (work tree or bare) that carries the incident's ref. */
  repo: string;
  remote: string;
  incidentId: string;
  maxSharedOutputKiB?: number;
}

export interface TeamSyncOutcome extends SyncResult {
  dir: string;
  link: TeamLink;
  /** How many teammates' entries this sync added to the local timeline. */
  added: number;
}

/** A sync refused by the secret scan: nothing was committed; the message names the files. */
export class SyncRefusedError extends Error {
  constructor(readonly refused: NonNullable<SyncResult['refused']>) {
    super(`not shared: ${refused.map((r) => `${r.path} (${r.findings.join(', ')})`).join('; ')} still trip the secret rules; nothing was committed`);
    this.name = 'SyncRefusedError';
  }
}

/** The top of the git repository `cwd` is in (its git directory when bare); a clear error when none. */
export async function repositoryOf(cwd: string): Promise<string> {
  try {
    const bare = await gitText(cwd, ['rev-parse', '--is-bare-repository']);
    return path.resolve(cwd, await gitText(cwd, bare === 'true' ? ['rev-parse', '--git-dir'] : ['rev-parse', '--show-toplevel']));
  } catch (err) {
    if (err instanceof GitError) throw new Error(`${path.resolve(cwd)} is not in a git repository (the team's remote is a remote of the repository the command runs in)`);
    throw err;
  }
}

/** Checks that `remote` is a remote of `repo`, naming the ones it has otherwise. */
export async function checkRemote(repo: string, remote: string): Promise<void> {
  const remotes = (await gitText(repo, ['remote'])).split('\n').filter(Boolean);
  if (!remotes.includes(remote)) {
    throw new Error(`"${remote}" is not a git remote of ${repo}${remotes.length ? ` (it has ${remotes.join(', ')})` : ' (it has none)'}`);
  }
}

export function readTeamLink(dir: string): TeamLink | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, TEAM_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const v = JSON.parse(text) as Partial<TeamLink>;
  if (typeof v.repo !== 'string' || typeof v.remote !== 'string' || typeof v.incidentId !== 'string') {
    throw new Error(`${path.join(dir, TEAM_FILE)} is not a team link (needs repo, remote and incidentId)`);
  }
  return v as TeamLink;
}

function writeTeamLink(dir: string, link: TeamLink): void {
  const file = path.join(dir, TEAM_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(link, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Stops syncing the folder (Leave Incident); what was shared stays on the remote. */
export function leaveIncident(dir: string): boolean {
  const had = fs.existsSync(path.join(dir, TEAM_FILE));
  fs.rmSync(path.join(dir, TEAM_FILE), { force: true });
  return had;
}

async function syncLinked(dir: string, link: TeamLink, actor?: string): Promise<TeamSyncOutcome> {
  const files = shareableFiles(dir, { maxSharedOutputBytes: (link.maxSharedOutputKiB ?? DEFAULT_MAX_SHARED_OUTPUT_KIB) * 1024, presenceOf: actor });
  const result = await syncIncident({ repo: link.repo, remote: link.remote, incidentId: link.incidentId, files, scan: scanShared, resolve: resolveShared });
  if (result.refused) throw new SyncRefusedError(result.refused);
  // One writer of the local folder at a time: two syncs must not both append a teammate's entry.
  const added = await withFileLock(path.join(dir, TEAM_LOCK), async () => {
    const entries = await applyIncoming(dir, result.incoming);
    return entries.length;
  });
  if (added) await refreshIncidentCache(dir);
  return { ...result, dir, link, added };
}

/** Shares an incident folder on `remote` of the repository `cwd` is in, and syncs it once. */
export async function shareIncident(dir: string, opts: { cwd: string; remote: string; actor?: string; maxSharedOutputKiB?: number }): Promise<TeamSyncOutcome> {
  const incident = await readIncident(dir);
  const repo = await repositoryOf(opts.cwd);
  await checkRemote(repo, opts.remote);
  incidentRefs(incident.id, opts.remote); // a clear error for an id git cannot name
  // Replicas that never had this incident.json learn the incident from this entry.
  await declareForSharing(dir, { actor: opts.actor });
  const link: TeamLink = { repo, remote: opts.remote, incidentId: incident.id, ...(opts.maxSharedOutputKiB ? { maxSharedOutputKiB: opts.maxSharedOutputKiB } : {}) };
  const outcome = await syncLinked(dir, link);
  writeTeamLink(dir, link);
  return outcome;
}

/** Syncs a shared folder; an error when the folder is not shared. `actor`: whose presence file to share. */
export async function syncShared(dir: string, opts: { actor?: string } = {}): Promise<TeamSyncOutcome> {
  const link = readTeamLink(dir);
  if (!link) throw new Error(`${path.resolve(dir)} is not shared with a team (use: runbook-lens incident share DIR)`);
  return syncLinked(dir, link, opts.actor);
}

/**
 * After an entry is recorded: syncs when the folder is shared. Never throws (the entry is on
 * disk either way); returns one line for the user, or undefined when the folder is not shared.
 */
export async function syncIfShared(dir: string): Promise<string | undefined> {
  try {
    if (!readTeamLink(dir)) return undefined;
    return describeSync(await syncShared(dir));
  } catch (err) {
    return `team sync failed: ${(err as Error).message}`;
  }
}

export function describeSync(o: TeamSyncOutcome): string {
  const got = o.added ? `, ${o.added} new from teammates` : '';
  if (o.offline) return `offline, ${o.unshared} ${o.unshared === 1 ? 'entry' : 'entries'} not shared yet (${o.link.remote}: ${o.offline})${got}`;
  return `synced with ${o.link.remote}${got}`;
}

export interface RemoteIncident {
  id: string;
  commit: string;
}

/** The incidents on a remote (their branches under runbook-lens/incidents/). */
export async function listRemoteIncidents(repo: string, remote: string): Promise<RemoteIncident[]> {
  await checkRemote(repo, remote);
  return idsFromLsRemote(await gitText(repo, ['ls-remote', remote, 'refs/heads/runbook-lens/incidents/*']));
}

/**
 * Joins a teammate's incident: `<into>/<id>/` gets every entry and output on the remote, and
 * incident.json is built from them. Joining a folder already there syncs it.
 */
export async function joinIncident(id: string, opts: { cwd: string; remote: string; into: string; maxSharedOutputKiB?: number }): Promise<TeamSyncOutcome> {
  incidentRefs(id, opts.remote);
  const repo = await repositoryOf(opts.cwd);
  let listed: RemoteIncident[];
  try {
    listed = await listRemoteIncidents(repo, opts.remote);
  } catch (err) {
    if (isUnreachable(err)) throw new Error(`cannot reach ${opts.remote}: ${(err as GitError).stderr.trim().split('\n').pop()}`);
    throw err;
  }
  if (!listed.some((r) => r.id === id)) {
    throw new Error(`no incident "${id}" on ${opts.remote}${listed.length ? ` (it has ${listed.map((r) => r.id).join(', ')})` : ' (it has none)'}`);
  }
  const dir = path.resolve(opts.into, id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, TIMELINE_JSONL), '', { flag: 'a' });
  const link: TeamLink = { ...(readTeamLink(dir) ?? {}), repo, remote: opts.remote, incidentId: id, ...(opts.maxSharedOutputKiB ? { maxSharedOutputKiB: opts.maxSharedOutputKiB } : {}) };
  const outcome = await syncLinked(dir, link);
  await refreshIncidentCache(dir); // a clear error when the remote branch holds no incident
  writeTeamLink(dir, link);
  return outcome;
}
