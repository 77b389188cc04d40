/**
 * The guest-links part of the store contract (issue 4 item 10): links stored by token hash, listed per
 * session, revoked once, and guests resolved with their link. Registered by describeStoreContract, so
 * every Store implementation runs it; uses unique ids per test.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';
import type { GuestLinkRecord, GuestRecord } from './types.ts';

export function describeGuestContract(ctx: ContractContext): void {
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const host = `${p}-gu-host`;
    const visitor = `${p}-gu-visitor`;
    for (const id of [host, visitor]) {
      await store.createUser({ id, name: id, email: `${id}@guests.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    }
    const communityId = `${p}-gc`;
    await store.createCommunity({ id: communityId, name: 'c', domain: 'd', groundRules: '', visibility: 'invite', createdBy: host, createdAt: '2026-01-02T00:00:00.000Z' });
    const session = async (key: string) => {
      const id = `${p}-gs-${key}`;
      await store.createSession({ id, communityId, title: key, startsAt: '2026-05-01T09:00:00.000Z', durationMinutes: 60, format: 'workshop', room: `${p}-groom-${key}`, createdBy: host, createdAt: '2026-01-03T00:00:00.000Z' });
      return id;
    };
    const link = (key: string, sessionId: string, over: Partial<GuestLinkRecord> = {}): GuestLinkRecord => ({
      id: `${p}-gl-${key}`, tokenHash: `${p}-hash-${key}`, sessionId, communityId, permission: 'view', label: `for ${key}`,
      expiresAt: '2026-05-01T12:00:00.000Z', revokedAt: null, createdBy: host, createdAt: '2026-04-01T00:00:00.000Z', ...over,
    });
    const guest = (key: string, linkId: string, over: Partial<GuestRecord> = {}): GuestRecord => ({
      id: `${p}-g-${key}`, tokenHash: `${p}-ghash-${key}`, linkId, name: `Guest ${key}`, userId: null, createdAt: '2026-04-02T00:00:00.000Z', ...over,
    });
    return { store, p, host, visitor, session, link, guest };
  }

  describe('guest links', () => {
    it('stores a link by its token hash and lists a session\'s links newest first', async () => {
      const w = await world();
      const [s1, s2] = [await w.session('one'), await w.session('two')];
      const old = w.link('old', s1);
      const recent = w.link('recent', s1, { permission: 'edit', createdAt: '2026-04-05T00:00:00.000Z', expiresAt: '2026-04-06T00:00:00.000Z' });
      await w.store.guests.createLink(old);
      await w.store.guests.createLink(recent);
      await w.store.guests.createLink(w.link('other', s2));
      expect(await w.store.guests.getLinkByTokenHash(old.tokenHash)).toEqual(old);
      expect(await w.store.guests.getLinkByTokenHash(`${w.p}-unknown`)).toBeNull();
      expect(await w.store.guests.listLinks(s1)).toEqual([recent, old]);
    });

    it('revokes a link of its own session once', async () => {
      const w = await world();
      const [s1, s2] = [await w.session('one'), await w.session('two')];
      const l = w.link('r', s1);
      await w.store.guests.createLink(l);
      expect(await w.store.guests.revokeLink(s2, l.id, '2026-04-03T00:00:00.000Z')).toBe(false); // another session's
      expect(await w.store.guests.revokeLink(s1, l.id, '2026-04-03T00:00:00.000Z')).toBe(true);
      expect(await w.store.guests.revokeLink(s1, l.id, '2026-04-04T00:00:00.000Z')).toBe(false); // already revoked
      expect((await w.store.guests.getLinkByTokenHash(l.tokenHash))?.revokedAt).toBe('2026-04-03T00:00:00.000Z');
    });

    it('resolves a guest together with its link (and its account, if any)', async () => {
      const w = await world();
      const s1 = await w.session('one');
      const l = w.link('g', s1, { permission: 'edit' });
      await w.store.guests.createLink(l);
      const anon = w.guest('anon', l.id);
      const known = w.guest('known', l.id, { userId: w.visitor });
      await w.store.guests.createGuest(anon);
      await w.store.guests.createGuest(known);
      expect(await w.store.guests.getGuestByTokenHash(anon.tokenHash)).toEqual({ guest: anon, link: l });
      expect(await w.store.guests.getGuestByTokenHash(known.tokenHash)).toEqual({ guest: known, link: l });
      expect(await w.store.guests.getGuestByTokenHash(l.tokenHash)).toBeNull(); // a link's hash is no guest's
      await w.store.guests.revokeLink(s1, l.id, '2026-04-03T00:00:00.000Z');
      expect((await w.store.guests.getGuestByTokenHash(anon.tokenHash))?.link.revokedAt).toBe('2026-04-03T00:00:00.000Z');
    });

    it('finds a file only in the session it was uploaded to', async () => {
      const w = await world();
      const [s1, s2] = [await w.session('one'), await w.session('two')];
      const sha = `${w.p}`.padEnd(64, 'e');
      const file = { sha256: sha, mime: 'image/png', bytes: 10, createdAt: '2026-02-01T00:00:00.000Z' };
      await w.store.files.addFile(file, { sha256: sha, communityId: `${w.p}-gc`, sessionId: s1, name: 'slide.png', uploadedBy: w.host, uploadedAt: '2026-02-01T00:00:00.000Z' });
      expect(await w.store.guests.getSessionFile(s1, sha)).toEqual({ ...file, name: 'slide.png' });
      expect(await w.store.guests.getSessionFile(s2, sha)).toBeNull();
    });
  });
}
