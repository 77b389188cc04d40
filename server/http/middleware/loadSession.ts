/**
 * Resolves the session cookie once per /api request and puts the user (or null) on the context.
 * Routes never read cookies themselves.
 */
import type { MiddlewareHandler } from 'hono';
import type { AuthSessions } from '../../auth/AuthSessions.ts';
import { sessionTokenFromCookieHeader } from '../../auth/cookies.ts';
import type { AppEnv } from '../AppEnv.ts';

/** Sets `user` and `sessionToken` on the context. */
export function loadSession(sessions: AuthSessions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionTokenFromCookieHeader(c.req.header('cookie'));
    c.set('sessionToken', token);
    c.set('user', token ? await sessions.resolve(token) : null);
    return next();
  };
}
