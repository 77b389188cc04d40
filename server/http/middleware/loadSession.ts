/**
 * Resolves the session cookie once per /api request and puts the user (or null) on the context.
 * Routes never read cookies themselves.
 */
import type { MiddlewareHandler } from 'hono';
import type { AuthSessions } from '../../auth/AuthSessions.ts';
import { guestTokenFromCookieHeader, sessionTokenFromCookieHeader } from '../../auth/cookies.ts';
import type { GuestAccess } from '../../auth/GuestAccess.ts';
import type { AppEnv } from '../AppEnv.ts';

/** Sets `user`, `sessionToken` and `guest` (when `guests` is given) on the context. */
export function loadSession(sessions: AuthSessions, guests?: GuestAccess): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookies = c.req.header('cookie');
    const token = sessionTokenFromCookieHeader(cookies);
    c.set('sessionToken', token);
    c.set('user', token ? await sessions.resolve(token) : null);
    const guestToken = guests ? guestTokenFromCookieHeader(cookies) : null;
    c.set('guest', guestToken ? await guests!.resolve(guestToken) : null);
    return next();
  };
}
