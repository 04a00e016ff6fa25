/**
 * Commands known to print secret material: their output carries no key name to redact by
 * (`kubectl get secret x -o jsonpath='{.data.password}'` prints bare base64), so a block that
 * runs one has its whole output withheld from the record. Read from the guard's bash parse,
 * through pipelines, lists, substitutions, wrappers (`sudo`, `env`, `\kubectl`) and `sh -c`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { bashParser, parseWith } from '../../guard/shellParser';

interface SecretCommandRule {
  programs: string[];
  /** Every group must be matched by some argument (each group: alternatives). */
  all: RegExp[];
  /** None of these may appear. */
  none?: RegExp[];
  what: string;
}

const SECRET_RESOURCE = /^(?:secrets?|secret\/.+|secrets\/.+|secrets?,.*|.*,secrets?(?:,.*)?|secrets?\.v1\.?.*)$/;
/** Output formats that print a Secret's data (the default table and `name`/`wide` do not). */
const DATA_OUTPUT = /^(?:(?:-o|--output)(?:=)?)?(?:json|yaml|jsonpath.*|go-template.*|template.*|custom-columns.*)$/;

export const SECRET_OUTPUT_KIND = 'secret-command-output';

/** What the record holds instead of such a block's output. */
export function withheldNote(bytes: number, commands: string[]): string {
  return `[REDACTED:${SECRET_OUTPUT_KIND}] ${bytes} bytes of output not recorded: the block runs ${commands.map((w) => `\`${w}\``).join(', ')}, which prints secret material.\n`;
}

const RULES: SecretCommandRule[] = [
  { programs: ['kubectl', 'oc'], all: [/^get$/, SECRET_RESOURCE, DATA_OUTPUT], what: 'get secret with a data output format' },
  { programs: ['kubectl', 'oc'], all: [/^create$/, /^token$/], what: 'create token' },
  { programs: ['kubectl', 'oc'], all: [/^config$/, /^view$/, /^--(?:raw|flatten)$/], what: 'config view --raw' },
  { programs: ['kubectl'], all: [/^view-secret$/], what: 'view-secret' },
  { programs: ['oc'], all: [/^whoami$/, /^(?:-t|--show-token(?:=true)?)$/], what: 'whoami -t' },
  { programs: ['oc'], all: [/^(?:sa|serviceaccounts)$/, /^(?:get-token|new-token)$/], what: 'sa get-token' },
  { programs: ['oc'], all: [/^extract$/, /^(?:secrets?\/.+|--to=-)$/], what: 'extract secret' },
  { programs: ['kubeadm'], all: [/^token$/, /^(?:create|list|generate)$/], what: 'kubeadm token' },
  { programs: ['vault'], all: [/^(?:token|login|unwrap|read|print)$/], what: 'vault token/login/read' },
  { programs: ['vault'], all: [/^kv$/, /^get$/], what: 'vault kv get' },
  { programs: ['vault'], all: [/^write$/, /^auth\/.+\/login/], what: 'vault write auth/…/login' },
  { programs: ['gcloud'], all: [/^auth$/, /^print-(?:access|identity)-token$/], what: 'gcloud auth print-access-token' },
  { programs: ['gcloud'], all: [/^secrets$/, /^versions$/, /^access$/], what: 'gcloud secrets versions access' },
  { programs: ['aws'], all: [/^sts$/], none: [/^(?:get-caller-identity|get-access-key-info|decode-authorization-message)$/], what: 'aws sts' },
  { programs: ['aws'], all: [/^ecr(?:-public)?$/, /^get-(?:login-password|authorization-token)$/], what: 'aws ecr get-login-password' },
  { programs: ['aws'], all: [/^secretsmanager$/, /^get-secret-value$/], what: 'aws secretsmanager get-secret-value' },
  { programs: ['aws'], all: [/^ssm$/, /^get-parameters?(?:-by-path)?$/, /^--with-decryption$/], what: 'aws ssm --with-decryption' },
  { programs: ['aws'], all: [/^iam$/, /^create-(?:access-key|service-specific-credential)$/], what: 'aws iam create-access-key' },
  { programs: ['aws'], all: [/^(?:codeartifact|eks)$/, /^get-(?:authorization-)?token$/], what: 'aws get-token' },
  { programs: ['aws'], all: [/^configure$/, /^(?:get|export-credentials)$/], what: 'aws configure get/export-credentials' },
  { programs: ['az'], all: [/^account$/, /^get-access-token$/], what: 'az account get-access-token' },
  { programs: ['az'], all: [/^keyvault$/, /^secret$/, /^(?:show|download)$/], what: 'az keyvault secret show' },
  { programs: ['az'], all: [/^acr$/, /^login$/, /^--expose-token$/], what: 'az acr login --expose-token' },
  { programs: ['az'], all: [/^(?:ad|storage)$/, /^(?:sp|account|credential)$/, /^(?:create-for-rbac|credential|keys|reset|list)$/], what: 'az credentials' },
  { programs: ['gh', 'glab'], all: [/^auth$/, /^token$/], what: 'gh auth token' },
  { programs: ['op'], all: [/^read$/], what: 'op read' },
  { programs: ['pass', 'gopass'], all: [/^show$/], what: 'pass show' },
  { programs: ['doctl'], all: [/^auth$/, /^token$/], what: 'doctl auth token' },
];

/** Files that hold credentials, whatever program prints them. */
const SECRET_PATH = /(?:^|\/)(?:run\/secrets\/|var\/run\/secrets\/|\.kube\/config$|\.docker\/config\.json$|\.aws\/credentials$|\.netrc$|\.pgpass$|\.vault-token$)/;

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'time', 'nohup', 'nice', 'timeout', 'watch', 'xargs', 'builtin', 'doas']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'eval']);

const unquote = (w: string): string => w.replace(/^\\/, '').replace(/^(['"])([\s\S]*)\1$/, '$2');
const base = (w: string): string => w.slice(w.lastIndexOf('/') + 1);

/** The rule a command's words break, if any. Words are already unquoted; the first is the program. */
export function secretCommandOf(words: string[]): string | undefined {
  let i = 0;
  let wrapped = false;
  // Wrappers, their options and numeric arguments (`timeout 5`, `nice -n 5`, `watch -n 2`), and `VAR=x` prefixes.
  while (i < words.length && (WRAPPERS.has(base(words[i])) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || (wrapped && /^(?:-.*|\d+(?:\.\d+)?[smhd]?)$/.test(words[i])))) {
    wrapped ||= WRAPPERS.has(base(words[i]));
    i++;
  }
  const program = base(words[i] ?? '');
  const args = words.slice(i + 1);
  if (args.some((a) => SECRET_PATH.test(a))) return `${program} ${args.find((a) => SECRET_PATH.test(a))}`;
  for (const rule of RULES) {
    if (!rule.programs.includes(program)) continue;
    const split = args.flatMap((a) => (/^-o.+/.test(a) && !a.startsWith('-o=') ? ['-o', a.slice(2)] : [a])).map((a) => a.replace(/^(?:-o|--output)=/, ''));
    if (rule.all.every((re) => split.some((a) => re.test(a))) && !(rule.none ?? []).some((re) => split.some((a) => re.test(a)))) return rule.what.startsWith(`${program} `) ? rule.what : `${program} ${rule.what}`;
  }
  // `kubectl exec pod -- cat /run/secrets/…`, `ssh host -- vault token …`: the command after `--`.
  const dash = args.indexOf('--');
  if (dash >= 0) return secretCommandOf(args.slice(dash + 1));
  return undefined;
}

function commandWords(node: Node): string[] {
  const words: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'variable_assignment' || child.type.endsWith('redirect')) continue;
    words.push(unquote(child.text));
  }
  return words;
}

/** Names the block binds to a word (`k=kubectl`, `alias k=kubectl`): a command named `$k` or `k` is that word. */
type Bindings = Map<string, string[]>;

function bindings(code: string): Bindings {
  const found: Bindings = new Map();
  for (const m of code.matchAll(/(?:^|[;&|\s])(alias\s+)?([A-Za-z_][A-Za-z0-9_]*)=(['"]?)([^'"\n;&|]+)\3/g)) {
    found.set(m[1] ? m[2] : `$${m[2]}`, m[4].trim().split(/\s+/));
  }
  return found;
}

function expand(words: string[], bound: Bindings): string[] {
  const first = (words[0] ?? '').replace(/^\$\{(\w+)\}$/, '$$$1');
  const to = bound.get(first);
  return to ? [...to, ...words.slice(1)] : words;
}

let bound: Bindings = new Map();

function walk(node: Node, found: string[], depth: number): void {
  if (node.type === 'command') {
    const words = expand(commandWords(node), bound);
    const hit = secretCommandOf(words);
    if (hit) found.push(hit);
    // `bash -c '…'`, `eval "…"`: the string is code too.
    const program = base(words[0] ?? '');
    if (SHELLS.has(program) && depth < 4) {
      const code = program === 'eval' ? words.slice(1).join(' ') : words.includes('-c') ? words[words.indexOf('-c') + 1] : undefined;
      if (code) found.push(...secretCommandsSync(code, depth + 1));
    }
  }
  for (const child of node.namedChildren) if (child) walk(child, found, depth);
}

let parser: Awaited<ReturnType<typeof bashParser>> | undefined;

function secretCommandsSync(code: string, depth: number): string[] {
  if (!parser || !code) return [];
  const tree = parseWith(parser, code);
  try {
    const found: string[] = [];
    walk(tree.rootNode, found, depth);
    return found;
  } finally {
    tree.delete();
  }
}

/**
 * The secret-printing commands a block runs (e.g. `kubectl get secret with a data output
 * format`). If the parser cannot load, every line is split on blanks and checked instead.
 */
export async function secretCommands(code: string): Promise<string[]> {
  try {
    parser ??= await bashParser();
  } catch {
    return code.split(/[\n;|&]+/).map((l) => secretCommandOf(l.trim().split(/\s+/).map(unquote))).filter((x): x is string => !!x);
  }
  bound = bindings(code);
  return [...new Set(secretCommandsSync(code, 0))];
}
