/**
 * What secretlint's preset lacks, as data: each rule is a pattern, the group that holds the
 * secret, its kind, and literal triggers that must appear before the pattern is tried.
 * Values already redacted, empty, boolean, or plainly placeholders (`$VAR`, `<password>`,
 * `***`) are left alone.
 */
import { entropySpans } from './entropy';
import { PROVIDER_TOKENS, providerTriggers } from './providerTokens';
import { MARKER_PREFIX, pemBody, type SecretSpan } from './spans';
import { createTriggerFinder } from './triggerFinder';

interface PatternRule {
  kind: string | ((m: RegExpExecArray) => string);
  pattern: RegExp;
  /** Index of the capture group that holds the secret (0: the whole match). */
  group: number;
  /** Lower-case strings; the rule runs only if the lower-cased text contains one. */
  triggers: string[];
  /** A match that names a secret rather than holding one. */
  reference?: (m: RegExpExecArray, text: string) => boolean;
}

/** `existingSecret: db-credentials`, `useExistingSecret`: Helm-style keys whose value is a Secret's name. */
const REFERENCE_KEY = /^(?:existing|useexisting|external|ref|from|mount)/i;
/** `checksum/secret: <sha256>`, `vault.hashicorp.com/agent-inject-secret-db: path`: annotation keys. */
const ANNOTATION_BEFORE = /(?:checksum|[a-z0-9-]+\.[a-z]{2,})\/$/i;

const KEY_WORDS = 'password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|private[_-]?key[_-]?id|secret[_-]?key|client[_-]?secret|credentials?|key[_-]?data|session[_-]?id|sessionid';

function keyKind(key: string): string {
  const k = key.toLowerCase();
  if (/key-data$/.test(k)) return 'kubeconfig-key-data';
  if (/pass(word|wd|phrase)/.test(k)) return 'password';
  if (/secret/.test(k)) return 'secret';
  if (/token/.test(k)) return 'token';
  if (/key/.test(k)) return 'api-key';
  return 'credential';
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Provider tokens: a prefix that does not continue a word, then the body. */
const PROVIDER_RULES: PatternRule[] = PROVIDER_TOKENS.map((p) => ({
  kind: p.kind,
  pattern: new RegExp(`(?<![A-Za-z0-9_])(?:${p.prefixes.map(escapeRe).join('|')})${p.body}`, 'g'),
  group: 0,
  triggers: providerTriggers(p).map((t) => t.toLowerCase()),
}));

export const PATTERN_RULES: PatternRule[] = [
  ...PROVIDER_RULES,
  // Signed, unsigned (`alg: none`, empty third part) and encrypted (five parts) JWTs.
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g, group: 0, triggers: ['eyj'] },
  { kind: 'gcp-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g, group: 0, triggers: ['aiza'] },
  { kind: 'gcp-oauth-token', pattern: /\bya29\.[0-9A-Za-z_-]{20,}/g, group: 0, triggers: ['ya29.'] },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9_]{30,255}|github_pat_[A-Za-z0-9_]{30,255})/g, group: 0, triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, group: 0, triggers: ['xox'] },
  { kind: 'aws-access-key', pattern: /\bA3T[A-Z0-9][A-Z0-9]{16}\b/g, group: 0, triggers: ['a3t'] },
  { kind: 'azure-storage-key', pattern: /\b(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/=]{16,})/g, group: 1, triggers: ['accountkey=', 'sharedaccesskey='] },
  { kind: 'azure-sas-token', pattern: /[?&]sig=([A-Za-z0-9%+/=]{16,})/g, group: 1, triggers: ['sig='] },
  { kind: 'azure-client-secret', pattern: /\b[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/g, group: 0, triggers: ['q~'] },
  { kind: 'private-key', pattern: /-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----(?:\\n|\r?\n|[A-Za-z0-9+/=\s])*?-----END[A-Z ]*PRIVATE KEY(?: BLOCK)?-----/g, group: 0, triggers: ['private key'] },
  // Authorization-style headers: the credential after any scheme word (`Api-Token x`, `Bearer x`, `x`).
  {
    kind: 'authorization-header',
    pattern: /\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:[A-Za-z][\w.-]*[ \t]+(?=[^\s"',;]))?([^\s"',;]+)/gi,
    group: 1,
    triggers: ['authorization'],
  },
  { kind: 'api-key-header', pattern: /\b(?:x-api-key|api-key|x-auth-token|x-vault-token|private-token|x-goog-api-key)["']?[ \t]*[:=][ \t]*["']?([^\s"',;]+)/gi, group: 1, triggers: ['api-key', 'auth-token', 'vault-token', 'private-token'] },
  { kind: 'cookie', pattern: /\b(?:set-)?cookie["']?[ \t]*:[ \t]*["']?([^\r\n"']+)/gi, group: 1, triggers: ['cookie'] },
  { kind: 'bearer-token', pattern: /\bbearer[ \t]+([A-Za-z0-9._~+/=-]{8,})/gi, group: 1, triggers: ['bearer'] },
  { kind: 'url-credentials', pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/?#"'<>]+:([^\s@/"'<>]+)@/gi, group: 1, triggers: ['://'] },
  // --password=X, --token X, -p=X is too ambiguous and left out.
  {
    kind: (m) => keyKind(m[1]),
    // A flag starts a word (not `-credentials` inside `db-credentials`); a spaced value is not the next flag.
    pattern: new RegExp(`(?<![\\w.-])(--?(?:[a-z0-9]+-)*(?:${KEY_WORDS}))(?:=|[ \\t]+(?!-))("[^"\\n]*"|'[^'\\n]*'|[^\\s"']+)`, 'gi'),
    group: 2,
    triggers: ['pass', 'secret', 'token', 'key', 'credential', 'session'],
  },
  // key: value, key = value, "key": "value" (YAML, JSON, env, logfmt, kubeconfig token:/client-key-data:).
  {
    kind: (m) => keyKind(m[2]),
    pattern: new RegExp(`(["']?)\\b([A-Za-z0-9_.-]*(?:${KEY_WORDS}))\\1[ \\t]*(?::|=>|=)[ \\t]*("(?:[^"\\\\\\n]|\\\\.)*"|'[^'\\n]*'|[^\\s,;&"'{}\\[\\]]+)`, 'gi'),
    group: 3,
    triggers: ['pass', 'secret', 'token', 'key', 'credential', 'session'],
    reference: (m, text) => REFERENCE_KEY.test(m[2]) || ANNOTATION_BEFORE.test(text.slice(Math.max(0, m.index - 64), m.index)),
  },
];

/**
 * Values that are not secrets: empty, booleans and yes/no, masks, placeholders (`<password>`, `<set to the
 * key 'password' in secret …>`), Terraform's `(sensitive value)` / `(known after apply)` and references
 * (`var.x`, `random_password.db.result`), help texts' types (`--password string`), bracketed notes
 * (`[credentials omitted]`), and names of Secrets (`db-credentials`, `api-token-v2`).
 */
const NOT_A_SECRET = /^(?:|\$|true|false|null|nil|none|~|\*+|x+|-+|\.+|\d{1,3}|<.*|\$\(.*|`.*|(?:secrets?|configmaps?|not|missing|required|invalid|empty|unset|set|found|expired|revoked|denied|rotated|redacted|hidden|masked|provided|changed|updated)|yes|no|on|off|string|strings|stringArray|int|bool|duration|\[.*|(?:var|local|data|module|each|self)\.[\w.[\]"-]+|random_[a-z_]+\.[\w.[\]"-]+|[a-z0-9]{1,12}(?:-[a-z0-9]{1,12})*-(?:credentials?|secrets?|passwords?|tokens?|keys?|auth|tls|certs?)(?:-[a-z0-9]{1,12})*|\((?:sensitive|known)\b.*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{[^}]*\}\}|%[A-Z_]+%|\|[-+]?|>[-+]?)$/i;

function unquote(value: string): { value: string; offset: number } {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return { value: value.slice(1, -1), offset: 1 };
  return { value, offset: 0 };
}

/** Start of capture group `g` inside the match (JS has no group indices without the `d` flag on every rule). */
function groupStart(m: RegExpExecArray, g: number): number {
  if (g === 0) return m.index;
  const whole = m[0];
  const part = m[g] ?? '';
  return m.index + whole.lastIndexOf(part);
}

let findTriggers: ((lower: string) => Set<string>) | undefined;

export function patternSpans(text: string, lower: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  findTriggers ??= createTriggerFinder(PATTERN_RULES.flatMap((r) => r.triggers));
  const found = findTriggers(lower);
  for (const rule of PATTERN_RULES) {
    if (!rule.triggers.some((t) => found.has(t))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) { rule.pattern.lastIndex++; continue; }
      const raw = m[rule.group] ?? '';
      const { value, offset } = unquote(raw);
      if (NOT_A_SECRET.test(value.trim()) || NOT_A_SECRET.test(value.trim().replace(/[)\].,]+$/, '')) || value.startsWith(MARKER_PREFIX) || rule.reference?.(m, text)) continue;
      const start = groupStart(m, rule.group) + offset;
      const kind = typeof rule.kind === 'string' ? rule.kind : rule.kind(m);
      spans.push(value.startsWith('-----BEGIN') ? pemBody(text, start, start + value.length) : { start, end: start + value.length, kind });
    }
  }
  spans.push(...entropySpans(text, lower));
  return spans;
}
