// Runs the TextMate grammar tests in test/grammar/ with vscode-tmgrammar-test. Our injection
// grammars come from package.json (contributes.grammars); the Markdown and shell base grammars
// are vendored test data. The base Markdown grammar embeds ~50 languages we do not load, so the
// tool's "grammar not found" warnings are dropped; everything else is passed through.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('vscode-tmgrammar-test/package.json'));
const cli = path.join(pkgDir, require('vscode-tmgrammar-test/package.json').bin['vscode-tmgrammar-test']);
const vendor = 'test/grammar/vendor';
const args = [cli, '-c', '-g', `${vendor}/markdown.tmLanguage.json`, '-g', `${vendor}/shell-unix-bash.tmLanguage.json`, 'test/grammar/*.test.md'];

const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const relay = (from, to) => {
  let rest = '';
  from.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) if (!line.startsWith('grammar not found')) to.write(line + '\n');
  });
  from.on('end', () => { if (rest && !rest.startsWith('grammar not found')) to.write(rest); });
};
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
child.on('close', (code) => { process.exitCode = code ?? 1; });
