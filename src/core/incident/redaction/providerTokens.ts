/**
 * Self-identifying tokens: a provider's literal prefix, then a body of known characters. Only
 * what secretlint's preset does not already find (or finds only in part) is listed; formats
 * follow each provider's published token documentation. Data, not code: a new provider is one
 * line. Each token is redacted whole (redact.ts extends a span over the rest of the word).
 * Formats whose only literal is common in ordinary output (`pat…` for Airtable, `-us` for
 * Mailchimp) are listed all the same: a leak costs more than the slower path their triggers send
 * such lines through. A shape with no literal at all (a Kubernetes bootstrap token,
 * `abcdef.0123456789abcdef`, the shape of many host names) is caught after a credential keyword
 * and in the output of `kubeadm token` (secretCommands.ts), not bare.
 */
export interface ProviderToken {
  /** The redaction kind, e.g. `gitlab-token`. */
  kind: string;
  /** Literal prefixes (case-sensitive), one of which starts the token. */
  prefixes: string[];
  /** Regular-expression source for what follows the prefix. */
  body: string;
  /** Literals the token must contain, for the trigger gate; default: the prefixes. */
  triggers?: string[];
}

const HEX = '[a-f0-9]';
const B64URL = '[A-Za-z0-9_-]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

export const PROVIDER_TOKENS: ProviderToken[] = [
  { kind: 'gitlab-token', prefixes: ['glpat-', 'glrt-', 'gldt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glcbt-', 'gloas-', 'glsoat-', 'glffct-', 'glwt-'], body: `${B64URL}{20,}` },
  { kind: 'gitlab-token', prefixes: ['GR1348941'], body: `${B64URL}{20,}` },
  { kind: 'huggingface-token', prefixes: ['hf_', 'api_org_'], body: '[A-Za-z0-9]{30,}' },
  { kind: 'vault-token', prefixes: ['hvs.', 'hvb.', 'hvr.'], body: `${B64URL}{20,}` },
  { kind: 'grafana-token', prefixes: ['glc_', 'glsa_'], body: '[A-Za-z0-9+/_=]{24,}' },
  { kind: 'grafana-token', prefixes: ['eyJrIjoi'], body: '[A-Za-z0-9+/=]{40,}' },
  { kind: 'digitalocean-token', prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_', 'dos_v1_'], body: `${HEX}{64}` },
  { kind: 'planetscale-token', prefixes: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'], body: '[A-Za-z0-9_.=-]{32,}' },
  { kind: 'flyio-token', prefixes: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_', 'FlyV1 fm2_'], body: '[A-Za-z0-9_+/=,-]{40,}' },
  { kind: 'pypi-token', prefixes: ['pypi-AgEIcHlwaS5vcmc', 'pypi-AgENdGVzdC5weXBpLm9yZw'], body: `${B64URL}{40,}` },
  { kind: 'pulumi-token', prefixes: ['pul-'], body: `${HEX}{40}` },
  { kind: 'anthropic-key', prefixes: ['sk-ant-'], body: `[a-z]+\\d\\d-${B64URL}{30,}` },
  { kind: 'openshift-token', prefixes: ['sha256~'], body: `${B64URL}{40,}` },
  { kind: 'slack-token', prefixes: ['xoxe.xoxp-', 'xoxe.xoxb-', 'xoxe-', 'xapp-', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxc-', 'xoxd-'], body: '[A-Za-z0-9%-]{10,}' },
  { kind: 'slack-webhook', prefixes: ['https://hooks.slack.com/'], body: '(?:services|workflows|triggers)/[A-Za-z0-9/_-]{20,}' },
  { kind: 'aws-access-key', prefixes: ['ABIA', 'ACCA', 'APKA', 'AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA'], body: '[A-Z0-9]{16}(?![A-Za-z0-9])' },
  { kind: 'aws-bedrock-key', prefixes: ['ABSK'], body: '[A-Za-z0-9+/]{100,}={0,2}' },
  { kind: 'aws-bedrock-key', prefixes: ['bedrock-api-key-'], body: '[A-Za-z0-9+/=%_-]{60,}' },
  { kind: 'stripe-key', prefixes: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_', 'whsec_'], body: '[A-Za-z0-9]{16,}' },
  { kind: 'atlassian-token', prefixes: ['ATATT3', 'ATCTT3'], body: '[A-Za-z0-9_=-]{60,}' },
  { kind: 'bitbucket-token', prefixes: ['ATBB'], body: '[A-Za-z0-9_=.-]{28,}' },
  { kind: 'age-secret-key', prefixes: ['AGE-SECRET-KEY-1'], body: '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}' },
  { kind: 'alibaba-access-key', prefixes: ['LTAI'], body: '[A-Za-z0-9]{20}' },
  { kind: 'artifactory-token', prefixes: ['AKCp'], body: '[A-Za-z0-9]{60,}' },
  { kind: 'artifactory-token', prefixes: ['cmVmdGtu'], body: '[A-Za-z0-9]{50,}' },
  { kind: 'buildkite-token', prefixes: ['bkua_', 'bkct_'], body: `${HEX}{40}` },
  { kind: 'clojars-token', prefixes: ['CLOJARS_'], body: '[a-z0-9]{60}' },
  { kind: 'cloudflare-origin-ca-key', prefixes: ['v1.0-'], body: `${HEX}{24}-${HEX}{146}` },
  { kind: 'circleci-token', prefixes: ['CCIPAT_', 'CCIPRJ_'], body: `[A-Za-z0-9]{20,}_${HEX}{40}` },
  { kind: 'contentful-token', prefixes: ['CFPAT-'], body: `${B64URL}{43}` },
  { kind: 'defined-networking-key', prefixes: ['dnkey-'], body: '[a-z0-9=_-]{26}-[a-z0-9=_-]{52}' },
  { kind: 'doppler-token', prefixes: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], body: '[A-Za-z0-9._]{40,}' },
  { kind: 'dropbox-token', prefixes: ['sl.u.', 'sl.B'], body: `${B64URL}{100,}` },
  { kind: 'duffel-token', prefixes: ['duffel_test_', 'duffel_live_'], body: '[A-Za-z0-9_=-]{43}' },
  { kind: 'dynatrace-token', prefixes: ['dt0c01.', 'dt0s01.', 'dt0s02.', 'dt0s08.', 'dt0s16.', 'dt0a01.'], body: '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}' },
  { kind: 'easypost-key', prefixes: ['EZAK', 'EZTK'], body: '[A-Za-z0-9]{54}' },
  { kind: 'facebook-token', prefixes: ['EAAC', 'EAAG', 'EAAB', 'EAAM'], body: '[A-Za-z0-9]{80,}' },
  { kind: 'flutterwave-key', prefixes: ['FLWSECK_TEST-', 'FLWSECK-', 'FLWPUBK_TEST-', 'FLWPUBK-'], body: `${HEX}{32}-X` },
  { kind: 'frameio-token', prefixes: ['fio-u-'], body: '[A-Za-z0-9_=-]{64}' },
  { kind: 'gcp-oauth-client-secret', prefixes: ['GOCSPX-'], body: `${B64URL}{28}` },
  { kind: 'heroku-key', prefixes: ['HRKU-'], body: `${B64URL}{40,}` },
  { kind: 'hubspot-token', prefixes: ['pat-na1-', 'pat-na2-', 'pat-eu1-', 'pat-ap1-'], body: UUID },
  { kind: 'infracost-key', prefixes: ['ico-'], body: '[A-Za-z0-9]{32}' },
  { kind: 'intra42-secret', prefixes: ['s-s4t2ud-', 's-s4t2af-'], body: `${HEX}{64}` },
  { kind: 'mailgun-key', prefixes: ['key-'], body: `${HEX}{32}(?![A-Za-z0-9])` },
  { kind: 'mapbox-token', prefixes: ['sk.eyJ'], body: `${B64URL}{20,}\\.${B64URL}{20,}` },
  { kind: 'newrelic-key', prefixes: ['NRAK-', 'NRII-', 'NRJS-', 'NRAA-', 'NRRA-'], body: '[A-Za-z0-9_-]{19,}' },
  { kind: 'nuget-key', prefixes: ['oy2'], body: '[a-z0-9]{43}(?![a-z0-9])' },
  { kind: 'openai-key', prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-or-v1-', 'sk-lf-'], body: `${B64URL}{32,}` },
  { kind: 'api-key', prefixes: ['sk-'], body: '(?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{32,}(?![A-Za-z0-9_-])' },
  { kind: 'perplexity-key', prefixes: ['pplx-'], body: '[A-Za-z0-9]{40,}' },
  { kind: 'postman-key', prefixes: ['PMAK-'], body: `${HEX}{24}-${HEX}{34}` },
  { kind: 'prefect-key', prefixes: ['pnu_'], body: '[A-Za-z0-9]{36}' },
  { kind: 'readme-key', prefixes: ['rdme_'], body: '[a-z0-9]{70}' },
  { kind: 'rubygems-key', prefixes: ['rubygems_'], body: `${HEX}{48}` },
  { kind: 'scalingo-token', prefixes: ['tk-us-'], body: `${B64URL}{48}` },
  { kind: 'brevo-key', prefixes: ['xkeysib-', 'xsmtpsib-'], body: `${HEX}{64}-[A-Za-z0-9]{16}` },
  { kind: 'sentry-token', prefixes: ['sntrys_eyJ', 'sntryu_', 'sntrya_'], body: '[A-Za-z0-9+/=_-]{40,}' },
  { kind: 'shippo-token', prefixes: ['shippo_live_', 'shippo_test_'], body: `${HEX}{40}` },
  { kind: 'square-token', prefixes: ['sq0atp-', 'sq0csp-', 'EAAAE', 'EAAAl'], body: `${B64URL}{22,}` },
  { kind: 'telegram-bot-token', prefixes: [''], body: '(?<![\\d:])\\d{8,10}:AA[A-Za-z0-9_-]{33}', triggers: [':AA'] },
  { kind: 'typeform-token', prefixes: ['tfp_'], body: '[A-Za-z0-9_.=-]{59}' },
  { kind: 'yandex-key', prefixes: ['AQVN'], body: `${B64URL}{35,38}` },
  { kind: '1password-secret-key', prefixes: ['A3-'], body: '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}' },
  { kind: 'adobe-key', prefixes: ['p8e-'], body: '[A-Za-z0-9]{32}' },
  { kind: 'discord-webhook', prefixes: ['https://discord.com/api/webhooks/', 'https://discordapp.com/api/webhooks/'], body: `\\d+/${B64URL}{40,}` },
  { kind: 'teams-webhook', prefixes: ['https://'], triggers: ['.webhook.office.com/'], body: '[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/_-]{40,}' },
  { kind: 'zapier-webhook', prefixes: ['https://hooks.zapier.com/hooks/catch/'], body: '\\d+/[A-Za-z0-9]{4,}' },
  { kind: 'feishu-webhook', prefixes: ['https://open.feishu.cn/open-apis/bot/v2/hook/', 'https://open.larksuite.com/open-apis/bot/v2/hook/'], body: UUID },
  { kind: 'pinecone-key', prefixes: ['pcsk_'], body: '[A-Za-z0-9_]{40,}' },
  { kind: 'replicate-token', prefixes: ['r8_'], body: '[A-Za-z0-9]{37}' },
  { kind: 'xai-key', prefixes: ['xai-'], body: '[A-Za-z0-9]{70,}' },
  { kind: 'langsmith-key', prefixes: ['lsv2_pt_', 'lsv2_sk_'], body: `${HEX}{32}_${HEX}{10}` },
  { kind: 'supabase-key', prefixes: ['sbp_', 'sb_secret_'], body: `${B64URL}{30,}` },
  { kind: 'netlify-token', prefixes: ['nfp_'], body: '[A-Za-z0-9]{36}' },
  { kind: 'render-key', prefixes: ['rnd_'], body: '[A-Za-z0-9]{32}' },
  { kind: 'terraform-cloud-token', prefixes: [''], body: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}', triggers: ['.atlasv1.'] },
  { kind: 'sourcegraph-token', prefixes: ['sgp_', 'sgs_'], body: `(?:${HEX}{16}_)?${HEX}{40}` },
  { kind: 'twitter-bearer-token', prefixes: ['AAAAAAAAAAAAAAAAAAAAA'], body: '[A-Za-z0-9%]{30,}' },
  { kind: 'notion-token', prefixes: ['secret_'], body: '[A-Za-z0-9]{43}(?![A-Za-z0-9])' },
  { kind: 'plaid-token', prefixes: ['access-sandbox-', 'access-development-', 'access-production-'], body: UUID },
  { kind: 'sonarqube-token', prefixes: ['sqp_', 'squ_', 'sqa_'], body: `${HEX}{40}` },
  { kind: 'docker-token', prefixes: ['dckr_pat_', 'dckr_oat_'], body: `${B64URL}{20,}` },
  { kind: 'elastic-cloud-key', prefixes: ['essu_'], body: '[A-Za-z0-9+/=]{40,}' },
  { kind: 'braintree-token', prefixes: ['access_token$production$', 'access_token$sandbox$'], body: `[a-z0-9]{16}\\$${HEX}{32}` },
  { kind: 'razorpay-key', prefixes: ['rzp_live_', 'rzp_test_'], body: '[A-Za-z0-9]{14}' },
  { kind: 'jumpcloud-key', prefixes: ['jca_'], body: '[A-Za-z0-9]{36}' },
  { kind: 'rancher-token', prefixes: ['token-'], body: '[a-z0-9]{5}:[a-z0-9]{54}' },
  { kind: 'portainer-token', prefixes: ['ptr_'], body: '[A-Za-z0-9+/=]{40,}' },
  { kind: 'zuplo-key', prefixes: ['zpka_'], body: `${HEX}{32}_${HEX}{8}` },
  { kind: 'neon-key', prefixes: ['napi_'], body: '[a-z0-9]{64}' },
  { kind: 'paddle-key', prefixes: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'], body: '[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}' },
  { kind: 'deno-deploy-token', prefixes: ['ddp_', 'ddw_'], body: '[A-Za-z0-9]{36}' },
  { kind: 'akamai-token', prefixes: ['akab-'], body: '[a-z0-9]{16}-[a-z0-9]{16}' },
  { kind: 'tencent-secret-id', prefixes: ['AKID'], body: '[A-Za-z0-9]{32}' },
  { kind: 'volcengine-key', prefixes: ['AKLT'], body: `${B64URL}{40,}` },
  { kind: 'kong-token', prefixes: ['kpat_', 'spat_'], body: '[A-Za-z0-9]{37,}' },
  { kind: 'fireworks-key', prefixes: ['fw_'], body: '[A-Za-z0-9]{24}' },
  { kind: 'elevenlabs-key', prefixes: ['sk_'], body: `${HEX}{48}(?![A-Za-z0-9])` },
  { kind: 'linear-key', prefixes: ['lin_oauth_'], body: '[a-f0-9]{64}' },
  { kind: 'github-token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], body: '[A-Za-z0-9_]{30,255}' },
  { kind: 'npm-token', prefixes: ['npm_'], body: '[A-Za-z0-9]{36}' },
  { kind: 'shopify-token', prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], body: '[a-fA-F0-9]{32}' },
  { kind: 'tailscale-key', prefixes: ['tskey-'], body: '[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60}' },
  { kind: 'vercel-token', prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], body: '[A-Za-z0-9]{20,60}' },
  { kind: 'databricks-token', prefixes: ['dapi'], body: `${HEX}{32}(?:-\\d)?` },
  { kind: 'figma-token', prefixes: ['figd_'], body: `${B64URL}{40,}` },
  { kind: 'groq-key', prefixes: ['gsk_'], body: '[A-Za-z0-9]{52}' },
  { kind: 'notion-token', prefixes: ['ntn_'], body: '[A-Za-z0-9]{40,}' },
  { kind: 'sendgrid-key', prefixes: ['SG.'], body: `${B64URL}{16,32}\\.${B64URL}{16,64}` },
  { kind: 'cloudflare-token', prefixes: ['cfk_', 'cfut_', 'cfat_'], body: `[A-Za-z0-9]{40}${HEX}{8}` },
  { kind: '1password-token', prefixes: ['ops_eyJ'], body: '[A-Za-z0-9+/=_-]{60,}' },
  { kind: 'google-oauth-refresh-token', prefixes: ['1//0'], body: `${B64URL}{30,}` },
  { kind: 'firebase-fcm-key', prefixes: ['AAAA'], body: `${B64URL}{7}:APA91b${B64URL}{60,}`, triggers: [':APA91b'] },
  { kind: 'twilio-api-key', prefixes: ['SK'], body: '[0-9a-f]{32}(?![A-Za-z0-9])' },
  { kind: 'square-token', prefixes: ['EAAA'], body: `${B64URL}{56,}` },
  { kind: 'adafruit-key', prefixes: ['aio_'], body: '[A-Za-z0-9]{28}' },
  { kind: 'defined-networking-key', prefixes: ['dnkey-'], body: '[A-Z0-9]{26}-[A-Z0-9]{52}' },
  { kind: 'dropbox-token', prefixes: ['sl.'], body: `${B64URL}{130,}` },
  { kind: 'harness-token', prefixes: ['pat.', 'sat.'], body: `${B64URL}{22}\\.[0-9a-f]{24}\\.${B64URL}{20}` },
  { kind: 'yandex-iam-token', prefixes: ['t1.'], body: `[A-Za-z0-9_-]+=*\\.[A-Za-z0-9_-]{80,}=*` },
  // Its header is always the same bytes, so one part suffices.
  { kind: 'yandex-iam-token', prefixes: ['t1.9euel'], body: `${B64URL}{80,}(?:=*\\.${B64URL}{40,})?=*` },
  { kind: 'mailchimp-key', prefixes: [''], body: `(?<![A-Za-z0-9])${HEX}{32}-us\\d{1,2}(?![A-Za-z0-9])`, triggers: ['-us'] },
  { kind: 'airtable-token', prefixes: ['pat'], body: `[A-Za-z0-9]{14}\\.${HEX}{64}(?![A-Za-z0-9])` },
  { kind: 'octopus-key', prefixes: ['API-'], body: '[A-Z0-9]{26}(?![A-Za-z0-9])' },
  { kind: 'scaleway-key', prefixes: ['SCW'], body: '[A-Z0-9]{17}(?![A-Za-z0-9])' },
  { kind: 'crates-io-token', prefixes: ['cio'], body: '[A-Za-z0-9]{32}(?![A-Za-z0-9])' },
  { kind: 'honeycomb-key', prefixes: ['hcaik_', 'hcxik_', 'hcxmk_'], body: '[a-z0-9]{58}' },
  { kind: 'rootly-key', prefixes: ['rootly_'], body: '[a-f0-9]{64}' },
  { kind: 'infisical-token', prefixes: ['st.'], body: `${UUID}\\.[a-f0-9]{32}\\.[a-f0-9]{32}` },
  { kind: 'launchdarkly-key', prefixes: ['sdk-', 'api-', 'mob-'], body: `${UUID}(?![A-Za-z0-9-])` },
];

/** Literal pieces that any token of the rule contains (for the trigger gate). */
export function providerTriggers(p: ProviderToken): string[] {
  const triggers = p.triggers ?? p.prefixes;
  if (triggers.length === 0 || triggers.includes('')) throw new Error(`provider rule ${p.kind} has no trigger`);
  return triggers;
}
