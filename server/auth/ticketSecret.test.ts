import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { resolveTicketSecret } from './ticketSecret.ts';

describe('resolveTicketSecret', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = SqliteStore.open({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  it('prefers the configured secret and stores nothing', async () => {
    const secret = 'c'.repeat(40);
    expect(await resolveTicketSecret({ ticketSecret: secret }, store)).toBe(secret);
    expect(await store.getSetting('ticket_secret')).toBeNull();
  });

  it('generates a random secret once and keeps it across restarts', async () => {
    const first = await resolveTicketSecret({}, store);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.getSetting('ticket_secret')).toBe(first);
    expect(await resolveTicketSecret({ ticketSecret: undefined }, store)).toBe(first);
    const otherStore = SqliteStore.open({ filename: ':memory:' });
    expect(await resolveTicketSecret({}, otherStore)).not.toBe(first);
    await otherStore.close();
  });
});
