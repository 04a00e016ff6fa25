import * as fs from 'node:fs';

/** Prints what is appended to `file` (the suites' mocha log) while a run goes on. */
export function followFile(file: string, out: NodeJS.WritableStream = process.stdout): { flush(): void; stop(): void } {
  let printed = 0;
  const flush = () => {
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    if (text.length < printed) printed = 0; // truncated by a new run
    if (text.length > printed) {
      out.write(text.slice(printed));
      printed = text.length;
    }
  };
  const timer = setInterval(flush, 250);
  return { flush, stop: () => { clearInterval(timer); flush(); } };
}

/** Counts written by test/vscode/runner.ts, or undefined when the suites never finished. */
export function readSummary(file: string): { passed: number; failed: number } | undefined {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as { passed: number; failed: number };
    return { passed: s.passed, failed: s.failed };
  } catch {
    return undefined;
  }
}
