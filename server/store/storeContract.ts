/**
 * The contract every Store implementation must pass (SQLite today, PostgreSQL later). It uses only the
 * Store interface, and unique ids per test, so it also works against a store shared between tests.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import {
  StoreConflictError,
  type CommunityRecord,
  type SessionRecord,
  type Store,
  type StoredDoc,
  type UserRecord,
} from './types.ts';
import { describeFileContract } from './fileContract.ts';
import { describeCommunityRemovalContract } from './communityRemovalContract.ts';
import { describeKnowledgeContract } from './knowledgeContract.ts';
import { describeSeriesContract } from './seriesContract.ts';
import { describeResourceContract } from './resourceContract.ts';
import { describeActionContract } from './actionContract.ts';
import { describeVersionsContract } from './versionsContract.ts';
import { describeGuestContract } from './guestContract.ts';

/**
 * Registers the contract suite. `makeStore` is called before each test; after each test the store is
 * closed and then `cleanup` (if given) removes whatever makeStore created (a file, a schema).
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: (s: Store) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    // A per-test prefix keeps ids, emails and rooms unique even in a store shared between tests.
    let p: string;

    beforeEach(async () => {
      store = await makeStore();
      p = randomUUID().slice(0, 8);
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.(store);
    });

    const user = (key: string, name = key): UserRecord => ({
      id: `${p}-u-${key}`,
      name,
      email: `${key}-${p}@example.org`,
      passwordHash: `hash-${key}`,
      createdAt: '2026-01-01T10:00:00.000Z',
    });

    const community = (key: string, createdBy: string, over: Partial<CommunityRecord> = {}): CommunityRecord => ({
      id: `${p}-c-${key}`,
      name: `Community ${key}`,
      domain: 'Palliative care nursing',
      groundRules: 'Be kind.',
      visibility: 'open',
      createdBy,
      createdAt: '2026-01-02T10:00:00.000Z',
      ...over,
    });

    const session = (key: string, communityId: string, createdBy: string, startsAt: string): SessionRecord => ({
      id: `${p}-s-${key}`,
      communityId,
      title: `Session ${key}`,
      startsAt,
      durationMinutes: 60,
      format: 'open_discussion',
      room: `${p}-room-${key}`,
      createdBy,
      createdAt: '2026-01-03T10:00:00.000Z',
    });

    /** Applies a loaded doc to a fresh Y.Doc, as the server does when a room opens. */
    const docFrom = (stored: StoredDoc): Y.Doc => {
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return doc;
    };

    /** A doc with a few kinds of shared types, recording every update it emits. */
    const recordingDoc = () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      return { doc, updates };
    };

    const contentOf = (doc: Y.Doc) => ({
      text: doc.getText('notes').toString(),
      map: doc.getMap('meta').toJSON(),
      list: doc.getArray('items').toJSON(),
    });

    const sizeOf = (stored: StoredDoc) =>
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0);

    describe('users', () => {
      it('creates and reads a user by id and by email', async () => {
        const u = user('ada');
        await store.createUser(u);
        expect(await store.getUserById(u.id)).toEqual(u);
        expect(await store.getUserByEmail(u.email)).toEqual(u);
        expect(await store.getUserById(`${p}-nobody`)).toBeNull();
        expect(await store.getUserByEmail(`nobody-${p}@example.org`)).toBeNull();
      });

      it('treats email case-insensitively and stores it lower-cased', async () => {
        const u = { ...user('grace'), email: `Grace-${p}@Example.ORG` };
        await store.createUser(u);
        const found = await store.getUserByEmail(`GRACE-${p}@example.org`);
        expect(found?.id).toBe(u.id);
        expect(found?.email).toBe(u.email.toLowerCase());
      });

      it('rejects a duplicate email (any case) with StoreConflictError and keeps the first user', async () => {
        const u = user('linus');
        await store.createUser(u);
        const dup = { ...user('other'), email: u.email.toUpperCase() };
        await expect(store.createUser(dup)).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.getUserById(dup.id)).toBeNull();
        expect((await store.getUserByEmail(u.email))?.id).toBe(u.id);
      });
    });

    describe('auth sessions', () => {
      it('creates, reads and deletes an auth session', async () => {
        const u = user('a');
        await store.createUser(u);
        const s = { tokenHash: `${p}-tok`, userId: u.id, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' };
        await store.createAuthSession(s);
        expect(await store.getAuthSession(s.tokenHash)).toEqual(s);
        await store.deleteAuthSession(s.tokenHash);
        expect(await store.getAuthSession(s.tokenHash)).toBeNull();
        await store.deleteAuthSession(s.tokenHash); // deleting twice is harmless
      });

      it('deletes only expired sessions and reports how many', async () => {
        const u = user('a');
        await store.createUser(u);
        const mk = (k: string, expiresAt: string) => ({ tokenHash: `${p}-${k}`, userId: u.id, createdAt: '2000-01-01T00:00:00.000Z', expiresAt });
        // Expiry dates far in the past/future so that a shared store's other sessions do not interfere.
        await store.createAuthSession(mk('old1', '2000-01-02T00:00:00.000Z'));
        await store.createAuthSession(mk('old2', '2000-01-03T00:00:00.000Z'));
        await store.createAuthSession(mk('live', '2999-01-01T00:00:00.000Z'));
        expect(await store.deleteExpiredAuthSessions('2000-01-04T00:00:00.000Z')).toBeGreaterThanOrEqual(2);
        expect(await store.getAuthSession(`${p}-old1`)).toBeNull();
        expect(await store.getAuthSession(`${p}-old2`)).toBeNull();
        expect(await store.getAuthSession(`${p}-live`)).not.toBeNull();
      });
    });

    describe('communities and memberships', () => {
      it('creates a community with its creator as host', async () => {
        const host = user('host');
        await store.createUser(host);
        const c = community('x', host.id, { groundRules: '', visibility: 'invite' });
        await store.createCommunity(c);
        expect(await store.getCommunity(c.id)).toEqual(c);
        expect(await store.getCommunity(`${p}-missing`)).toBeNull();
        expect(await store.getMembership(c.id, host.id)).toEqual({ communityId: c.id, userId: host.id, role: 'host', joinedAt: c.createdAt });
        expect(await store.countMembers(c.id)).toBe(1);
      });

      it('adds members, never demotes on a second join, and changes roles explicitly', async () => {
        const host = user('host');
        const ann = user('ann');
        await store.createUser(host);
        await store.createUser(ann);
        const c = community('x', host.id);
        await store.createCommunity(c);

        const joined = { communityId: c.id, userId: ann.id, role: 'member' as Role, joinedAt: '2026-01-05T00:00:00.000Z' };
        expect(await store.addMember(joined)).toEqual(joined);
        // Joining again (e.g. through an invite link) keeps the stored membership, including joinedAt.
        expect(await store.addMember({ ...joined, role: 'viewer', joinedAt: '2026-01-06T00:00:00.000Z' })).toEqual(joined);
        const hostAgain = await store.addMember({ communityId: c.id, userId: host.id, role: 'member', joinedAt: '2026-01-07T00:00:00.000Z' });
        expect(hostAgain.role).toBe('host');
        expect((await store.getMembership(c.id, host.id))?.role).toBe('host');
        expect(await store.countMembers(c.id)).toBe(2);

        expect(await store.setMemberRole(c.id, ann.id, 'facilitator')).toBe(true);
        expect((await store.getMembership(c.id, ann.id))?.role).toBe('facilitator');
        expect(await store.setMemberRole(c.id, `${p}-nobody`, 'member')).toBe(false);
        expect(await store.getMembership(c.id, `${p}-nobody`)).toBeNull();
      });

      it('lists members by role (host, facilitator, member, viewer) then name, with their names', async () => {
        const users = [user('h', 'Zed Host'), user('v', 'Amy Viewer'), user('m2', 'Bob'), user('f', 'Yves'), user('m1', 'Alice')];
        for (const u of users) await store.createUser(u);
        const c = community('x', users[0]!.id);
        await store.createCommunity(c);
        const add = (u: UserRecord, role: Role) => store.addMember({ communityId: c.id, userId: u.id, role, joinedAt: '2026-01-05T00:00:00.000Z' });
        await add(users[1]!, 'viewer');
        await add(users[2]!, 'member');
        await add(users[3]!, 'facilitator');
        await add(users[4]!, 'member');

        const list = await store.listMembers(c.id);
        expect(list.map((m) => [m.role, m.name])).toEqual([
          ['host', 'Zed Host'],
          ['facilitator', 'Yves'],
          ['member', 'Alice'],
          ['member', 'Bob'],
          ['viewer', 'Amy Viewer'],
        ]);
        expect(list[0]).toEqual({ communityId: c.id, userId: users[0]!.id, role: 'host', joinedAt: c.createdAt, name: 'Zed Host' });
        expect(await store.listMembers(`${p}-missing`)).toEqual([]);
      });

      it('lists open communities and the invite-only ones the user belongs to, newest first', async () => {
        const a = user('a');
        const b = user('b');
        await store.createUser(a);
        await store.createUser(b);
        const openA = community('openA', a.id, { createdAt: '2026-03-01T00:00:00.000Z' });
        const inviteA = community('inviteA', a.id, { visibility: 'invite', createdAt: '2026-03-02T00:00:00.000Z' });
        const inviteB = community('inviteB', b.id, { visibility: 'invite', createdAt: '2026-03-03T00:00:00.000Z' });
        const openB = community('openB', b.id, { createdAt: '2026-02-01T00:00:00.000Z' });
        for (const c of [openA, inviteA, inviteB, openB]) await store.createCommunity(c);
        await store.addMember({ communityId: openA.id, userId: b.id, role: 'member', joinedAt: '2026-03-04T00:00:00.000Z' });

        const mine = (list: Awaited<ReturnType<Store['listCommunities']>>) => list.filter((c) => c.id.startsWith(p));

        const forB = mine(await store.listCommunities(b.id));
        expect(forB.map((c) => c.id)).toEqual([inviteB.id, openA.id, openB.id]);
        expect(forB[0]).toEqual({ ...inviteB, memberCount: 1, myRole: 'host' });
        expect(forB[1]).toEqual({ ...openA, memberCount: 2, myRole: 'member' });
        expect(forB[2]).toMatchObject({ memberCount: 1, myRole: 'host' });

        const forA = mine(await store.listCommunities(a.id));
        expect(forA.map((c) => [c.id, c.myRole])).toEqual([
          [inviteA.id, 'host'],
          [openA.id, 'host'],
          [openB.id, null],
        ]);

        // A stranger sees only the open ones, as a non-member.
        const forStranger = mine(await store.listCommunities(`${p}-stranger`));
        expect(forStranger.map((c) => [c.id, c.myRole, c.memberCount])).toEqual([
          [openA.id, null, 2],
          [openB.id, null, 1],
        ]);

        // Joining an invite-only community makes it visible to the new member.
        await store.addMember({ communityId: inviteA.id, userId: b.id, role: 'viewer', joinedAt: '2026-03-05T00:00:00.000Z' });
        const after = mine(await store.listCommunities(b.id));
        expect(after.find((c) => c.id === inviteA.id)).toMatchObject({ myRole: 'viewer', memberCount: 2 });
      });
    });

    describe('invites', () => {
      it('creates and reads an invite, keeping its role', async () => {
        const host = user('host');
        await store.createUser(host);
        const c = community('x', host.id, { visibility: 'invite' });
        await store.createCommunity(c);
        const inv = { code: `${p}-code`, communityId: c.id, createdBy: host.id, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-08T00:00:00.000Z', role: 'facilitator' as Role };
        await store.createInvite(inv);
        expect(await store.getInvite(inv.code)).toEqual(inv);
        expect(await store.getInvite(`${p}-nope`)).toBeNull();
        await expect(store.createInvite(inv)).rejects.toBeInstanceOf(StoreConflictError);
      });
    });

    describe('sessions', () => {
      it('creates sessions, finds them by id and by room, and lists them by start time', async () => {
        const host = user('host');
        await store.createUser(host);
        const c = community('x', host.id);
        const other = community('y', host.id);
        await store.createCommunity(c);
        await store.createCommunity(other);
        const late = session('late', c.id, host.id, '2026-05-02T09:00:00.000Z');
        const early = session('early', c.id, host.id, '2026-05-01T09:00:00.000Z');
        // 08:30 UTC written with an offset: sorts between the two by instant although not by string.
        const offset = session('offset', c.id, host.id, '2026-05-02T10:30:00+02:00');
        const elsewhere = session('elsewhere', other.id, host.id, '2026-04-01T09:00:00.000Z');
        for (const s of [late, early, offset, elsewhere]) await store.createSession(s);

        expect(await store.getSession(late.id)).toEqual(late);
        expect(await store.getSession(`${p}-missing`)).toBeNull();
        expect(await store.getSessionByRoom(offset.room)).toEqual(offset);
        expect(await store.getSessionByRoom(`${p}-no-room`)).toBeNull();
        expect((await store.listSessions(c.id)).map((s) => s.id)).toEqual([early.id, offset.id, late.id]);
        expect(await store.listSessions(other.id)).toEqual([elsewhere]);
      });

      it('refuses a second session on the same room', async () => {
        const host = user('host');
        await store.createUser(host);
        const c = community('x', host.id);
        await store.createCommunity(c);
        const s1 = session('one', c.id, host.id, '2026-05-01T09:00:00.000Z');
        await store.createSession(s1);
        await expect(store.createSession({ ...session('two', c.id, host.id, '2026-05-01T09:00:00.000Z'), room: s1.room })).rejects.toBeInstanceOf(
          StoreConflictError,
        );
        expect(await store.getSession(`${p}-s-two`)).toBeNull();
      });
    });

    describe('settings', () => {
      it('stores, overwrites and reads settings', async () => {
        const key = `${p}-secret`;
        expect(await store.getSetting(key)).toBeNull();
        await store.setSetting(key, 'one');
        expect(await store.getSetting(key)).toBe('one');
        await store.setSetting(key, 'two');
        expect(await store.getSetting(key)).toBe('two');
      });
    });

    describeKnowledgeContract({ store: () => store, prefix: () => p });
    describeFileContract({ store: () => store, prefix: () => p });
    describeSeriesContract({ store: () => store, prefix: () => p });
    describeResourceContract({ store: () => store, prefix: () => p });
    describeActionContract({ store: () => store, prefix: () => p });
    describeVersionsContract({ store: () => store, prefix: () => p });
    describeGuestContract({ store: () => store, prefix: () => p });
    describeCommunityRemovalContract({ store: () => store, prefix: () => p });

    describe('documents', () => {
      it('loads an unknown room as empty', async () => {
        const stored = await store.loadDoc(`${p}-empty`);
        expect(stored).toEqual({ snapshot: null, updates: [], bytes: 0 });
        expect(await store.countUpdates(`${p}-empty`)).toBe(0);
      });

      it('round-trips real Yjs updates in order, with their byte count', async () => {
        const room = `${p}-doc`;
        const { doc, updates } = recordingDoc();
        doc.getText('notes').insert(0, 'Agenda: intros');
        doc.getMap('meta').set('title', 'Weekly circle');
        doc.getArray('items').push([{ id: 1, text: 'sticky' }]);
        doc.getText('notes').insert(0, '# ');
        doc.getText('notes').delete(2, 8);
        await store.appendUpdates(updates.map((update) => ({ room, update })));

        const stored = await store.loadDoc(room);
        expect(stored.snapshot).toBeNull();
        expect(stored.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
        expect(stored.bytes).toBe(sizeOf(stored));
        expect(await store.countUpdates(room)).toBe(updates.length);

        const loaded = docFrom(stored);
        expect(contentOf(loaded)).toEqual(contentOf(doc));
        expect(contentOf(loaded).text).toBe('# intros');
        expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
      });

      it('appends nothing for an empty batch', async () => {
        await store.appendUpdates([]);
        expect(await store.countUpdates(`${p}-doc`)).toBe(0);
      });

      it('appends one batch across several rooms, keeping each room’s order', async () => {
        const rooms = [`${p}-r1`, `${p}-r2`, `${p}-r3`];
        const docs = rooms.map(() => recordingDoc());
        for (let i = 0; i < 5; i++) {
          docs.forEach(({ doc }, r) => doc.getText('notes').insert(doc.getText('notes').length, `${r}:${i} `));
        }
        // Interleaved the way one event-loop tick collects them.
        const batch = [];
        for (let i = 0; i < 5; i++) for (let r = 0; r < rooms.length; r++) batch.push({ room: rooms[r]!, update: docs[r]!.updates[i]! });
        await store.appendUpdates(batch);

        for (let r = 0; r < rooms.length; r++) {
          const stored = await store.loadDoc(rooms[r]!);
          expect(stored.updates).toHaveLength(5);
          expect(stored.updates.map((u) => Array.from(u))).toEqual(docs[r]!.updates.map((u) => Array.from(u)));
          expect(docFrom(stored).getText('notes').toString()).toBe(docs[r]!.doc.getText('notes').toString());
        }
        const listed = (await store.listRooms()).filter((room) => room.startsWith(p));
        expect(listed.sort()).toEqual([...rooms].sort());
      });

      it('compacts into a snapshot with identical content and no log rows left', async () => {
        const room = `${p}-compact`;
        const { doc, updates } = recordingDoc();
        for (let i = 0; i < 50; i++) doc.getText('notes').insert(i % 7, String.fromCharCode(97 + (i % 26)));
        doc.getMap('meta').set('phase', 'discussion');
        doc.getArray('items').push([1, 2, 3]);
        await store.appendUpdates(updates.map((update) => ({ room, update })));

        let mergedParts = 0;
        await store.compact(room, (parts) => {
          mergedParts = parts.length;
          return Y.mergeUpdates(parts);
        });
        expect(mergedParts).toBe(updates.length); // no snapshot existed yet

        const stored = await store.loadDoc(room);
        expect(stored.snapshot).not.toBeNull();
        expect(stored.updates).toEqual([]);
        expect(stored.bytes).toBe(stored.snapshot!.byteLength);
        expect(await store.countUpdates(room)).toBe(0);
        expect(contentOf(docFrom(stored))).toEqual(contentOf(doc));
        expect(await store.listRooms()).toContain(room);

        // A second round merges the old snapshot with the new rows.
        updates.length = 0;
        doc.getText('notes').insert(0, 'more ');
        doc.getMap('meta').delete('phase');
        await store.appendUpdates(updates.map((update) => ({ room, update })));
        await store.compact(room, (parts) => {
          mergedParts = parts.length;
          return Y.mergeUpdates(parts);
        });
        expect(mergedParts).toBe(1 + updates.length);
        const again = await store.loadDoc(room);
        expect(again.updates).toEqual([]);
        expect(contentOf(docFrom(again))).toEqual(contentOf(doc));
      });

      it('leaves a room without log rows alone when compacting', async () => {
        const room = `${p}-nothing`;
        let called = false;
        await store.compact(room, (parts) => {
          called = true;
          return Y.mergeUpdates(parts);
        });
        expect(called).toBe(false);
        expect(await store.loadDoc(room)).toEqual({ snapshot: null, updates: [], bytes: 0 });
      });

      it('keeps an update appended while compaction is merging (after its read)', async () => {
        const room = `${p}-race`;
        const { doc, updates } = recordingDoc();
        doc.getText('notes').insert(0, 'before compaction');
        await store.appendUpdates(updates.map((update) => ({ room, update })));
        updates.length = 0;
        doc.getText('notes').insert(0, 'late: ');
        const late = updates[0]!;

        let pending: Promise<void> | undefined;
        await store.compact(room, (parts) => {
          // The read has happened; another writer appends now, before the snapshot is written.
          pending = store.appendUpdates([{ room, update: late }]);
          return Y.mergeUpdates(parts);
        });
        await pending;

        const stored = await store.loadDoc(room);
        expect(stored.snapshot).not.toBeNull();
        expect(stored.updates.map((u) => Array.from(u))).toEqual([Array.from(late)]);
        expect(await store.countUpdates(room)).toBe(1);
        expect(docFrom(stored).getText('notes').toString()).toBe('late: before compaction');
      });

      it('does not touch other rooms when compacting one', async () => {
        const [a, b] = [recordingDoc(), recordingDoc()];
        a.doc.getText('notes').insert(0, 'room a');
        b.doc.getText('notes').insert(0, 'room b');
        await store.appendUpdates([
          { room: `${p}-a`, update: a.updates[0]! },
          { room: `${p}-b`, update: b.updates[0]! },
        ]);
        await store.compact(`${p}-a`, Y.mergeUpdates);
        expect(await store.countUpdates(`${p}-a`)).toBe(0);
        expect(await store.countUpdates(`${p}-b`)).toBe(1);
        expect(docFrom(await store.loadDoc(`${p}-b`)).getText('notes').toString()).toBe('room b');
      });
    });
  });
}
