/**
 * Facts about the request that depend on whether a reverse proxy is trusted: the client's IP and
 * whether the browser reached us over HTTPS. Proxy headers are ignored unless config.trustProxy.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Last value of a comma-separated proxy header: the one our own proxy appended (earlier ones are client-supplied). */
function lastListValue(header: string | undefined): string | null {
  if (!header) return null;
  const last = header.split(',').pop()?.trim();
  return last ? last : null;
}

/** The client's IP address, or null when unknown (e.g. `app.request()` in tests without Node bindings). */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = lastListValue(c.req.header('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** Whether the request reached the server (or the trusted proxy in front of it) over HTTPS. */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = lastListValue(c.req.header('x-forwarded-proto'));
    if (proto) return proto.toLowerCase() === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** Whether to mark the session cookie Secure, per config.secureCookies. */
export function wantsSecureCookie(c: Context, config: { secureCookies: 'auto' | 'true' | 'false'; trustProxy: boolean }): boolean {
  if (config.secureCookies === 'true') return true;
  if (config.secureCookies === 'false') return false;
  return isHttpsRequest(c, config.trustProxy);
}
