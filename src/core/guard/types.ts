/** Shapes shared by the classifier, the confirmation decision and Explain Block. */

/** A command pattern: `PROGRAM [positional…] [-flags…]`, e.g. `kubectl rollout restart`, `rm -r`, `mkfs*`. */
export interface CommandRule {
  id: string;
  pattern: string;
  /** Why it matters, shown to the user. */
  reason: string;
  /** The rule only matches when the SQL the command runs (via these flags or stdin) has one of these words. */
  sqlKeywords?: string[];
  sqlFlags?: string[];
  /** `kubectl exec`: matches unless the command run inside the container is a known read-only one. */
  innerCommand?: boolean;
  /** Positionals compare case-insensitively (`redis-cli flushall`). */
  ignoreCase?: boolean;
  /** The rule only applies to a command reached through one of these (`find -exec`, `xargs`). */
  via?: string[];
  /** Patterns of commands the rule leaves alone (`aws eks update-kubeconfig` only writes a local file). */
  except?: string[];
}

export interface ProgramSpec {
  /** Other names for the same program (`oc` for `kubectl`). */
  aliases?: string[];
  /** Options that take the next word as their value (so it is not a positional). */
  valueFlags?: string[];
  /** Arguments that make the command change nothing (`--dry-run=server`): no destructive rule matches it. */
  dryRun?: string[];
  /** Help options besides `--help`, which means help for every program (`-h` is a host for psql). */
  helpFlags?: string[];
  /** Positionals that turn the command into a help page (`aws ec2 terminate-instances help`). */
  helpWords?: string[];
  /** Options followed by a command that ends at `;` or `+` (`find -exec rm {} +`). */
  execOptions?: string[];
}

/** An interpreter whose code string (`python3 -c CODE`) or stdin is code the guard cannot read. */
export interface InterpreterSpec {
  /** Program names, globs allowed (`python3*`). */
  names: string[];
  /** Options whose value is the code (`-c`); a cluster ending in the letter counts (`perl -ne`). */
  codeFlags: string[];
  /** The code is the first positional (awk) when no `-f` file is given. */
  codeIsFirstPositional?: boolean;
  /** Options that take the next word as their value. */
  valueFlags?: string[];
  /** What in the code reaches a shell, another program or the file system (a regular expression). */
  calls: string;
}

/** A prefix command that runs another command (`sudo`, `env`, `xargs`, `watch` …). */
export interface WrapperSpec {
  valueFlags?: string[];
  /** Skip `NAME=value` words (env, sudo). */
  skipAssignments?: boolean;
  /** Positionals to skip before the wrapped command (`timeout 5`, `ssh host`). */
  skipPositionals?: number;
  /** The rest is joined and run by a shell (`watch`, `ssh`). */
  shellString?: boolean;
  /** Only the value of one of these options is run, by a shell (`su -c CMD`); without it nothing is. */
  commandFlags?: string[];
}

export interface GuardRules {
  destructive: CommandRule[];
  deny: CommandRule[];
  programs: Record<string, ProgramSpec>;
  wrappers: Record<string, WrapperSpec>;
  /** Shells: their `-c` argument or their stdin is shell code and is classified too. */
  shells: string[];
  /** Commands that only read: `kubectl exec … -- <one of these>` is not destructive. */
  readOnly: string[];
  /** Interpreters of other languages: their code is unknown code when it calls a shell or a program. */
  interpreters?: InterpreterSpec[];
  /** Commands whose output is trusted shell code (`kubectl completion bash`), as patterns. */
  trustedCodeOutput?: string[];
}

export interface Finding {
  /** The command as written (continuations joined). */
  command: string;
  /** Rule id (or `dynamic-command`, `dynamic-verb`, `eval` for what cannot be seen through). */
  rule: string;
  reason: string;
  /** 1-based line and 0-based column in the code. */
  line: number;
  column: number;
  /** Functions, wrappers and shells the command was reached through, outermost first. */
  via?: string[];
  /** The command with the block's own constants expanded (`-n "$NS"` → `-n photon-mlir`), when that differs. */
  expanded?: string;
}

export interface HiddenChar {
  /** 1-based line and 0-based column (UTF-16 units, as in VS Code) in the scanned text. */
  line: number;
  column: number;
  offset: number;
  codePoint: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+0435 looks like "e" in "kubеctl"`. */
  label: string;
  /** For a look-alike: the ASCII it passes for (the lint fix writes it instead). */
  replacement?: string;
}

export interface Assessment {
  destructive: Finding[];
  denied: Finding[];
  /** Parts the classifier cannot see through (computed command names, eval of variables): treated like destructive. */
  uncertain: Finding[];
  hiddenUnicode: HiddenChar[];
  /** Set when the code does not parse: such a block is never treated as safe. */
  parseError?: string;
}
