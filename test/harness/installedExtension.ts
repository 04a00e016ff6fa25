import * as fs from 'node:fs';
import * as path from 'node:path';
import { installVsix } from './codeServer';
import { vsixPath } from './paths';
import { tempDir } from './workspace';

let prepared: Promise<string> | undefined;

/**
 * An extensions folder holding the packaged runbook-lens.vsix, installed with
 * code-server's own --install-extension as a user would. scripts/test-e2e.mjs prepares
 * it once (RUNBOOK_LENS_E2E_EXTENSIONS); a scenario file run alone installs it itself.
 */
export function extensionsWithVsix(): Promise<string> {
  const given = process.env.RUNBOOK_LENS_E2E_EXTENSIONS;
  if (given) return Promise.resolve(given);
  prepared ??= (async () => {
    if (!fs.existsSync(vsixPath)) throw new Error('runbook-lens.vsix is missing: run npm run package (or npm run test:e2e)');
    const tmp = tempDir('e2e-extensions');
    process.once('exit', tmp.cleanup);
    const dir = path.join(tmp.dir, 'extensions');
    await installVsix(vsixPath, dir, path.join(tmp.dir, 'install'));
    return dir;
  })();
  return prepared;
}
