import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { AuthSessions, hashSessionToken } from './AuthSessions.ts';

describe('AuthSessions', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = SqliteStore.open({ filename: ':memory:' });
    await store.createUser({ id: 'u1', name: 'Ada', email: 'ada@example.org', passwordHash: 'x', createdAt: new Date().toISOString() });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  it('creates a random token, stores only its hash, and resolves it to the user', async () => {
    const sessions = new AuthSessions(store, 60_000);
    const { token, expiresAt } = await sessions.create('u1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await store.getAuthSession(token)).toBeNull();
    expect(await store.getAuthSession(hashSessionToken(token))).toMatchObject({ userId: 'u1' });
    expect((await sessions.resolve(token))?.email).toBe('ada@example.org');
    const other = await sessions.create('u1');
    expect(other.token).not.toBe(token);
  });

  it('refuses unknown, malformed and revoked tokens', async () => {
    const sessions = new AuthSessions(store, 60_000);
    const { token } = await sessions.create('u1');
    expect(await sessions.resolve(null)).toBeNull();
    expect(await sessions.resolve('short')).toBeNull();
    expect(await sessions.resolve('A'.repeat(43))).toBeNull();
    expect(await sessions.resolve(hashSessionToken(token))).toBeNull(); // the stored hash is not a token
    await sessions.revoke(token);
    expect(await sessions.resolve(token)).toBeNull();
    await sessions.revoke('nonsense'); // no-op, no throw
  });

  it('expires sessions after the TTL and prunes them', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const sessions = new AuthSessions(store, 60_000);
    const a = await sessions.create('u1');
    const b = await sessions.create('u1');
    vi.setSystemTime(new Date('2026-01-01T00:00:59Z'));
    expect(await sessions.resolve(a.token)).not.toBeNull();
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(await sessions.resolve(a.token)).toBeNull();
    expect(await store.getAuthSession(hashSessionToken(a.token))).toBeNull(); // deleted on sight
    expect(await sessions.pruneExpired()).toBe(1); // b
    expect(await store.getAuthSession(hashSessionToken(b.token))).toBeNull();
  });
});
