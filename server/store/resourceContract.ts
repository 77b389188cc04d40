/**
 * The resource-library part of the store contract (issue 3, item 3): one resource per (community, key),
 * occurrences replaced per session atomically and idempotently, first-seen times kept across
 * re-indexing, direct additions, communities kept apart. Registered by describeStoreContract.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';
import type { ResourceOccurrence, SessionRecord } from './types.ts';

const T0 = '2026-06-01T10:00:00.000Z';
const T1 = '2026-06-02T10:00:00.000Z';
const T2 = '2026-06-03T10:00:00.000Z';

export function describeResourceContract(ctx: ContractContext): void {
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const user = async (key: string, name: string) => {
      const id = `${p}-ru-${key}`;
      await store.createUser({ id, name, email: `${key}-${p}@resources.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      return id;
    };
    const ada = await user('ada', 'Ada Lovelace');
    const bo = await user('bo', 'Bo Member');
    const community = async (key: string) => {
      const id = `${p}-rc-${key}`;
      await store.createCommunity({ id, name: key, domain: 'd', groundRules: '', visibility: 'open', createdBy: ada, createdAt: '2026-01-02T00:00:00.000Z' });
      return id;
    };
    const [a, b] = [await community('a'), await community('b')];
    const session = async (key: string, communityId: string, startsAt: string) => {
      const s: SessionRecord = {
        id: `${p}-rs-${key}`, communityId, title: `Session ${key}`, startsAt, durationMinutes: 60, format: 'open_discussion',
        room: `${p}-rroom-${key}`, createdBy: ada, createdAt: '2026-01-03T00:00:00.000Z',
      };
      await store.createSession(s);
      return s;
    };
    return { store, ada, bo, a, b, session };
  }

  const link = (url: string, place: 'board' | 'notes', itemId: string, sharedBy: string | null, extra: Partial<ResourceOccurrence> = {}): ResourceOccurrence => ({
    key: url, kind: 'link', url, title: `Title of ${url}`, sha256: null, place, itemId, sharedBy, ...extra,
  });

  describe('resource library', () => {
    it('merges one key across sessions, with sharers, sessions and a count', async () => {
      const w = await world();
      const s1 = await w.session('one', w.a, '2026-05-01T09:00:00.000Z');
      const s2 = await w.session('two', w.a, '2026-05-08T09:00:00.000Z');
      const url = 'https://guide.example.org/rtl';
      await w.store.resources.replaceSessionResources(w.a, s1.id, [link(url, 'board', 'l1', w.ada, { seenAt: T0 })], T1);
      await w.store.resources.replaceSessionResources(w.a, s2.id, [link(url, 'notes', 'b-1', null), link('https://other.example/', 'board', 'l2', 'ghost-guest')], T2);
      const list = await w.store.resources.listResources(w.a);
      expect(list).toHaveLength(2);
      expect(list[0]).toMatchObject({
        key: url, kind: 'link', url, title: `Title of ${url}`, sha256: null, count: 2, inNotes: true,
        sharedBy: [{ id: w.ada, name: 'Ada Lovelace' }],
        sessions: [
          { id: s2.id, title: 'Session two', startsAt: s2.startsAt },
          { id: s1.id, title: 'Session one', startsAt: s1.startsAt },
        ],
        firstSeenAt: T0, lastSeenAt: T2,
      });
      // An id that is no account (a guest's) is counted but named by nobody.
      expect(list[1]).toMatchObject({ key: 'https://other.example/', count: 1, sharedBy: [], inNotes: false });
    });

    it('re-indexing a session replaces its occurrences, keeps first-seen times and drops unshared resources', async () => {
      const w = await world();
      const s1 = await w.session('one', w.a, '2026-05-01T09:00:00.000Z');
      const items = [link('https://x.example/a', 'board', 'l1', w.ada), link('https://x.example/b', 'notes', 'b-1', null)];
      await w.store.resources.replaceSessionResources(w.a, s1.id, items, T0);
      await w.store.resources.replaceSessionResources(w.a, s1.id, items, T1);
      let list = await w.store.resources.listResources(w.a);
      expect(list.map((r) => [r.key, r.count, r.lastSeenAt])).toEqual([
        ['https://x.example/a', 1, T0],
        ['https://x.example/b', 1, T0],
      ]);
      // The same place twice in one pass counts once.
      await w.store.resources.replaceSessionResources(w.a, s1.id, [items[0]!, items[0]!], T2);
      list = await w.store.resources.listResources(w.a);
      expect(list.map((r) => [r.key, r.count])).toEqual([['https://x.example/a', 1]]);
      await w.store.resources.replaceSessionResources(w.a, s1.id, [], T2);
      expect(await w.store.resources.listResources(w.a)).toEqual([]);
    });

    it('files are keyed by content', async () => {
      const w = await world();
      const s1 = await w.session('one', w.a, '2026-05-01T09:00:00.000Z');
      const sha = 'b'.repeat(64);
      await w.store.resources.replaceSessionResources(w.a, s1.id, [
        { key: `sha256:${sha}`, kind: 'file', url: '', title: 'protocol.pdf', sha256: sha, place: 'board', itemId: 'f1', sharedBy: w.bo },
        { key: `sha256:${sha}`, kind: 'file', url: '', title: 'copy.pdf', sha256: sha, place: 'board', itemId: 'f2', sharedBy: w.ada },
      ], T0);
      const [file] = await w.store.resources.listResources(w.a);
      expect(file).toMatchObject({ kind: 'file', sha256: sha, title: 'protocol.pdf', count: 2, sharedBy: [{ id: w.bo, name: 'Bo Member' }, { id: w.ada, name: 'Ada Lovelace' }] });
    });

    it('adds resources directly, once per member, and keeps them when sessions are re-indexed', async () => {
      const w = await world();
      const s1 = await w.session('one', w.a, '2026-05-01T09:00:00.000Z');
      const url = 'https://direct.example/guide';
      const direct = { communityId: w.a, key: url, url, title: 'The guide', note: 'Read section 2', addedBy: w.bo, addedAt: T0 };
      const id = await w.store.resources.addDirect(direct);
      expect(await w.store.resources.addDirect({ ...direct, addedAt: T1 })).toBe(id);
      await w.store.resources.replaceSessionResources(w.a, s1.id, [link(url, 'board', 'l1', w.ada, { title: 'Other title' })], T2);
      await w.store.resources.replaceSessionResources(w.a, s1.id, [], T2);
      const [r] = await w.store.resources.listResources(w.a);
      expect(r).toMatchObject({ id, title: 'The guide', note: 'Read section 2', count: 1, sessions: [], sharedBy: [{ id: w.bo, name: 'Bo Member' }] });
      expect(await w.store.resources.addDirect({ ...direct, addedBy: w.ada, addedAt: T2 })).toBe(id);
      expect((await w.store.resources.listResources(w.a))[0]).toMatchObject({ count: 2, lastSeenAt: T2 });
      // The direct additions alone, oldest first, with who and when (what a community export carries).
      await w.store.resources.replaceSessionResources(w.a, s1.id, [link('https://board.example/', 'board', 'l2', w.ada)], T2);
      expect(await w.store.resources.listDirect(w.a)).toEqual([
        { ...direct, addedByName: 'Bo Member' },
        { ...direct, addedBy: w.ada, addedByName: 'Ada Lovelace', addedAt: T2 },
      ]);
      expect(await w.store.resources.listDirect(w.b)).toEqual([]);
    });

    it('keeps communities apart and sorts by count, then recency', async () => {
      const w = await world();
      const sa = await w.session('a1', w.a, '2026-05-01T09:00:00.000Z');
      const sb = await w.session('b1', w.b, '2026-05-01T09:00:00.000Z');
      await w.store.resources.replaceSessionResources(w.a, sa.id, [
        link('https://old.example/', 'board', 'l1', w.ada, { seenAt: T0 }),
        link('https://new.example/', 'board', 'l2', w.ada, { seenAt: T1 }),
        link('https://popular.example/', 'board', 'l3', w.ada, { seenAt: T0 }),
        link('https://popular.example/', 'notes', 'b-1', null),
      ], T0);
      await w.store.resources.replaceSessionResources(w.b, sb.id, [link('https://secret-b.example/', 'board', 'l1', w.bo)], T2);
      expect((await w.store.resources.listResources(w.a)).map((r) => r.key)).toEqual(['https://popular.example/', 'https://new.example/', 'https://old.example/']);
      expect((await w.store.resources.listResources(w.b)).map((r) => r.key)).toEqual(['https://secret-b.example/']);
    });
  });
}
