/**
 * Where an alert's `runbook_url` leads: a runbook in the workspace whose path ends like the URL's
 * path (same file name, and as many parent folders as possible), or the web.
 */
export type RunbookLink =
  | { kind: 'workspace'; paths: string[]; fragment?: string }
  | { kind: 'web'; url: string }
  | { kind: 'none'; reason: string };

const DOC_EXT = /\.(md|markdown|html?)$/i;

function segmentsOf(p: string): string[] {
  return p.split(/[\\/]+/).filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function stem(name: string): string {
  return name.replace(DOC_EXT, '').toLowerCase();
}

/** How many trailing path segments agree (file name compared without extension, case-insensitive). */
function trailingMatch(urlSegs: string[], fileSegs: string[]): number {
  if (!urlSegs.length || !fileSegs.length || stem(urlSegs[urlSegs.length - 1]) !== stem(fileSegs[fileSegs.length - 1])) return 0;
  let n = 1;
  while (n < urlSegs.length && n < fileSegs.length && urlSegs[urlSegs.length - 1 - n].toLowerCase() === fileSegs[fileSegs.length - 1 - n].toLowerCase()) n++;
  return n;
}

/**
 * `workspaceFiles` are workspace-relative Markdown paths. Several equally good matches are all
 * returned (the caller lets the user choose); no match means the web.
 */
export function resolveRunbookUrl(runbookUrl: string | undefined, workspaceFiles: string[]): RunbookLink {
  const raw = runbookUrl?.trim();
  if (!raw) return { kind: 'none', reason: 'the alert has no runbook_url annotation' };
  let pathPart: string;
  let fragment: string | undefined;
  let web: string | undefined;
  try {
    const u = new URL(raw);
    pathPart = u.pathname;
    fragment = u.hash ? decodeURIComponent(u.hash.slice(1)) : undefined;
    if (u.protocol === 'http:' || u.protocol === 'https:') web = u.toString();
  } catch {
    // A relative path such as "alerts/KubePodCrashLooping.md#diagnosis".
    const [p, h] = raw.split('#', 2);
    pathPart = p;
    fragment = h || undefined;
  }
  const urlSegs = segmentsOf(pathPart);
  let best = 0;
  let paths: string[] = [];
  for (const file of workspaceFiles) {
    const score = trailingMatch(urlSegs, segmentsOf(file));
    if (score > best) {
      best = score;
      paths = [file];
    } else if (score === best && score > 0) {
      paths.push(file);
    }
  }
  if (best > 0) return { kind: 'workspace', paths, fragment };
  if (web) return { kind: 'web', url: web };
  return { kind: 'none', reason: `runbook_url "${raw}" matches no runbook in the workspace and is not a web address` };
}
