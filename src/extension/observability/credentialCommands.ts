import * as vscode from 'vscode';
import type { HttpAuth } from '../../core/integrations/httpAuth';
import type { ObservabilitySecrets } from './credentials';
import { readSettings } from '../settings';
import { askText, showPick } from '../prompts';

/** Arguments for scripted use (tests): skip the prompts that are answered here. */
export interface CredentialArgs {
  url?: string;
  auth?: HttpAuth;
}

async function pickServer(): Promise<string | undefined> {
  const s = readSettings();
  const items: (vscode.QuickPickItem & { url: string })[] = [];
  const seen = new Set<string>();
  const add = (url: string, description: string) => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    items.push({ label: url, description, url });
  };
  add(s.prometheusDefaultUrl, 'default Prometheus');
  for (const [pattern, url] of Object.entries(s.prometheusUrls)) add(url, `Prometheus for contexts ${pattern}`);
  add(s.alertmanagerUrl, 'Alertmanager');
  items.push({ label: 'Every server', description: 'used where no server-specific credentials are set', url: '*' });
  items.push({ label: 'Another URL…', url: '' });
  const picked = await showPick(items, { title: 'Prometheus credentials (1/3): for which server?' });
  if (!picked) return undefined;
  if (picked.url) return picked.url;
  return askText({
    title: 'Prometheus credentials: server URL',
    placeHolder: 'https://prometheus.example:9090',
    validateInput: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? undefined : 'Enter an http:// or https:// URL'),
  }).then((v) => v?.trim());
}

async function askAuth(): Promise<HttpAuth | undefined> {
  const choices: (vscode.QuickPickItem & { auth: HttpAuth['kind'] })[] = [
    { label: 'Bearer token', auth: 'bearer' },
    { label: 'Basic auth', description: 'user name and password', auth: 'basic' },
    { label: 'None', description: 'remove stored credentials', auth: 'none' },
  ];
  const picked = await showPick(choices, { title: 'Prometheus credentials (2/3): kind' });
  if (!picked) return undefined;
  if (picked.auth === 'none') return { kind: 'none' };
  if (picked.auth === 'bearer') {
    const token = await askText({ title: 'Prometheus credentials (3/3): bearer token', password: true, validateInput: (v) => (v.trim() ? undefined : 'Enter the token') });
    return token ? { kind: 'bearer', token: token.trim() } : undefined;
  }
  const username = await askText({ title: 'Prometheus credentials (3/3): user name', validateInput: (v) => (v.trim() ? undefined : 'Enter the user name') });
  if (!username) return undefined;
  const password = await askText({ title: `Prometheus credentials (3/3): password for ${username}`, password: true });
  return password === undefined ? undefined : { kind: 'basic', username: username.trim(), password };
}

/** Stores bearer or basic credentials for a Prometheus (or Alertmanager) URL in SecretStorage. */
export async function setPrometheusCredentials(secrets: ObservabilitySecrets, args: CredentialArgs = {}): Promise<boolean> {
  const url = args.url ?? (await pickServer());
  if (!url) return false;
  const auth = args.auth ?? (await askAuth());
  if (!auth) return false;
  await secrets.setAuth(url, auth);
  const where = url === '*' ? 'every server' : url;
  void vscode.window.setStatusBarMessage(`Runbook Lens: ${auth.kind === 'none' ? 'credentials removed' : `${auth.kind} credentials stored`} for ${where}`, 4000);
  return true;
}

/** Stores the PagerDuty Events API routing (integration) key in SecretStorage. */
export async function setPagerDutyKey(secrets: ObservabilitySecrets, key?: string): Promise<boolean> {
  const value = key ?? (await askText({
    title: 'PagerDuty routing key',
    prompt: 'The Events API v2 integration key of the service (kept in VS Code SecretStorage). Leave empty to remove it.',
    password: true,
  }));
  if (value === undefined) return false;
  await secrets.setRoutingKey(value.trim() || undefined);
  void vscode.window.setStatusBarMessage(`Runbook Lens: PagerDuty routing key ${value.trim() ? 'stored' : 'removed'}`, 4000);
  return true;
}
