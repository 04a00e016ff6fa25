import { liveRedactedSink, type LiveSink } from '../exec/liveOutput';
import type { LiveOutput, OutputStream, PreparedRun } from './types';

export interface LiveView {
  write(chunk: string, stream: OutputStream): void;
  /** Output the executor already redacted (the pipe runner's onLive): passed on as it is. */
  redacted(chunk: string | Buffer, stream: OutputStream): void;
  backedUp(resume: () => void): boolean;
  end(): void;
}

/**
 * The run's live output, redacted like everything recorded before the driver's sink sees it
 * (the Output channel is a log file on disk; the CLI's stdout may be one too). Each stream is
 * redacted on its own, since lines of stdout and stderr interleave.
 */
export function liveView(run: PreparedRun, sink: LiveOutput | undefined): LiveView {
  if (!sink) return { write() {}, redacted() {}, backedUp: () => false, end() {} };
  const opts = { literals: run.secrets };
  // A withheld block shows one note, on stderr, as it starts: the runner passes none of its output on.
  const note = run.secretCommands.length ? withheldSink(run.secretCommands, sink) : undefined;
  note?.write('');
  const sinks: Record<OutputStream, LiveSink> = note
    ? { stdout: note, stderr: note }
    : { stdout: liveRedactedSink((t) => sink.write(t, 'stdout'), opts), stderr: liveRedactedSink((t) => sink.write(t, 'stderr'), opts) };
  let ended = false;
  return {
    write: (chunk, stream) => { if (!ended) sinks[stream].write(chunk); },
    redacted: (chunk, stream) => {
      if (ended) return;
      if (note) note.write(typeof chunk === 'string' ? chunk : '');
      else if (typeof chunk === 'string') sink.write(chunk, stream);
      else if (sink.writeBytes) sink.writeBytes(chunk, stream);
      else sink.write(chunk.toString('latin1'), stream);
    },
    backedUp: (resume) => !ended && (sink.backedUp?.(resume) ?? false),
    end: () => {
      if (ended) return;
      ended = true;
      sinks.stdout.end();
      if (sinks.stderr !== sinks.stdout) sinks.stderr.end();
    },
  };
}

/** Output of a block that prints secret material is not shown at all: one note says so. */
function withheldSink(commands: string[], sink: LiveOutput): LiveSink {
  let noted = false;
  return {
    write() {
      if (noted) return;
      noted = true;
      const where = sink.withheldHint ? `; ${sink.withheldHint}` : '';
      sink.write(`[output not shown here: the block runs ${commands.map((w) => `\`${w}\``).join(', ')}, which prints secret material${where}]\n`, 'stderr');
    },
    end() {},
  };
}
