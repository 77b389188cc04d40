/**
 * Checks every /api request passes before any route runs: CSRF defence by Origin, JSON-only bodies,
 * the body size cap, and no caching of API responses.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isAllowedOrigin } from '../../auth/origin.ts';
import { guestTokenFromCookieHeader, sessionTokenFromCookieHeader } from '../../auth/cookies.ts';
import { HttpError } from '../HttpError.ts';
import { isJsonContentType } from '../readJsonBody.ts';

/** Largest accepted JSON body. The biggest legitimate one (a community's ground rules) is well below. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for writes. A write that carries the session cookie must come with an allowed Origin;
 * a write with a foreign Origin is refused even without a cookie (so a hostile page cannot sign someone
 * in to an attacker's account). Non-browser clients without cookies may omit Origin.
 */
export function originCheck(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (!isAllowedOrigin(origin, allowedOrigins)) throw new HttpError('forbidden', 'Request origin not allowed');
    } else if (sessionTokenFromCookieHeader(c.req.header('cookie')) !== null || guestTokenFromCookieHeader(c.req.header('cookie')) !== null) {
      throw new HttpError('forbidden', 'Missing Origin header on a signed-in request');
    }
    return next();
  };
}

/** Requests a guard lets through untouched (routes that read their own non-JSON body, such as uploads). */
export type GuardSkip = (method: string, path: string) => boolean;

/** 415 for writes whose body is declared (or sent) as something other than JSON (unless `skip` says so). */
export function jsonOnly(skip?: GuardSkip): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || skip?.(c.req.method, c.req.path)) return next();
    const type = c.req.header('content-type');
    const length = Number(c.req.header('content-length') ?? '0');
    if ((type !== undefined && !isJsonContentType(type)) || (type === undefined && length > 0)) {
      throw new HttpError('unsupported_media_type', 'Send the request body as application/json');
    }
    return next();
  };
}

/** 413 for bodies over `maxBytes` (checked on Content-Length and while streaming), unless `skip` says so. */
export function jsonBodyLimit(maxBytes = MAX_JSON_BODY_BYTES, skip?: GuardSkip): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError('payload_too_large', `Request body is larger than ${Math.floor(maxBytes / 1024)} KiB`);
    },
  });
  return async (c, next) => (skip?.(c.req.method, c.req.path) ? next() : limit(c, next));
}

/** API responses are per-user: never cache them. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
