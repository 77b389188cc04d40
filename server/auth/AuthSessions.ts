/**
 * Cookie sessions: a random token goes to the browser, only its SHA-256 goes to the store, so a leaked
 * database cannot be replayed as cookies.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppStore, UserRecord } from '../store/types.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'cp_session';

// 32 random bytes in base64url without padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a session token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates, resolves and revokes sign-in sessions. */
export class AuthSessions {
  constructor(
    private readonly store: AppStore,
    private readonly ttlMs: number,
  ) {}

  /** Starts a session for the user; the token is returned once and never stored. */
  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(now + this.ttlMs);
    await this.store.createAuthSession({
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt };
  }

  /** The signed-in user for a token, or null when it is malformed, unknown or expired. */
  async resolve(token: string | null | undefined): Promise<UserRecord | null> {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const tokenHash = hashSessionToken(token);
    const session = await this.store.getAuthSession(tokenHash);
    if (!session) return null;
    if (Date.parse(session.expiresAt) <= Date.now()) {
      await this.store.deleteAuthSession(tokenHash);
      return null;
    }
    return this.store.getUserById(session.userId);
  }

  /** Ends the session (no-op for unknown tokens). */
  async revoke(token: string | null | undefined): Promise<void> {
    if (!token || !TOKEN_PATTERN.test(token)) return;
    await this.store.deleteAuthSession(hashSessionToken(token));
  }

  /** Deletes expired sessions; returns how many. Call periodically. */
  pruneExpired(now = new Date()): Promise<number> {
    return this.store.deleteExpiredAuthSessions(now.toISOString());
  }
}
