import * as os from 'node:os';
import * as path from 'node:path';
import { parseRunbook } from '../../core/runbook/parse';
import { linesText } from '../../core/runbook/blockLabel';
import { ensureIncidentDir } from '../../core/incident/incidentStore';
import { TIMELINE_JSONL } from '../../core/incident/incidentFiles';
import type { TimelineEntry } from '../../core/incident/types';
import { exitText } from '../../core/incident/entryText';
import { needsTerminal } from '../../core/exec/needsTty';
import { authFromEnv } from '../../core/integrations/httpAuth';
import { kubeScope, pipeExecutor, readIncidentView, promqlExecutor, runPipeline, targetName, type PrepareProblem, type RunOutcome } from '../../core/run';
import { parseCommandArgs, parseKeyValues, parseSecondsFlag, UsageError, withUsageErrors } from '../args';
import { readInputFile } from '../inputFile';
import { actorNameSoon } from '../actor';
import { syncIfShared } from '../../core/team/teamIncident';
import { selectBlock } from '../selectBlock';
import { ambientTarget, kubeconfigFromFlags, retargetHelp, runTargetFromFlags, targetHelp, targetOptions } from '../kubeTarget';
import { printQueryOutcome, prometheusUrlFrom, promqlHelp, promqlOptions } from '../promqlBlock';
import { guardHelp, guardOptions, REFUSED_EXIT } from '../guardRun';
import { readCliSafety } from '../safetySettings';
import { readWorkspaceSettings } from '../workspaceSettings';
import { cliRunDriver } from '../runDriver';
import { serviceProxyStep } from '../../core/kube/serviceProxy/scopeStep';
import { serviceProxyWanted } from '../../core/runbook/attributes';

export const help = `Usage: runbook-lens run FILE (--block N | --name NAME) --incident DIR
                        [--lines A-B] [--var KEY=VALUE]... [--timeout SECONDS] [--shell SHELL] [--yes]
                        [--confirm-context NAME] [--context NAME] [--namespace NS] [--kubeconfig PATH]
                        [--retarget]

Run one shell block of a Markdown runbook without a TTY, stream its output to stdout and
stderr, and append the run to the incident timeline in DIR (created if needed): a line in
DIR/timeline.jsonl, a block in DIR/timeline.md and the full redacted output in
DIR/outputs/<entry-id>.log.

Options:
  --block N          The N-th runnable block (1-based, as listed by 'runbook-lens blocks').
  --name NAME        The block whose info string says name=NAME.
  --incident DIR     Incident folder to record in; created with an incident.json if missing.
  --lines A-B        Run only runbook lines A to B of the block (whole lines, inside it), as
                     Run Selection does; the entry records lines [A', B'] and selection: true.
  --var KEY=VALUE    Value for placeholder <KEY>; repeat for each placeholder. Values of
                     placeholders named like a secret (password, token, key…) and values
                     that look like a credential are recorded as [REDACTED:placeholder].
  --timeout SECONDS  Stop the block after this long (also 90s, 5m); 0 for none.
                     Default: the block's timeout attribute, else none.
  --shell SHELL      Shell that runs the block with -c (default bash).
${guardHelp}
${targetHelp}
                     An incident pinned to a target (incident.json "target") runs there.
${retargetHelp}
${promqlHelp}
  -h, --help         Show this help.

Exit status: the block's exit status; 124 when it timed out; 130 when interrupted;
127 when the shell could not start; 128+N when killed by signal N; 2 for bad arguments,
an unreadable file or an unfilled placeholder; 3 when the block was refused (destructive
without --yes/--confirm-context, a deny rule, hidden Unicode): then nothing ran; 4 when the run
could not be recorded (e.g. a full disk): the message says whether the block ran and how it ended.

With bash, every command that fails is recorded (an ERR trap), not only the last one: a block
whose last command succeeded after an earlier one failed is recorded as failed and exits 1.
Info-string attributes errexit=true (stop at the first failure, with pipefail) and pipefail=true.`;

/** Flags of `run`. Other features add theirs here (target, confirmation, Prometheus). */
export const runOptions = {
  block: { type: 'string' },
  name: { type: 'string' },
  incident: { type: 'string' },
  lines: { type: 'string' },
  var: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  shell: { type: 'string' },
  yes: { type: 'boolean' },
  retarget: { type: 'boolean' },
  ...guardOptions,
  ...targetOptions,
  ...promqlOptions,
} as const;

/** Workspace-relative when the runbook is under the current folder, else absolute. */
function runbookRelative(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** The run could not be recorded (start or end). */
export const NOT_RECORDED_EXIT = 4;

export function exitStatusFor(entry: TimelineEntry): number {
  if (entry.status === 'timeout') return 124;
  if (entry.status === 'stopped') return 130;
  // The shell returned 0, but a command before the last one failed.
  if (entry.exitCode === 0 && entry.status === 'failed') return 1;
  if (typeof entry.exitCode === 'number') return entry.exitCode;
  if (entry.signal) return 128 + (os.constants.signals[entry.signal as NodeJS.Signals] ?? 0);
  return 127;
}

function summary(entry: TimelineEntry, dir: string): string {
  const secs = ((entry.durationMs ?? 0) / 1000).toFixed(1);
  const result = exitText(entry);
  const range = entry.lines ? ` ${linesText(entry.lines)}` : '';
  const lines = [`runbook-lens run: block ${entry.block}${range} ${result}${result === 'did not start' ? '' : ` after ${secs} s`}; recorded as ${entry.id} in ${path.join(dir, TIMELINE_JSONL)}`];
  if (entry.failedCommand !== undefined) {
    lines.push(`runbook-lens run: first failed command${entry.failedLine !== undefined ? ` (line ${entry.failedLine})` : ''}: ${entry.failedCommand} → exit ${entry.failedExitCode}`);
  }
  if (entry.stepsChecked === false) lines.push(`runbook-lens run: ${entry.shell ?? 'this shell'} has no ERR trap: only the last command's exit code is known`);
  // Why it did not start (a missing shell or cwd, a command too long for exec), or why the output was not saved.
  if (entry.error) lines.push(`runbook-lens run: ${entry.error}`);
  return lines.join('\n') + '\n';
}

/** `--lines 12-14` (or `12`): those runbook lines, or a usage error. */
function parseLines(flag: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(flag.trim());
  if (!m) throw new UsageError(`--lines must be A-B (runbook line numbers, e.g. 12-14), not '${flag}'`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function problemText(p: PrepareProblem, index: number, lines: string | undefined): string {
  switch (p.kind) {
    case 'missing-placeholders': {
      const names = p.names.map((n) => `<${n}>`).join(', ');
      return `block ${index} has unfilled placeholder${p.names.length > 1 ? 's' : ''} ${names}; pass ${p.names.map((n) => `--var ${n}=VALUE`).join(' ')}`;
    }
    case 'target-conflict':
      return `the incident is pinned to ${targetName(p.pinned)}, not ${targetName(p.requested)}: nothing ran. Drop --context to run on ${p.pinned.context}, or pass --retarget to run on ${p.requested.context} and re-pin the incident (recorded as a note)`;
    case 'bad-lines':
      return `--lines ${lines}: ${p.error}`;
    case 'no-incident':
      return 'missing --incident DIR (the incident folder to record in)';
  }
}

/** The exit status and last words of a run the pipeline finished (or stopped). */
function finish(outcome: RunOutcome, lines: string | undefined): number {
  switch (outcome.status) {
    case 'invalid':
      throw new UsageError(problemText(outcome.problem, outcome.block.index, lines));
    case 'cancelled':
      return 2;
    case 'refused':
      return REFUSED_EXIT;
    case 'not-started':
      return 2;
    case 'not-recorded': {
      const live = outcome.phase === 'end' ? ' (what it printed is above)' : '';
      process.stderr.write(`runbook-lens run: ${outcome.message}${live}\n`);
      return NOT_RECORDED_EXIT;
    }
    case 'done': {
      const { result, entry, run } = outcome;
      if (result.kind === 'query') return printQueryOutcome(result.outcome, run.block, entry, run.request.incidentDir);
      process.stderr.write(summary(entry!, run.request.incidentDir!));
      return exitStatusFor(entry!);
    }
  }
}

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('run', async () => {
    const { values, positionals } = parseCommandArgs(argv, runOptions, { min: 1, max: 1, names: 'FILE (the runbook)' });
    const actor = actorNameSoon();
    const vars = parseKeyValues(values.var, '--var');
    const timeoutSeconds = values.timeout !== undefined ? parseSecondsFlag(values.timeout, '--timeout') : undefined;
    const lines = values.lines === undefined ? undefined : parseLines(values.lines);
    const file = positionals[0];
    const runbook = parseRunbook(await readInputFile(file));
    const block = selectBlock(runbook, file, values);
    const promql = block.kind === 'promql';
    if (!promql && !values.incident) throw new UsageError('missing --incident DIR (the incident folder to record in)');
    // Read once: the pinned target decides the flags' target, and prepare reuses the read.
    let incident;
    try {
      incident = await readIncidentView(values.incident);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const pinned = incident.pinned;
    const kube = runTargetFromFlags(values, pinned);
    // The workspace's runbookLens.cluster.serviceProxy, then the flag (bad values were already warned about by the safety read).
    const serviceProxy = !values['no-service-proxy'] && readWorkspaceSettings(file, () => undefined).clusterServiceProxy;
    const inCluster = serviceProxy && serviceProxyWanted(block.attributes) && Boolean(kube ?? pinned);
    const prometheus = promql ? prometheusUrlFrom(values.prometheus, block, file, inCluster) : undefined;
    const kubeconfig = () => kube?.merged ?? kubeconfigFromFlags(values);
    const runbookPath = path.resolve(file);
    const driver = cliRunDriver({ yes: values.yes, confirmContext: values['confirm-context'] });
    // Made only once the run is allowed: a refused run leaves no incident folder behind.
    driver.beforeRun = async () => {
      if (!values.incident) return;
      // An existing folder was read (and found sound) above.
      if (!incident.exists) {
        try {
          await ensureIncidentDir(values.incident, { title: path.basename(path.resolve(values.incident)) });
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
      }
      if (!promql && needsTerminal(block)) process.stderr.write(`runbook-lens run: block ${block.index} asks for a terminal; running it without a TTY\n`);
    };
    const executor = !promql
      ? pipeExecutor()
      : prometheus
        ? promqlExecutor(() => ({ baseUrl: prometheus, auth: authFromEnv(process.env, 'RUNBOOK_LENS_PROMETHEUS') }))
        : (await import('../../core/kube/serviceProxy/inClusterPrometheus.js')).inClusterPromqlExecutor(kubeconfig);
    // Ctrl-C reaches only this process (the block has its own process group): stop the block and record it.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const outcome = await runPipeline({
        runbookPath,
        runbookRel: runbookRelative(runbookPath),
        block,
        lines,
        incidentDir: values.incident,
        incident,
        vars,
        target: { requested: kube?.target ?? null, policy: values.retarget ? 'retarget' : 'pinned-wins', ambient: () => ambientTarget(values) },
        shell: values.shell,
        timeoutSeconds,
        actor: await actor,
        safety: promql ? undefined : readCliSafety(file),
        signal: stop.signal,
      }, driver, {
        executor,
        // Loaded when a run has a target: the service proxy pulls in http, https and tls, the kubeconfig yaml;
        // a local block's whole CLI start paid for them (issue 15).
        scope: promql ? [] : [
          kubeScope(async (target) => (await import('../../core/kube/scopedKubeconfig.js')).writeScopedKubeconfig(kubeconfig(), target)),
          serviceProxyStep(async (target, secrets) => (await import('../../core/kube/serviceProxy/runProxy.js')).serviceProxyScope(kubeconfig(), target, true, secrets), serviceProxy),
        ],
      });
      const code = finish(outcome, values.lines);
      // A shared incident goes to the team after the run is recorded (never changes the exit status).
      const synced = values.incident ? await syncIfShared(values.incident) : undefined;
      if (synced) process.stderr.write(`runbook-lens run: ${synced}\n`);
      return code;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
