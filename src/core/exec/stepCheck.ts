import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Seeing every failing command of a block, not only the last exit code. bash runs the block with
 * an ERR trap (inherited by functions and subshells through errtrace) that appends each failing
 * command's exit code and line to a private 0600 file. Nothing else changes: no errexit unless the
 * block asks for it, the output is untouched, and `$?` after the trap is what it was. bash's own
 * rules decide what counts: conditions of `if`/`while`, the left side of `||`/`&&` and `!` do not.
 * bash never reports the other commands of a pipeline (`cat missing | wc -l` succeeds), so a DEBUG
 * trap, which runs before each command, looks at the PIPESTATUS the last pipeline left: a command
 * that failed there counts too, except by SIGPIPE (141: `yes | head` is how pipelines end early).
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

function pipefailOn(attributes: StepAttributes): boolean {
  return flag(attributes.errexit) ? attributes.pipefail === undefined || flag(attributes.pipefail) : flag(attributes.pipefail);
}

/**
 * The DEBUG (and EXIT, for a block's last pipeline) trap body. A pipeline's later commands see the
 * same PIPESTATUS as its first (they are started one after another before it ends), so an
 * observation is counted once per PIPESTATUS and line; under pipefail (set by the block itself) the
 * ERR trap reports the pipeline instead. Its own stderr is discarded, so `set -x`
 * does not trace it. It costs a few microseconds per top-level command (not inside pipelines,
 * functions or subshells, which do not inherit it), so it is set only when the code has a pipe.
 */
function pipelineCheck(file: string): string {
  return '{ __rl_p=("${PIPESTATUS[@]}"); if ((${#__rl_p[@]} > 1)); then __rl_n="${__rl_p[*]}:$LINENO"; '
    + 'if [[ ! -o pipefail && $__rl_n != "$__rl_k" ]]; then for __rl_x in "${__rl_p[@]:0:${#__rl_p[@]}-1}"; do if ((__rl_x != 0 && __rl_x != 141)); then '
    + `printf 'P %s %s\\n' "$__rl_x" "$__rl_l" >>${shellQuote(file)}; break; fi; done; fi; __rl_k=$__rl_n; else __rl_k=; fi; __rl_l=$LINENO; } 2>/dev/null`;
}

/** A DEBUG trap slows every command a little; only code with a pipe needs it (`||` is not one). */
export function hasPipe(code: string): boolean {
  return /(^|[^|])\|(?!\|)/.test(code);
}

/** `set` options the block asks for with `errexit=true` (stop at the first failure, with pipefail) or `pipefail=true`. */
export function shellOptions(attributes: StepAttributes): string {
  const pipefail = pipefailOn(attributes);
  const errexit = flag(attributes.errexit);
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
  // With pipefail the pipeline itself fails and the ERR trap reports it.
  const pipes = pipefailOn(attributes) || !hasPipe(code) ? '' : `trap ${shellQuote(pipelineCheck(file))} DEBUG EXIT;`;
  const command = `trap ${shellQuote(report)} ERR;${pipes}set -E;${options}${code}`;
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
  const reports: (Report | StepFailure)[] = [];
  for (const raw of text.split('\n')) {
    const piped = raw.startsWith('P ');
    const f = (piped ? raw.slice(2) : raw).trim().split(' ').map(Number);
    if (f.length !== (piped ? 2 : 5) || f.some((n) => !Number.isInteger(n) || n < 0)) continue;
    reports.push(piped ? { exitCode: f[0], line: f[1] } : { exitCode: f[0], line: f[1], subshell: f[2], depth: f[3], callerLine: f[4] });
  }
  const out: StepFailure[] = [];
  let prev: Report | undefined;
  for (const r of reports) {
    // A command inside a pipeline: bash reports it nowhere else.
    if (!('depth' in r)) {
      out.push(r);
      continue;
    }
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
