/**
 * `runbook-lens` command line: a thin layer over src/core.
 * Each subcommand lives in src/cli/commands/<name>.ts and exports `run(argv): Promise<number>`
 * (the process exit code) and `help` (its --help text).
 */
import { setFlagsFromString } from 'node:v8';
import { commandTable } from './commandTable';
import { EXPOSE_GC } from './scavenge';

// The bash grammar (1.3 MB of WebAssembly) is compiled by Liftoff, and optimising its hot
// functions with TurboFan cost a run 0.35 s of CPU at start (a CLI process parses a few blocks).
// Only function 0 of each module may tier up: the redaction gate's one function (byteGate.wat),
// which runs over every byte of output and takes half the time when optimised (measured:
// 215 → 103 ms of a 256 MiB run). The flag is V8's own, checked on Node 20's V8 11; elsewhere
// (an unknown flag is an error line on stderr) every module stays on Liftoff. dist/cli.js (the
// launcher, scripts/cliLauncher.cjs) sets the same before compiling: a code cache made under
// other flags is rejected.
const v8Major = Number(process.versions.v8.split('.')[0]);
setFlagsFromString(v8Major === 11 ? '--wasm-tier-up-filter=0' : '--liftoff-only');
// For the relay's scavenges (./scavenge.ts); set here too so the flags never change mid-run.
setFlagsFromString(EXPOSE_GC);

function usage(): string {
  const lines = Object.entries(commandTable).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['Usage: runbook-lens <command> [options]', '', 'Commands:', ...lines, '', 'Run `runbook-lens <command> --help` for details.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = commandTable[name];
  if (!entry) {
    process.stderr.write(`runbook-lens: unknown command '${name}'. Run 'runbook-lens --help'.\n`);
    return 2;
  }
  const mod = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(mod.help.trimEnd() + '\n');
    return 0;
  }
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`runbook-lens: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
