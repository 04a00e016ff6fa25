import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Seeing every failing command of a block, not only the last exit code. bash runs the block with
 * an ERR trap (inherited by functions and subshells through errtrace) that appends each failing
 * command's exit code and line to a private 0600 file. Nothing else changes: no errexit unless the
 * block asks for it, the output is untouched, and `$?` after the trap is what it was. bash's own
 * rules decide what counts: conditions of `if`/`while`, the left side of `||`/`&&`, `!` and all
 * but the last command of a pipeline (without pipefail) do not.
 */

/** Block attributes that change how failures are handled (values as written in the info string). */
export interface StepAttributes {
  errexit?: string;
  pipefail?: string;
}

export interface StepFailure {
  /** 1-based line in the code as run. */
  line: number;
  exitCode: number;
}

export interface StepCheck {
  /** What to pass to `shell -c`. */
  command: string;
  /** False for shells without an ERR trap: only the last exit code is known. */
  checked: boolean;
  /** Why a bash block is not checked (its temp file could not be made). */
  uncheckedBecause?: string;
  /** The failures reported while the block ran (call after the shell has exited). */
  failures(): StepFailure[];
  dispose(): void;
}

export function isBash(shell: string | undefined): boolean {
  return !shell || /^bash(?:\d[\d.]*)?$/.test(path.basename(shell));
}

function flag(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/** `set` options the block asks for with `errexit=true` (stop at the first failure, with pipefail) or `pipefail=true`. */
export function shellOptions(attributes: StepAttributes): string {
  const errexit = flag(attributes.errexit);
  const pipefail = errexit ? attributes.pipefail === undefined || flag(attributes.pipefail) : flag(attributes.pipefail);
  // Shells without pipefail (older dash) would exit on `set -o pipefail`: tried in a subshell first.
  return [errexit ? 'set -e;' : '', pipefail ? '(set -o pipefail) 2>/dev/null && set -o pipefail;' : ''].join('');
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Prepares `code` for `shell -c`. The preamble goes on the code's first line, so line numbers
 * (and `$LINENO`) stay those of the block.
 */
export function prepareStepCheck(code: string, shell: string | undefined, attributes: StepAttributes = {}): StepCheck {
  const options = shellOptions(attributes);
  const unchecked = (why?: string): StepCheck => ({ command: options + code, checked: false, ...(why ? { uncheckedBecause: why } : {}), failures: () => [], dispose: () => undefined });
  if (!isBash(shell)) return unchecked();
  let dir: string;
  let file: string;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-steps-'));
    file = path.join(dir, 'failures');
    fs.writeFileSync(file, '', { mode: 0o600 });
  } catch (err) {
    // A full temp folder must not stop an incident: the block still runs, judged by its last exit code.
    return unchecked(`failing commands not checked: cannot create a file in ${os.tmpdir()}: ${(err as Error).message}`);
  }
  // $? first: the other expansions do not change it. Subshell depth, function depth and the
  // caller's line tell a failure apart from the same failure passed up by its function or subshell.
  const report = `printf '%s %s %s %s %s\\n' "$?" "$LINENO" "$BASH_SUBSHELL" "\${#FUNCNAME[@]}" "\${BASH_LINENO[0]:-0}" >>${shellQuote(file)} 2>/dev/null`;
  const command = `trap ${shellQuote(report)} ERR;set -E;${options}${code}`;
  return {
    command,
    checked: true,
    failures: () => {
      try {
        return mergeReports(fs.readFileSync(file, 'utf8'));
      } catch {
        return [];
      }
    },
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

interface Report {
  exitCode: number;
  line: number;
  subshell: number;
  depth: number;
  callerLine: number;
}

/**
 * One failure per failing command: a function call or subshell that fails because its last
 * command failed is reported again by bash one level up; those repeats are folded into the first.
 */
export function mergeReports(text: string): StepFailure[] {
  const reports: Report[] = [];
  for (const raw of text.split('\n')) {
    const f = raw.trim().split(' ').map(Number);
    if (f.length !== 5 || f.some((n) => !Number.isInteger(n) || n < 0)) continue;
    reports.push({ exitCode: f[0], line: f[1], subshell: f[2], depth: f[3], callerLine: f[4] });
  }
  const out: StepFailure[] = [];
  let prev: Report | undefined;
  for (const r of reports) {
    const fromFunction = prev && r.depth < prev.depth && r.subshell === prev.subshell && r.line === prev.callerLine;
    const fromSubshell = prev && r.subshell < prev.subshell && r.line >= prev.line;
    // A command substitution spanning lines reports a line past its end from inside: the outer one is right.
    const innerLineWrong = prev && r.subshell < prev.subshell && r.line < prev.line && r.depth === prev.depth;
    if (prev && r.exitCode === prev.exitCode && (fromFunction || fromSubshell || innerLineWrong)) {
      if (innerLineWrong) out[out.length - 1].line = r.line;
      prev = r;
      continue;
    }
    out.push({ line: r.line, exitCode: r.exitCode });
    prev = r;
  }
  return out;
}
