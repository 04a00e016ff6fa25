/**
 * Fake but format-correct credentials of many providers, generated from each provider's
 * published format (prefix, alphabet, length), written down here independently of the
 * redaction rules so that a rule that is too narrow shows up as a leak. Seeded: the same
 * samples every run.
 */
export interface CredentialSample {
  provider: string;
  value: string;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = LOWER + UPPER + DIGITS;
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const UPNUM = UPPER + DIGITS;
const LOWNUM = LOWER + DIGITS;

/** Seeded pseudo-random numbers in [0, 1) (mulberry32): the same corpus every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = (r: (alphabet: string, n: number) => string) => string;

const uuid: Gen = (r) => `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`;

/** provider → how one of its credentials looks. */
const FORMATS: [string, Gen][] = [
  ['gitlab-pat', (r) => `glpat-${r(B64URL, 20)}`],
  ['gitlab-runner', (r) => `glrt-${r(B64URL, 20)}`],
  ['gitlab-deploy', (r) => `gldt-${r(B64URL, 20)}`],
  ['gitlab-pipeline-trigger', (r) => `glptt-${r(HEX, 40)}`],
  ['gitlab-feed', (r) => `glft-${r(B64URL, 20)}`],
  ['gitlab-runner-registration', (r) => `GR1348941${r(B64URL, 20)}`],
  ['huggingface', (r) => `hf_${r(LOWER + UPPER, 34)}`],
  ['huggingface-org', (r) => `api_org_${r(LOWER + UPPER, 34)}`],
  ['vault-service', (r) => `hvs.${r(B64URL, 95)}`],
  ['vault-service-short', (r) => `hvs.${r(ALNUM, 24)}`],
  ['vault-batch', (r) => `hvb.${r(B64URL, 140)}`],
  ['grafana-cloud', (r) => `glc_${r(B64, 48)}`],
  ['grafana-service-account', (r) => `glsa_${r(ALNUM, 32)}_${r(HEX, 8)}`],
  ['digitalocean-pat', (r) => `dop_v1_${r(HEX, 64)}`],
  ['digitalocean-oauth', (r) => `doo_v1_${r(HEX, 64)}`],
  ['planetscale-token', (r) => `pscale_tkn_${r(B64URL, 43)}`],
  ['planetscale-password', (r) => `pscale_pw_${r(B64URL, 43)}`],
  ['flyio', (r) => `fo1_${r(B64URL, 43)}`],
  ['flyio-macaroon', (r) => `fm2_${r(B64, 120)}`],
  ['pypi', (r) => `pypi-AgEIcHlwaS5vcmc${r(B64URL, 70)}`],
  ['pulumi', (r) => `pul-${r(HEX, 40)}`],
  ['anthropic', (r) => `sk-ant-api03-${r(B64URL, 93)}AA`],
  ['anthropic-admin', (r) => `sk-ant-admin01-${r(B64URL, 93)}AA`],
  ['openshift', (r) => `sha256~${r(B64URL, 43)}`],
  ['slack-bot', (r) => `xoxb-${r(DIGITS, 12)}-${r(DIGITS, 13)}-${r(ALNUM, 24)}`],
  ['slack-user', (r) => `xoxp-${r(DIGITS, 12)}-${r(DIGITS, 12)}-${r(DIGITS, 13)}-${r(HEX, 32)}`],
  ['slack-app', (r) => `xapp-1-A${r(UPNUM, 10)}-${r(DIGITS, 13)}-${r(HEX, 64)}`],
  ['slack-refresh', (r) => `xoxe-1-${r(UPNUM, 146)}`],
  ['slack-config', (r) => `xoxe.xoxp-1-${r(UPNUM, 163)}`],
  ['slack-webhook', (r) => `https://hooks.slack.com/services/T${r(UPNUM, 10)}/B${r(UPNUM, 10)}/${r(ALNUM, 24)}`],
  ['slack-workflow-webhook', (r) => `https://hooks.slack.com/workflows/T${r(UPNUM, 10)}/A${r(UPNUM, 10)}/${r(DIGITS, 18)}/${r(ALNUM, 24)}`],
  ['slack-trigger-webhook', (r) => `https://hooks.slack.com/triggers/T${r(UPNUM, 10)}/${r(DIGITS, 13)}/${r(HEX, 32)}`],
  ['aws-access-key', (r) => `AKIA${r(UPNUM, 16)}`],
  ['aws-sts-key', (r) => `ASIA${r(UPNUM, 16)}`],
  ['aws-bearer-key', (r) => `ABIA${r(UPNUM, 16)}`],
  ['aws-context-key', (r) => `ACCA${r(UPNUM, 16)}`],
  ['aws-bedrock', (r) => `ABSK${r(B64, 132)}`],
  ['aws-bedrock-short-term', (r) => `bedrock-api-key-${r(B64, 120)}`],
  ['stripe-live', (r) => `sk_live_${r(ALNUM, 24)}`],
  ['stripe-prod', (r) => `sk_prod_${r(ALNUM, 32)}`],
  ['stripe-restricted-prod', (r) => `rk_prod_${r(ALNUM, 32)}`],
  ['stripe-webhook', (r) => `whsec_${r(ALNUM, 32)}`],
  ['jwt-unsigned', (r) => `eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJ${r(B64URL, 40)}.`],
  ['jwt-signed', (r) => `eyJhbGciOiJIUzI1NiJ9.eyJ${r(B64URL, 50)}.${r(B64URL, 43)}`],
  ['github-classic', (r) => `ghp_${r(ALNUM, 36)}`],
  ['github-oauth', (r) => `gho_${r(ALNUM, 36)}`],
  ['github-fine-grained', (r) => `github_pat_${r(ALNUM, 22)}_${r(ALNUM, 59)}`],
  ['npm', (r) => `npm_${r(ALNUM, 36)}`],
  ['openai-project', (r) => `sk-proj-${r(B64URL, 74)}T3BlbkFJ${r(B64URL, 74)}`],
  ['openai-legacy', (r) => `sk-${r(ALNUM, 20)}T3BlbkFJ${r(ALNUM, 20)}`],
  ['gcp-api-key', (r) => `AIza${r(B64URL, 35)}`],
  ['gcp-oauth-token', (r) => `ya29.${r(B64URL, 100)}`],
  ['gcp-oauth-client-secret', (r) => `GOCSPX-${r(B64URL, 28)}`],
  ['sendgrid', (r) => `SG.${r(B64URL, 22)}.${r(B64URL, 43)}`],
  ['shopify', (r) => `shpat_${r(HEX, 32)}`],
  ['linear', (r) => `lin_api_${r(ALNUM, 40)}`],
  ['notion', (r) => `ntn_${r(DIGITS, 11)}${r(ALNUM, 35)}`],
  ['groq', (r) => `gsk_${r(ALNUM, 52)}`],
  ['databricks', (r) => `dapi${r(HEX, 32)}`],
  ['docker', (r) => `dckr_pat_${r(B64URL, 27)}`],
  ['figma', (r) => `figd_${r(B64URL, 40)}`],
  ['vercel', (r) => `vcp_${r(ALNUM, 24)}`],
  ['tailscale', (r) => `tskey-auth-k${r(ALNUM, 10)}CNTRL-${r(ALNUM, 32)}`],
  ['cloudflare', (r) => `cfut_${r(ALNUM, 40)}${r(HEX, 8)}`],
  ['atlassian', (r) => `ATATT3xFfGF0${r(B64URL, 180)}`],
  ['bitbucket', (r) => `ATBB${r(ALNUM, 32)}`],
  ['age', (r) => `AGE-SECRET-KEY-1${r('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`],
  ['alibaba', (r) => `LTAI${r(ALNUM, 20)}`],
  ['artifactory', (r) => `AKCp${r(ALNUM, 69)}`],
  ['buildkite', (r) => `bkua_${r(HEX, 40)}`],
  ['clojars', (r) => `CLOJARS_${r(LOWNUM, 60)}`],
  ['circleci', (r) => `CCIPAT_${r(ALNUM, 22)}_${r(HEX, 40)}`],
  ['contentful', (r) => `CFPAT-${r(B64URL, 43)}`],
  ['doppler', (r) => `dp.pt.${r(ALNUM, 43)}`],
  ['duffel', (r) => `duffel_test_${r(B64URL, 43)}`],
  ['dynatrace', (r) => `dt0c01.${r(UPNUM, 24)}.${r(UPNUM, 64)}`],
  ['easypost', (r) => `EZAK${r(ALNUM, 54)}`],
  ['flutterwave', (r) => `FLWSECK_TEST-${r(HEX, 32)}-X`],
  ['frameio', (r) => `fio-u-${r(B64URL, 64)}`],
  ['heroku', (r) => `HRKU-${r(B64URL, 60)}`],
  ['hubspot', (r) => `pat-na1-${uuid(r)}`],
  ['infracost', (r) => `ico-${r(ALNUM, 32)}`],
  ['mailgun', (r) => `key-${r(HEX, 32)}`],
  ['mapbox', (r) => `sk.eyJ${r(B64URL, 60)}.${r(B64URL, 22)}`],
  ['newrelic', (r) => `NRAK-${r(UPNUM, 27)}`],
  ['nuget', (r) => `oy2${r(LOWNUM, 43)}`],
  ['perplexity', (r) => `pplx-${r(ALNUM, 48)}`],
  ['postman', (r) => `PMAK-${r(HEX, 24)}-${r(HEX, 34)}`],
  ['prefect', (r) => `pnu_${r(ALNUM, 36)}`],
  ['readme', (r) => `rdme_${r(LOWNUM, 70)}`],
  ['rubygems', (r) => `rubygems_${r(HEX, 48)}`],
  ['brevo', (r) => `xkeysib-${r(HEX, 64)}-${r(ALNUM, 16)}`],
  ['sentry-user', (r) => `sntryu_${r(HEX, 64)}`],
  ['shippo', (r) => `shippo_live_${r(HEX, 40)}`],
  ['square', (r) => `sq0atp-${r(B64URL, 22)}`],
  ['telegram', (r) => `${r(DIGITS.slice(1), 1)}${r(DIGITS, 9)}:AA${r(B64URL, 33)}`],
  ['typeform', (r) => `tfp_${r(ALNUM, 59)}`],
  ['yandex', (r) => `AQVN${r(B64URL, 36)}`],
  ['discord-webhook', (r) => `https://discord.com/api/webhooks/${r(DIGITS, 18)}/${r(B64URL, 68)}`],
  ['teams-webhook', (r) => `https://contoso.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${r(HEX, 32)}/${uuid(r)}`],
  ['pinecone', (r) => `pcsk_${r(ALNUM, 6)}_${r(ALNUM, 60)}`],
  ['replicate', (r) => `r8_${r(ALNUM, 37)}`],
  ['xai', (r) => `xai-${r(ALNUM, 80)}`],
  ['langsmith', (r) => `lsv2_pt_${r(HEX, 32)}_${r(HEX, 10)}`],
  ['supabase', (r) => `sbp_${r(HEX, 40)}`],
  ['netlify', (r) => `nfp_${r(ALNUM, 36)}`],
  ['terraform-cloud', (r) => `${r(ALNUM, 14)}.atlasv1.${r(B64URL, 67)}`],
  ['sourcegraph', (r) => `sgp_${r(HEX, 16)}_${r(HEX, 40)}`],
  ['sonarqube', (r) => `sqp_${r(HEX, 40)}`],
  ['neon', (r) => `napi_${r(LOWNUM, 64)}`],
  ['akamai', (r) => `akab-${r(LOWNUM, 16)}-${r(LOWNUM, 16)}`],
  ['tencent', (r) => `AKID${r(ALNUM, 32)}`],
  ['kong', (r) => `kpat_${r(ALNUM, 48)}`],
  ['1password', (r) => `ops_eyJ${r(B64, 200)}fQ==`],
  ['rancher', (r) => `token-${r(LOWNUM, 5)}:${r(LOWNUM, 54)}`],
  ['portainer', (r) => `ptr_${r(B64, 44)}`],
  // Found by an independent red-team run: bare tokens these formats print.
  ['google-oauth-refresh', (r) => `1//0${r(B64URL, 60)}`],
  ['firebase-fcm', (r) => `AAAA${r(B64URL, 7)}:APA91b${r(B64URL, 134)}`],
  ['twilio-api-key', (r) => `SK${r(HEX, 32)}`],
  ['square-access', (r) => `EAAA${r(B64URL, 60)}`],
  ['launchdarkly', (r) => `sdk-${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`],
  ['1password-service', (r) => `ops_eyJ${r(B64URL, 120)}`],
  ['mapbox-short', (r) => `sk.eyJ${r(B64URL, 35)}.${r(B64URL, 22)}`],
  ['adafruit', (r) => `aio_${r(ALNUM, 28)}`],
  ['defined-networking', (r) => `dnkey-${r(UPNUM, 26)}-${r(UPNUM, 52)}`],
  ['harness', (r) => `pat.${r(B64URL, 22)}.${r(HEX, 24)}.${r(B64URL, 20)}`],
  ['notion-ntn', (r) => `ntn_${r(ALNUM, 46)}`],
  ['scaleway', (r) => `SCW${r(UPNUM, 17)}`],
  ['crates-io', (r) => `cio${r(ALNUM, 32)}`],
  ['honeycomb', (r) => `hcaik_${r(LOWNUM, 58)}`],
  ['rootly', (r) => `rootly_${r(HEX, 64)}`],
  ['infisical', (r) => `st.${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}.${r(HEX, 32)}.${r(HEX, 32)}`],
  ['dropbox-short-lived', (r) => `sl.${r(B64URL, 138)}`],
  ['yandex-iam', (r) => `t1.${r(B64URL, 60)}.${r(B64URL, 86)}`],
  // The header every Yandex IAM token starts with, then one part with no second dot.
  ['yandex-iam-one-part', (r) => `t1.9euelZ${r(B64URL, 150)}`],
  ['mailchimp', (r) => `${r(HEX, 32)}-us${r('123456789', 1)}${r(DIGITS, 1)}`],
  ['airtable-pat', (r) => `pat${r(ALNUM, 14)}.${r(HEX, 64)}`],
  ['octopus', (r) => `API-${r(UPNUM, 26)}`],
];

export const PROVIDER_COUNT = FORMATS.length;

/** `perProvider` samples of every provider. */
export function credentialCorpus(perProvider = 3, seed = 17): CredentialSample[] {
  const rand = rng(seed);
  const r = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  return FORMATS.flatMap(([provider, gen]) => Array.from({ length: perProvider }, () => ({ provider, value: gen(r) })));
}

/** Pieces of a value long enough that finding one in a record means the secret leaked. */
export function leakedPieces(value: string, text: string): string | undefined {
  if (text.includes(value)) return value;
  // Tokens are printed whole or redacted whole: a 12-character tail left behind is a half-redaction.
  const tail = value.slice(-12);
  return value.length >= 24 && /\d/.test(tail) && /[A-Za-z]/.test(tail) && text.includes(tail) ? `…${tail}` : undefined;
}
