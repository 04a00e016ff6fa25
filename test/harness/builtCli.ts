import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withFileLock } from '../../src/core/incident/fileLock';

const root = path.resolve(__dirname, '../..');

/**
 * `npm run build`, then a private copy of dist/ for this test file: test files run in
 * parallel and each rebuilds, so spawning dist/cli.js directly could catch it half-written.
 * Builds are serialized by a lock; the copy is made under the same lock. Returns the copied
 * cli.js and a cleanup.
 */
export async function builtCli(): Promise<{ cli: string; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-built-cli-'));
  await withFileLock(path.join(os.tmpdir(), 'runbook-lens-build.lock'), async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
    for (const f of fs.readdirSync(path.join(root, 'dist'))) {
      // cli.js loads client-node.js, axios.js and secretlint.js from beside itself on first use.
      if (f.endsWith('.wasm') || (f.endsWith('.js') && f !== 'extension.js')) fs.copyFileSync(path.join(root, 'dist', f), path.join(dir, f));
    }
  });
  return { cli: path.join(dir, 'cli.js'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
