import { newEntryId } from '../incident/timeline';
import { outputFilePath } from '../incident/incidentFiles';
import { confirmRun } from './confirm';
import { prepareRun } from './prepare';
import { recordQuery, recordResult, recordStart, RunNotRecordedError, type CommandRecord } from './record';
import { recordRetarget } from './retarget';
import { applyScope, type Scope } from './scope';
import { liveView } from './liveView';
import type { CommandResult, Executor, PreparedRun, RunDriver, RunOutcome, RunRequest, ScopeStep } from './types';

export interface PipelineParts {
  executor: Executor;
  /** Applied in order before the run (scoped kubeconfig, later an in-cluster proxy). */
  scope?: readonly ScopeStep[];
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The one way a block runs: prepare → confirm → scope → execute → record. The driver answers
 * the questions (placeholder values, consent) and shows the redacted live output; the executor
 * runs the code. The outcome says how far the run got.
 */
export async function runPipeline(req: RunRequest, driver: RunDriver, parts: PipelineParts): Promise<RunOutcome> {
  if (driver.mayRun && !(await driver.mayRun())) return { status: 'cancelled' };
  const prepared = await prepareRun(req, driver);
  if (!prepared.ok) return 'cancelled' in prepared ? { status: 'cancelled' } : { status: 'invalid', problem: prepared.problem, block: prepared.block };
  const run = prepared.run;
  driver.progress?.('prepared', run);

  const consent = await confirmRun(run, driver, prepared.timeline);
  if (!consent.ok) return { status: 'refused', run, reason: consent.reason };
  driver.progress?.('confirmed', run);
  await driver.beforeRun?.(run);

  let scope: Scope;
  try {
    scope = await applyScope(run, parts.scope ?? []);
  } catch (err) {
    const text = `cannot target ${run.target ? `${run.target.context}/${run.target.namespace}` : 'the run'}: ${message(err)}`;
    await driver.report({ phase: 'scope', message: text }, run);
    return { status: 'not-started', run, message: text };
  }
  driver.progress?.('scoped', run);
  let holdScope: Promise<void> | undefined;
  try {
    if (run.retarget && req.incidentDir) {
      try {
        await recordRetarget(run, req.incidentDir);
      } catch (err) {
        const text = `the change of target could not be recorded in ${req.incidentDir}: ${message(err)}; nothing ran`;
        await driver.report({ phase: 'start', message: text }, run);
        return { status: 'not-recorded', run, phase: 'start', message: text };
      }
    }
    const scoped = { ...run, env: scope.env };
    if (parts.executor.records === 'query') return await queryRun(run, scoped, driver, parts.executor);
    const outcome = await commandRun(run, scoped, driver, parts.executor, consent.confirmation, scope);
    if (outcome.status === 'done' && outcome.result.kind === 'command') holdScope = outcome.result.holdScopeUntil;
    return outcome;
  } finally {
    // A terminal keeps its scoped kubeconfig until it closes.
    if (holdScope) void holdScope.finally(() => scope.dispose());
    else await scope.dispose();
    driver.progress?.('finished', run);
  }
}

async function queryRun(run: PreparedRun, scoped: PreparedRun & { env: NodeJS.ProcessEnv }, driver: RunDriver, executor: Executor): Promise<RunOutcome> {
  const id = newEntryId();
  driver.progress?.('started', run, id);
  const result = await executor.execute(scoped, { entryId: id, onData: () => undefined });
  // A block whose attributes are wrong asked Prometheus nothing: nothing to record.
  if (result.kind !== 'query' || !run.request.incidentDir || result.outcome.errorKind === 'config') return { status: 'done', run, result };
  try {
    return { status: 'done', run, result, entry: await recordQuery(run, run.request.incidentDir, id, result.outcome) };
  } catch (err) {
    const text = `the query ran but could not be recorded in ${run.request.incidentDir}: ${message(err)}`;
    await driver.report({ phase: 'end', message: text }, run);
    return { status: 'not-recorded', run, phase: 'end', message: text, result };
  }
}

async function commandRun(run: PreparedRun, scoped: PreparedRun & { env: NodeJS.ProcessEnv }, driver: RunDriver, executor: Executor, confirmation: CommandRecord['confirmation'], scope: Scope): Promise<RunOutcome> {
  const incidentDir = run.request.incidentDir!;
  const rec: CommandRecord = { startId: newEntryId(), id: newEntryId(), incidentDir, terminal: executor.kind === 'terminal', confirmation };
  try {
    await recordStart(run, rec);
  } catch (err) {
    const text = message(err);
    await driver.report({ phase: 'start', message: text }, run);
    return { status: 'not-recorded', run, phase: 'start', message: text };
  }
  driver.progress?.('started', run, rec.id);
  const live = liveView(run, driver.output?.(run));
  let result: CommandResult;
  try {
    const r = await executor.execute(scoped, { entryId: rec.id, outputFile: outputFilePath(incidentDir, rec.id), onData: live.write, onLive: live.redacted, liveBackedUp: live.backedUp, onProgress: driver.outputProgress && ((p) => driver.outputProgress!(run, p)) });
    if (r.kind !== 'command') throw new Error(`executor ${executor.kind} returned a ${r.kind} result for a command`);
    result = r;
  } finally {
    live.end();
  }
  // The cause of a run that could not start (missing shell or folder, code too long for exec).
  if (result.didNotStart) await driver.report({ phase: 'spawn', message: result.error ?? 'the block did not start' }, run);
  for (const note of scope.notes()) driver.notice?.(note, run);
  try {
    return { status: 'done', run, result, entry: await recordResult(run, rec, result, scope.entryFields()) };
  } catch (err) {
    if (!(err instanceof RunNotRecordedError)) throw err;
    await driver.report({ phase: 'end', message: err.message, entry: err.entry }, run);
    return { status: 'not-recorded', run, phase: 'end', message: err.message, entry: err.entry, result };
  }
}
