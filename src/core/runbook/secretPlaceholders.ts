/**
 * Placeholder values that are secrets: the placeholder's name says so (`<es-password>`,
 * `<apiKey>`, `<db_token>`), or the value itself trips a redaction rule. Such values are
 * recorded masked (`[REDACTED:placeholder]`) and never remembered.
 */
import { redactText } from '../incident/redaction/redact';
import { marker } from '../incident/redaction/spans';
import { fillBlock } from './placeholders';
import type { BlockKind } from './types';

export const PLACEHOLDER_KIND = 'placeholder';

/** Whole words of a name that mark it secret. */
const SECRET_WORD = /^(?:pass|passwd|password|passphrase|pwd|pw|tokens?|secrets?|keys?|apikey|credentials?|creds?|auth|authorization|bearer|private|privatekey|otp|pin|cookie|session|sessionid|hmac|jwt|pat)$/;
/** Words that contain one of these are secret too (`dbpassword`, `vaulttoken`, `clientsecret`). */
const SECRET_PART = /pass(?:word|wd|phrase)|secret|token|apikey|credential|privatekey/;

/** `es-password` → [es, password]; `apiKey` → [api, key]; `DB_TOKEN` → [db, token]. */
function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => SECRET_WORD.test(w) || SECRET_PART.test(w)) || SECRET_PART.test(words.join(''));
}

export function isSecretValue(value: string): boolean {
  return value !== '' && Object.keys(redactText(value).counts).length > 0;
}

/** Names among `values` whose value must be masked. */
export function secretNames(values: Record<string, string>): string[] {
  return Object.keys(values).filter((n) => isSecretName(n) || isSecretValue(values[n]));
}

/** What may be remembered for the next run: everything but secret values. */
export function rememberable(values: Record<string, string>): Record<string, string> {
  const secret = new Set(secretNames(values));
  return Object.fromEntries(Object.entries(values).filter(([n]) => !secret.has(n)));
}

export interface FilledCode {
  /** What runs: every value in place. */
  code: string;
  /** What is recorded: secret values replaced by `[REDACTED:placeholder]`. */
  recordedCode: string;
  /** The secret values, to mask in the output too. */
  secrets: string[];
  missing: string[];
}

export function fillWithSecrets(block: { code: string; kind: BlockKind }, values: Record<string, string>): FilledCode {
  const filled = fillBlock(block, values);
  const names = secretNames(values);
  const masked = { ...values, ...Object.fromEntries(names.map((n) => [n, marker(PLACEHOLDER_KIND)])) };
  return {
    code: filled.code,
    recordedCode: fillBlock(block, masked).code,
    secrets: names.map((n) => values[n]).filter((v) => v !== ''),
    missing: filled.missing,
  };
}
