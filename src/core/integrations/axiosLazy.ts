/**
 * axios is loaded on the first request, not when the extension activates (it is ~300 KB of
 * code no one needs until an integration is used). The extension build ships it as
 * dist/axios.js, which this import loads (scripts/build.mjs).
 */
import type { AxiosError, AxiosStatic } from 'axios' with { 'resolution-mode': 'import' };

let loaded: Promise<AxiosStatic> | undefined;

export function loadAxios(): Promise<AxiosStatic> {
  loaded ??= import('axios').then((m) => m.default);
  return loaded;
}

/** The same test as axios' own `isAxiosError`, without loading axios to make it. */
export function isAxiosError(err: unknown): err is AxiosError {
  return typeof err === 'object' && err !== null && (err as { isAxiosError?: unknown }).isAxiosError === true;
}
