/** The run pipeline's public face: adapters (extension, CLI) import from here. */
export * from './types';
export { runPipeline, type PipelineParts } from './pipeline';
export { prepareRun, blockCwd, runTimeoutMs, type Prepared } from './prepare';
export { confirmRun, type Consent } from './confirm';
export { readIncidentView, type IncidentView, type TimelineSnapshot } from './incidentView';
export { applyScope, kubeScope, type Scope } from './scope';
export { chooseTarget, targetName, type TargetChoice } from './target';
export { RunNotRecordedError, commandResultEntry } from './record';
export { runStatus, failureFields } from './result';
export { pipeExecutor, type PipeOptions } from './execute/pipe';
export { promqlExecutor } from './execute/promql';
export { runAndRecord, type RunRecordRequest } from './recordBlock';
export { terminalExecutor, NOT_CAPTURED, type TerminalHost, type TerminalRun } from './execute/terminal';
