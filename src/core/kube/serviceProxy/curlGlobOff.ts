import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * curl reads `[5m]` and `{job="x"}` in a URL as its own globbing and gives up before sending
 * anything (exit 3), so the PromQL URLs runbooks write (`…/query?query=rate(x[5m])`) never reach
 * the in-cluster Prometheus the proxy makes reachable. With the proxy on, curl runs with a config
 * file that is the user's own (CURL_HOME, XDG_CONFIG_HOME or HOME, as curl looks) plus `globoff`.
 */
export async function curlGlobOff(env: NodeJS.ProcessEnv = process.env): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const candidates = [
    env.CURL_HOME && path.join(env.CURL_HOME, '.curlrc'),
    env.XDG_CONFIG_HOME && path.join(env.XDG_CONFIG_HOME, 'curlrc'),
    path.join(env.HOME ?? os.homedir(), '.curlrc'),
  ].filter((p): p is string => !!p);
  let own = '';
  for (const file of candidates) {
    try {
      own = await fs.readFile(file, 'utf8');
      break;
    } catch {
      // not there: curl looks at the next place too
    }
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-lens-curl-'));
  await fs.writeFile(path.join(dir, '.curlrc'), `${own}${own && !own.endsWith('\n') ? '\n' : ''}globoff\n`, { mode: 0o600 });
  return { env: { CURL_HOME: dir }, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}
