/**
 * The Hono environment shared by every route: what the session middleware puts on the context, and the
 * helper handlers use to demand a signed-in user.
 */
import type { Context } from 'hono';
import type { UserRecord } from '../store/types.ts';
import type { GuestIdentity } from '../auth/GuestAccess.ts';
import { HttpError } from './HttpError.ts';

/** Context variables set by `loadSession` for every /api request. */
export type AppEnv = {
  Variables: {
    /** The signed-in user, or null. */
    user: UserRecord | null;
    /** The raw session cookie value, if the request carried one (valid or not). */
    sessionToken: string | null;
    /** A valid guest identity from the guest cookie (a guest link's visitor, one session only), or null. */
    guest: GuestIdentity | null;
  };
};

/** The signed-in user; throws 401 when there is none. */
export function requireUser(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw new HttpError('unauthenticated', 'Please sign in first');
  return user;
}
