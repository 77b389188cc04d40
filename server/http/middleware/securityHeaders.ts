/**
 * Security headers on every response — API JSON, static files, errors and 404s alike. The CSP allows
 * only our own scripts; inline styles are allowed because the editor and board position elements with
 * style attributes.
 */
import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy sent with every response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Header name → value, applied after the handler ran. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Adds SECURITY_HEADERS to the response, whatever produced it. A Content-Security-Policy the handler set
 * itself is kept: only handlers that serve untrusted content set one, and theirs is stricter (uploaded
 * files are served with `default-src 'none'; sandbox`).
 */
export function securityHeaders(): MiddlewareHandler {
  const apply = (headers: Headers) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
      if (k === 'Content-Security-Policy' && headers.has(k)) continue;
      headers.set(k, v);
    }
  };
  return async (c, next) => {
    await next();
    let res = c.res;
    try {
      apply(res.headers);
    } catch {
      // Responses passed through from fetch() have immutable headers: copy, then set.
      res = new Response(res.body, res);
      apply(res.headers);
      c.res = res;
    }
  };
}
