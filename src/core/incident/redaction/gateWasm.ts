/**
 * The compiled byteGate.wat. In the bundles (extension, CLI, the tests' CLI bundles) the build
 * replaces this module with one that returns the bytes compiled at build time
 * (scripts/esbuildOptions.cjs), so no bundle compiles or ships the text. Run from the sources
 * (tests under tsx) it compiles the text with wabt, a devDependency, in a child process: wabt's
 * API is asynchronous and the gate is not.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** wabt's parseWat + toBinary over the file named by argv[1], the bytes to stdout. */
const COMPILE = `require('wabt')().then((w) => {
  const file = process.argv[1];
  const m = w.parseWat(file, require('fs').readFileSync(file, 'utf8'));
  process.stdout.write(Buffer.from(m.toBinary({}).buffer));
});`;

export function gateWasmBytes(): Uint8Array<ArrayBuffer> | undefined {
  try {
    const wat = path.join(__dirname, 'byteGate.wat');
    return execFileSync(process.execPath, ['-e', COMPILE, wat], { cwd: __dirname, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}
