/**
 * secretlint's recommended preset, run synchronously. Its scanner rules are plain objects
 * (`create(context).file(source)`) that report ranges synchronously; secretlint's own
 * `lintSource` is async and builds far more than we need on the streaming path, so we give
 * each rule a minimal context and read the secret out of the report's message data.
 * The comment filter rule is left out on purpose: output must not be able to switch redaction off.
 */
import type { SecretLintRuleCreator, SecretLintRuleContext, SecretLintRuleReportHandler } from '@secretlint/types' with { 'resolution-mode': 'import' };
import { pemBody, type SecretSpan } from './spans';
import { createTriggerFinder } from './triggerFinder';

// The preset is ESM-only; Node 20.19+ and esbuild both load it through require(). Loaded on
// the first redaction, not at activation (the extension ships it as a file of its own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPreset = () => require('@secretlint/secretlint-rule-preset-recommend') as { rules: SecretLintRuleCreator[] };

/** secretlint message ids → our redaction kinds. Unknown ids become kebab-case kinds. */
const KINDS: Record<string, string | null> = {
  AWSAccessKeyID: 'aws-access-key',
  AWSSecretAccessKey: 'aws-secret-key',
  AWSAccountID: null, // an account number is not a secret
  PrivateKey: 'private-key',
  SLACK_TOKEN: 'slack-token',
  IncomingWebhook: 'slack-webhook',
  NPM_ACCESS_TOKEN: 'npm-token',
  Npmrc_authToken: 'npm-token',
  PackageJSON_xOauthToken: 'github-token',
  BasicAuth: 'url-credentials',
  MongoDBConnection: 'url-credentials',
  MySQLConnection: 'url-credentials',
  PostgreSQLConnection: 'url-credentials',
  SENDGRID_KEY: 'sendgrid-key',
  OPENAI_TOKEN: 'openai-key',
  LINEAR_API_TOKEN: 'linear-key',
  GITHUB_TOKEN: 'github-token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'gitlab-token',
  HUGGINGFACE_USER_ACCESS_TOKEN: 'huggingface-token',
  ANTHROPIC_API_KEY: 'anthropic-key',
  GROQ_API_KEY: 'groq-key',
  NOTION_INTEGRATION_TOKEN: 'notion-token',
  OPS_TOKEN: '1password-token',
  SHOPIFY_KEY: 'shopify-token',
  DATABRICKS_PERSONAL_ACCESS_TOKEN: 'databricks-token',
  DOCKER_PERSONAL_ACCESS_TOKEN: 'docker-token',
  FIGMA_PERSONAL_ACCESS_TOKEN: 'figma-token',
};

/** Families of message ids that share one kind (Stripe, Grafana, Vault, Vercel, Cloudflare, Tailscale). */
const KIND_FAMILIES: [RegExp, string][] = [
  [/^STRIPE_/, 'stripe-key'], [/^GRAFANA_/, 'grafana-token'], [/^HASHICORP_VAULT_/, 'vault-token'],
  [/^VERCEL_/, 'vercel-token'], [/^CLOUDFLARE_/, 'cloudflare-token'], [/^TAILSCALE_/, 'tailscale-key'],
];

/** Literal strings at least one of which a rule's pattern needs: a cheap pre-check per batch. */
const TRIGGERS: Record<string, string[]> = {
  '@secretlint/secretlint-rule-aws': ['A3T', 'AKIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ASIA', 'ecret', 'ECRET'],
  '@secretlint/secretlint-rule-privatekey': ['PRIVATE KEY'],
  '@secretlint/secretlint-rule-npm': ['npm_', 'x-oauth-basic', '_authToken'],
  '@secretlint/secretlint-rule-basicauth': ['://'],
  '@secretlint/secretlint-rule-slack': ['xox', 'xapp-', 'hooks.slack.com'],
  '@secretlint/secretlint-rule-sendgrid': ['SG.'],
  '@secretlint/secretlint-rule-shopify': ['shppa_', 'shpca_', 'shpat_', 'shpss_'],
  '@secretlint/secretlint-rule-github': ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  '@secretlint/secretlint-rule-openai': ['sk-'],
  '@secretlint/secretlint-rule-linear': ['lin_api_'],
  '@secretlint/secretlint-rule-1password': ['ops_'],
  '@secretlint/secretlint-rule-gcp': [], // only reads .p12/.json files by path
  '@secretlint/secretlint-rule-stripe': ['sk_live', 'sk_test', 'rk_live', 'rk_test'],
  '@secretlint/secretlint-rule-gitlab': ['glpat-'],
  '@secretlint/secretlint-rule-grafana': ['glc_', 'glsa_'],
  '@secretlint/secretlint-rule-anthropic': ['sk-ant-'],
  '@secretlint/secretlint-rule-groq': ['gsk_'],
  '@secretlint/secretlint-rule-huggingface': ['hf_'],
  '@secretlint/secretlint-rule-notion': ['ntn_'],
  '@secretlint/secretlint-rule-database-connection-string': ['mongodb', 'mysql', 'postgres'],
  '@secretlint/secretlint-rule-hashicorp-vault': ['hvs.', 'hvb.', 'hvr.'],
  '@secretlint/secretlint-rule-vercel': ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
  '@secretlint/secretlint-rule-databricks': ['dapi'],
  '@secretlint/secretlint-rule-docker': ['dckr_pat_'],
  '@secretlint/secretlint-rule-figma': ['figd_'],
  '@secretlint/secretlint-rule-cloudflare': ['cfk_', 'cfut_', 'cfat_'],
  '@secretlint/secretlint-rule-tailscale': ['tskey-'],
};

const SKIPPED = new Set(['@secretlint/secretlint-rule-filter-comments', '@secretlint/secretlint-rule-gcp']);

interface Report { messageId: string; data: Record<string, unknown> | undefined; range: readonly [number, number] }

interface LoadedRule { id: string; handler: SecretLintRuleReportHandler; triggers: string[] | undefined }

let loaded: { rules: LoadedRule[]; sink: Report[] } | undefined;

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[_\s]+/g, '-').toLowerCase();
}

function load(): { rules: LoadedRule[]; sink: Report[] } {
  if (loaded) return loaded;
  const sink: Report[] = [];
  const context: SecretLintRuleContext = {
    sharedOptions: {},
    createTranslator: (messages) => (messageId, props) => ({
      message: messages[messageId as string]?.en(props) ?? String(messageId),
      messageId: String(messageId),
      data: props,
    }),
    report: (d) => { sink.push({ messageId: d.message.messageId, data: d.message.data as Record<string, unknown> | undefined, range: d.range }); },
    ignore: () => undefined,
  };
  const rules = loadPreset().rules
    .filter((r) => r.meta.type === 'scanner' && !SKIPPED.has(r.meta.id))
    .map((r) => ({ id: r.meta.id, handler: r.create(context, { enableIDScanRule: true } as never), triggers: TRIGGERS[r.meta.id] }));
  loaded = { rules, sink };
  return loaded;
}

function source(content: string): Parameters<NonNullable<SecretLintRuleReportHandler['file']>>[0] {
  const unsupported = (): never => { throw new Error('not available while redacting'); };
  return {
    hasBOM: false, content, filePath: undefined, physicalFilePath: undefined, contentType: 'text', ext: '',
    getFilePath: () => undefined, getPhysicalFilePath: () => undefined,
    locationToRange: unsupported, rangeToLocation: unsupported, positionToIndex: unsupported, indexToPosition: unsupported,
  };
}

/** Where a reported secret really is: its value found at or just after the reported range start. */
function locate(text: string, r: Report): [number, number] {
  const values = Object.values(r.data ?? {}).filter((v): v is string => typeof v === 'string' && v.length >= 4);
  for (const v of values.sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(v, Math.max(0, r.range[0] - 1));
    if (at >= 0 && at <= r.range[1]) return [at, at + v.length];
  }
  return [r.range[0], r.range[1]];
}

/** `https://user:pass@host` → only `pass`, so the host stays readable. */
function passwordOnly(text: string, start: number, end: number): SecretSpan {
  const url = text.slice(start, end);
  const at = url.lastIndexOf('@');
  const colon = url.indexOf(':', url.indexOf('://') + 3);
  return colon > 0 && at > colon ? { start: start + colon + 1, end: start + at, kind: 'url-credentials' } : { start, end, kind: 'url-credentials' };
}

/** Every trigger of the loaded rules, or null when a rule has none (it must then always run). */
export function secretlintTriggers(): string[] | null {
  const { rules } = load();
  return rules.some((r) => !r.triggers) ? null : rules.flatMap((r) => r.triggers ?? []);
}

let findTriggers: ((text: string) => Set<string>) | undefined;

export function secretlintSpans(text: string): SecretSpan[] {
  const { rules, sink } = load();
  const spans: SecretSpan[] = [];
  const src = source(text);
  findTriggers ??= createTriggerFinder(rules.flatMap((r) => r.triggers ?? []));
  const found = findTriggers(text);
  for (const rule of rules) {
    if (rule.triggers && !rule.triggers.some((t) => found.has(t))) continue;
    sink.length = 0;
    // Scanner rules report synchronously; a rule that went async could not redact in time, so its promise is ignored.
    const pending = rule.handler.file?.(src);
    if (pending instanceof Promise) pending.catch(() => undefined);
    for (const r of sink) {
      const kind = r.messageId in KINDS ? KINDS[r.messageId] : KIND_FAMILIES.find(([re]) => re.test(r.messageId))?.[1] ?? kebab(r.messageId);
      if (!kind) continue;
      const [start, end] = locate(text, r);
      spans.push(kind === 'url-credentials' ? passwordOnly(text, start, end) : kind === 'private-key' ? pemBody(text, start, end) : { start, end, kind });
    }
  }
  sink.length = 0;
  return spans;
}
