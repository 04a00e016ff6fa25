import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(__dirname, 'tls');

/** Server certificate and key for the simulated API, and the CA that kubeconfigs trust. */
export const fakeTls = {
  get key(): string { return fs.readFileSync(path.join(dir, 'server.key'), 'utf8'); },
  get cert(): string { return fs.readFileSync(path.join(dir, 'server.crt'), 'utf8'); },
  get ca(): string { return fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'); },
};
