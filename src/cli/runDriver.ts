import type { RunDriver } from '../core/run';
import { refusalMessage, type GuardFlags } from './guardRun';
import { scavengeAfter } from './scavenge';

interface LiveWriter {
  write(chunk: string | Buffer): void;
  backedUp(resume: () => void): boolean;
}

/**
 * Streams to our stdout/stderr, and goes quiet if the reader goes away (`| head`): the block
 * keeps running and is still recorded. A pipe is written asynchronously: while its reader is
 * behind, the block waits (as in a shell pipeline) instead of its output queuing in our memory.
 */
function liveWriter(stream: NodeJS.WriteStream, relayed: (bytes: number) => void): LiveWriter {
  let open = true;
  stream.on('error', () => { open = false; });
  return {
    write: (chunk) => {
      if (open) stream.write(chunk);
      relayed(chunk.length);
    },
    backedUp(resume) {
      if (!open || !stream.writableNeedDrain) return false;
      const go = () => {
        stream.off('drain', go).off('error', go).off('close', go);
        resume();
      };
      stream.once('drain', go).once('error', go).once('close', go);
      return true;
    },
  };
}

/**
 * The CLI's answers to a run's questions: placeholder values come from --var only (a missing
 * one is an error, exit 2), consent from --yes and --confirm-context (a refusal exits 3), the
 * live output goes, redacted, to our stdout and stderr.
 */
export function cliRunDriver(flags: GuardFlags, err: NodeJS.WriteStream = process.stderr, out: NodeJS.WriteStream = process.stdout): RunDriver {
  const relayed = scavengeAfter();
  const live = { stdout: liveWriter(out, relayed), stderr: liveWriter(err, relayed) };
  return {
    consentMethods: { confirm: 'cli-yes', typed: 'cli-confirm-context', ...(flags.yes ? { unasked: 'cli-yes' as const } : {}) },
    placeholderValues: async (_block, preset) => preset,
    // A teammate's recent run of the block is said whether --yes was given or not.
    consent: async (q) => {
      if (q.teammateRun) err.write(`runbook-lens run: ${q.teammateRun}\n`);
      return flags.yes === true;
    },
    typedContext: async () => flags.confirmContext,
    refused: (q, reason) => { err.write(refusalMessage(q, reason, flags)); },
    // Plain lines arrive as undecoded bytes: decoding 256 MiB only to encode it again cost more than the relay.
    output: () => ({
      write: (text, stream) => live[stream].write(text),
      writeBytes: (bytes, stream) => live[stream].write(bytes),
      backedUp: (resume) => live.stdout.backedUp(resume) || live.stderr.backedUp(resume),
    }),
    notice: (text) => { err.write(`runbook-lens run: ${text}\n`); },
    report: (problem) => {
      // A block that did not start is said in the summary; a run not recorded is said by the caller.
      if (problem.phase === 'scope') err.write(`runbook-lens run: ${problem.message}; nothing ran\n`);
    },
  };
}
