/**
 * Reading and writing the session cookie. Hono's cookie helpers cover HTTP routes; the WebSocket upgrade
 * has only a raw Node request, so parsing lives here and both paths share it.
 */
import { SESSION_COOKIE } from './AuthSessions.ts';

/** Name of the guest cookie (a guest link's visitor, bound to one session). */
export const GUEST_COOKIE = 'cp_guest';

/** Parses a Cookie header into name → value. The first occurrence of a name wins; never throws. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Keep the raw value: a malformed escape must not break the other cookies.
    }
    out.set(name, value);
  }
  return out;
}

/** The session token from a Cookie header, if any. */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
  return parseCookies(header).get(SESSION_COOKIE) ?? null;
}

/** Set-Cookie value for a new session. Lax keeps the cookie on top-level navigations from links. */
export function serializeSessionCookie(token: string, opts: { maxAgeSeconds: number; secure: boolean }): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The guest cookie's token from a Cookie header, if any (server/auth/GuestAccess.ts). */
export function guestTokenFromCookieHeader(header: string | null | undefined): string | null {
  return parseCookies(header).get(GUEST_COOKIE) ?? null;
}

/** Set-Cookie value for a guest identity: like the session cookie, under its own name. */
export function serializeGuestCookie(token: string, opts: { maxAgeSeconds: number; secure: boolean }): string {
  return serializeSessionCookie(token, opts).replace(`${SESSION_COOKIE}=`, `${GUEST_COOKIE}=`);
}

/** Set-Cookie value that removes the session cookie. */
export function serializeClearedSessionCookie(opts: { secure: boolean }): string {
  return serializeSessionCookie('', { maxAgeSeconds: 0, secure: opts.secure }) + '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
}
