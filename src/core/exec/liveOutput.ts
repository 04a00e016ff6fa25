import { createRedactor } from '../incident/redaction/redact';

export interface LiveSink {
  write(chunk: string): void;
  /** Releases what is still held back (an unfinished last line). */
  end(): void;
}

/**
 * The live view of a run, redacted like everything recorded: VS Code keeps its Output channels
 * in log files on disk, so the channel is a written file too. Whole lines pass at once; an
 * unfinished line waits for its end (or the end of the run), as the recorder's redactor does.
 * A block that prints secret material shows only a note saying so.
 */
export function liveRedactedSink(emit: (text: string) => void, opts: { literals?: string[]; withheld?: string[] } = {}): LiveSink {
  if (opts.withheld?.length) {
    let noted = false;
    return {
      write() {
        if (noted) return;
        noted = true;
        emit(`[output not shown here: the block runs ${opts.withheld!.map((w) => `\`${w}\``).join(', ')}, which prints secret material; Run in Terminal shows it on screen only]\n`);
      },
      end() {},
    };
  }
  const redactor = createRedactor({ literals: opts.literals });
  return {
    write(chunk) {
      const { text } = redactor.push(chunk);
      if (text) emit(text);
    },
    end() {
      const { text } = redactor.end();
      if (text) emit(text);
    },
  };
}
