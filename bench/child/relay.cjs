// The floor of any Node relay: spawn the block, copy its stdout to a file and to our stdout
// with backpressure, nothing else (no start-up bundle, no redaction). Plain CommonJS so that
// it starts like `node -e`. Usage: node relay.cjs COMMAND OUTFILE
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const [command, outFile] = process.argv.slice(2);
const file = fs.createWriteStream(outFile, { highWaterMark: 1024 * 1024 });
const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
let held = 0;
const hold = (stream) => {
  if (held++ === 0) child.stdout.pause();
  stream.once('drain', () => { if (--held === 0) child.stdout.resume(); });
};
child.stdout.on('data', (b) => {
  if (!file.write(b)) hold(file);
  if (!process.stdout.write(b)) hold(process.stdout);
});
child.stdout.on('close', () => file.end());
child.on('exit', (code) => { process.exitCode = code ?? 1; });
