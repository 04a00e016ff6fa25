import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A fresh secret per run; it travels as the password of the proxy URL's userinfo. */
export function newProxyToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether `Proxy-Authorization: Basic …` carries `token` as its password (any user name). */
export function carriesToken(headers: IncomingHttpHeaders, token: string): boolean {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers['proxy-authorization'] ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const given = Buffer.from(decoded.slice(decoded.indexOf(':') + 1));
  const want = Buffer.from(token);
  return decoded.includes(':') && given.length === want.length && timingSafeEqual(given, want);
}
