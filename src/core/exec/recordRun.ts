/** Moved to src/core/run/ (the one run pipeline); kept so benches and older imports still build. */
export { runAndRecord, type RunRecordRequest } from '../run/recordBlock';
export { RunNotRecordedError } from '../run/record';
export { blockCwd } from '../run/prepare';
export { runStatus, failureFields } from '../run/result';
