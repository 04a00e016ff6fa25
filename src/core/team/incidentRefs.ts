/**
 * Where a shared incident lives in git. On the remote it is a branch of its own under
 * runbook-lens/incidents/, never mixed with the team's branches; locally its tip and the last
 * state seen on each remote are kept under refs/runbook-lens/, which `git branch` does not list.
 */
export interface IncidentRefs {
  /** This replica's tip. */
  local: string;
  /** The remote's tip as last fetched. */
  tracking: string;
  /** The branch on the remote. */
  remote: string;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function incidentRefs(incidentId: string, remote: string): IncidentRefs {
  if (!SAFE_ID.test(incidentId) || incidentId.includes('..') || incidentId.endsWith('.lock') || incidentId.endsWith('.')) {
    throw new Error(`incident id "${incidentId}" cannot name a git branch (letters, digits, ".", "_" and "-" only)`);
  }
  if (!SAFE_ID.test(remote)) throw new Error(`"${remote}" is not a git remote name`);
  return {
    local: `refs/runbook-lens/incidents/${incidentId}`,
    tracking: `refs/runbook-lens/remotes/${remote}/incidents/${incidentId}`,
    remote: `refs/heads/runbook-lens/incidents/${incidentId}`,
  };
}

/** The incident ids that `lsRemoteOutput` (`git ls-remote REMOTE 'refs/heads/runbook-lens/incidents/*'`) names. */
export function idsFromLsRemote(lsRemoteOutput: string): { id: string; commit: string }[] {
  const out: { id: string; commit: string }[] = [];
  for (const line of lsRemoteOutput.split('\n')) {
    const m = /^([0-9a-f]{40,64})\trefs\/heads\/runbook-lens\/incidents\/(.+)$/.exec(line.trim());
    if (m && SAFE_ID.test(m[2])) out.push({ id: m[2], commit: m[1] });
  }
  return out;
}
