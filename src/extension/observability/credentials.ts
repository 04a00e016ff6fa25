import * as vscode from 'vscode';
import type { HttpAuth } from '../../core/integrations/httpAuth';

/** Secrets live only in SecretStorage, keyed by server URL (or '*' for every server). */
const AUTH_PREFIX = 'runbookLens.httpAuth:';
export const PAGERDUTY_KEY = 'runbookLens.pagerduty.routingKey';

function normalize(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export class ObservabilitySecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Credentials for `url`: those stored for it, else those stored for every server, else none. */
  async authFor(url: string): Promise<HttpAuth> {
    for (const key of [normalize(url), '*']) {
      const raw = await this.secrets.get(AUTH_PREFIX + key);
      if (!raw) continue;
      try {
        return JSON.parse(raw) as HttpAuth;
      } catch {
        // A damaged entry is ignored; the server will answer 401 and the user can set it again.
      }
    }
    return { kind: 'none' };
  }

  async setAuth(url: string, auth: HttpAuth): Promise<void> {
    const key = AUTH_PREFIX + (url === '*' ? '*' : normalize(url));
    if (auth.kind === 'none') await this.secrets.delete(key);
    else await this.secrets.store(key, JSON.stringify(auth));
  }

  routingKey(): Thenable<string | undefined> {
    return this.secrets.get(PAGERDUTY_KEY);
  }

  async setRoutingKey(key: string | undefined): Promise<void> {
    if (key) await this.secrets.store(PAGERDUTY_KEY, key);
    else await this.secrets.delete(PAGERDUTY_KEY);
  }
}
