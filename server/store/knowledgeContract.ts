/**
 * The knowledge-base part of the store contract (issue 3): the search index (ranking, snippets, prefix
 * and typo matching, community filters, out-of-date detection), session tags and pins. Registered by
 * describeStoreContract, so every Store implementation runs it; uses unique ids per test.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_CLOSE as C, SNIPPET_MARK_OPEN as O } from '../../shared/knowledge/search.ts';
import type { IndexEntry, PinRecord, SessionRecord, Store } from './types.ts';

/** The store under test and the per-test prefix, read when each test runs. */
export interface ContractContext {
  store(): Store;
  prefix(): string;
}

const STATE = { version: 1, indexedAt: '2026-06-01T10:00:00.000Z' };

export function describeKnowledgeContract(ctx: ContractContext): void {
  /** A host, communities with the given keys, and one session per entry of `sessions` ([key, community key]). */
  async function world(communities: string[], sessions: [string, string][] = []) {
    const store = ctx.store();
    const p = ctx.prefix();
    const userId = `${p}-u-host`;
    await store.createUser({ id: userId, name: 'Hana Host', email: `host-${p}@example.org`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    const c: Record<string, string> = {};
    for (const key of communities) {
      c[key] = `${p}-c-${key}`;
      await store.createCommunity({ id: c[key], name: key, domain: 'd', groundRules: '', visibility: 'open', createdBy: userId, createdAt: '2026-01-02T00:00:00.000Z' });
    }
    const s: Record<string, SessionRecord> = {};
    for (const [key, community] of sessions) {
      s[key] = {
        id: `${p}-s-${key}`,
        communityId: c[community],
        title: `Session ${key}`,
        startsAt: '2026-05-01T09:00:00.000Z',
        durationMinutes: 60,
        format: 'open_discussion',
        room: `${p}-room-${key}`,
        createdBy: userId,
        createdAt: '2026-01-03T00:00:00.000Z',
      };
      await store.createSession(s[key]);
    }
    const index = (key: string, entries: IndexEntry[], state = STATE) => store.searchIndex.replaceSessionEntries(s[key].id, s[key].communityId, entries, state);
    const search = (communityKeys: string[], text: string, limit = 20) => store.searchIndex.search(communityKeys.map((k) => c[k]), { text }, limit);
    return { store, p, userId, c, s, index, search };
  }

  const notes = (itemId: string | null, text: string): IndexEntry => ({ kind: 'notes', itemId, text });
  const board = (itemId: string, text: string): IndexEntry => ({ kind: 'board', itemId, text });

  describe('search index', () => {
    it('searches only the given communities, and nothing for none', async () => {
      const w = await world(['a', 'b'], [['a1', 'a'], ['b1', 'b']]);
      await w.index('a1', [notes(null, 'Debrief after a hard shift')]);
      await w.index('b1', [notes(null, 'Debrief with the night team')]);
      expect((await w.search(['a'], 'debrief')).map((h) => h.sessionId)).toEqual([w.s.a1.id]);
      expect((await w.search(['b'], 'debrief')).map((h) => h.sessionId)).toEqual([w.s.b1.id]);
      expect((await w.search(['a', 'b'], 'debrief')).map((h) => h.sessionId).sort()).toEqual([w.s.a1.id, w.s.b1.id].sort());
      expect(await w.search([], 'debrief')).toEqual([]);
      expect(await w.store.searchIndex.search([`${w.p}-c-unknown`], { text: 'debrief' }, 20)).toEqual([]);
    });

    it('returns the session, its room and current title, the place and a highlighted snippet', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [{ kind: 'agenda', itemId: 'ag-1', text: 'Review the handover checklist' }]);
      const [hit] = await w.search(['a'], 'handover');
      expect(hit).toEqual({
        sessionId: w.s.s.id,
        communityId: w.c.a,
        room: w.s.s.room,
        title: w.s.s.title,
        kind: 'agenda',
        itemId: 'ag-1',
        snippet: `Review the ${O}handover${C} checklist`,
        score: expect.any(Number),
      });
    });

    it('ranks a title above an agenda item above notes and board items for the same word', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [
        board('b1', 'Mentoring pairs for new starters'),
        notes('plans', 'Mentoring pairs for new starters'),
        { kind: 'agenda', itemId: 'ag', text: 'Mentoring pairs for new starters' },
        { kind: 'title', itemId: null, text: 'Mentoring pairs for new starters' },
      ]);
      const hits = await w.search(['a'], 'mentoring');
      expect(hits.map((h) => h.kind).slice(0, 2)).toEqual(['title', 'agenda']);
      expect(hits.map((h) => h.kind).slice(2).sort()).toEqual(['board', 'notes']);
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    });

    it('ranks an entry where the word matters more above one where it is a passing mention', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [
        notes('long', 'We spoke about rotas, parking, the new coffee machine, training budgets and, briefly, supervision.'),
        notes('short', 'Supervision'),
      ]);
      expect((await w.search(['a'], 'supervision')).map((h) => h.itemId)).toEqual(['short', 'long']);
    });

    it('gives one hit per place: the best entry of a notes section', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [notes('ideas', 'Ideas'), notes('ideas', 'A buddy rota for night shifts'), notes('ideas', 'Rota swaps by text'), notes('other', 'Rota')]);
      const hits = await w.search(['a'], 'rota');
      expect(hits.map((h) => h.itemId).sort()).toEqual(['ideas', 'other']);
    });

    it('matches every word of the query, case- and accent-insensitively', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [board('x', 'Consent form for the Café'), board('y', 'Consent is ongoing'), board('z', 'Cafe opening hours')]);
      expect((await w.search(['a'], 'CONSENT café')).map((h) => h.itemId)).toEqual(['x']);
      expect((await w.search(['a'], 'cafe')).map((h) => h.itemId).sort()).toEqual(['x', 'z']);
      expect(await w.search(['a'], '?! …')).toEqual([]);
    });

    it('matches the start of a word ("mento" finds "mentoring")', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [notes(null, 'Mentoring circle next month'), notes('x', 'Meeting notes')]);
      const hits = await w.search(['a'], 'mento');
      expect(hits).toHaveLength(1);
      expect(hits[0].snippet).toBe(`${O}Mentoring${C} circle next month`);
    });

    it('tolerates a typo in a prefix ("mentr" finds "mentoring") and in a word ("concusion" finds "concussion")', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [notes('m', 'Mentoring circle'), notes('c', 'Concussion protocol for school sport'), notes('o', 'Other topics')]);
      expect((await w.search(['a'], 'mentr')).map((h) => h.itemId)).toEqual(['m']);
      const concussion = await w.search(['a'], 'concusion protocol');
      expect(concussion.map((h) => h.itemId)).toEqual(['c']);
      expect(concussion[0].snippet).toContain(`${O}Concussion${C}`);
      // Too short for typos: "cat" never finds "car".
      await w.index('s', [notes('car', 'car park')]);
      expect(await w.search(['a'], 'cat')).toEqual([]);
    });

    it('ranks exact matches before typo matches, even when the typo match alone would score higher', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [
        notes('exact', 'We went through the consent form line by line, with questions from the whole group along the way.'),
        notes('typo', 'Consant'),
      ]);
      const hits = await w.search(['a'], 'consent');
      expect(hits.map((h) => h.itemId)).toEqual(['exact', 'typo']);
      expect(hits[1].score).toBeLessThanOrEqual(hits[0].score);
    });

    it('cuts long texts around the match, and never lets indexed text fake a highlight', async () => {
      const w = await world(['a'], [['s', 'a']]);
      const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
      await w.index('s', [notes('long', `${filler} safeguarding ${filler}`), notes('fake', `${O}injected${C} marker text`)]);
      const [long] = await w.search(['a'], 'safeguarding');
      expect(long.snippet).toContain(`${O}safeguarding${C}`);
      expect(long.snippet.startsWith(SNIPPET_ELLIPSIS) && long.snippet.endsWith(SNIPPET_ELLIPSIS)).toBe(true);
      expect(long.snippet.length).toBeLessThan(300);
      const [fake] = await w.search(['a'], 'marker');
      expect(fake.snippet).toBe(`injected ${O}marker${C} text`);
    });

    it('replaces a session’s entries: old text is gone, new text (typos included) is found', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', [notes(null, 'Original wording')]);
      expect(await w.search(['a'], 'origional')).toHaveLength(1); // loads any typo vocabulary
      await w.index('s', [notes(null, 'Safeguarding referral pathway')]);
      expect(await w.search(['a'], 'original')).toEqual([]);
      expect(await w.search(['a'], 'safegaurding')).toHaveLength(1);
      await w.index('s', []);
      expect(await w.search(['a'], 'safeguarding')).toEqual([]);
    });

    it('respects the limit and orders scores best first', async () => {
      const w = await world(['a'], [['s', 'a']]);
      await w.index('s', Array.from({ length: 30 }, (_, i) => board(`b${i}`, `Reflection ${'note '.repeat(i)}`)));
      const hits = await w.search(['a'], 'reflection', 5);
      expect(hits).toHaveLength(5);
      expect(hits[0].itemId).toBe('b0');
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    });

    it('lists sessions never indexed first, then those indexed by an older version or changed since', async () => {
      const w = await world(['a'], [['fresh', 'a'], ['current', 'a'], ['old', 'a'], ['changed', 'a']]);
      const mine = async () => (await w.store.searchIndex.listSessionsToIndex(2, 100_000)).filter((s) => s.sessionId.startsWith(w.p));
      expect((await mine()).map((s) => s.sessionId).sort()).toEqual(Object.values(w.s).map((s) => s.id).sort());

      const future = { version: 2, indexedAt: '2999-01-01T00:00:00.000Z' };
      await w.index('current', [], future);
      await w.index('old', [], { ...future, version: 1 });
      await w.index('changed', [], { version: 2, indexedAt: '2000-01-01T00:00:00.000Z' });
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'typed after indexing');
      await w.store.appendUpdates(updates.map((update) => ({ room: w.s.changed.room, update })));
      await w.store.appendUpdates(updates.map((update) => ({ room: w.s.current.room, update })));

      const listed = await mine();
      expect(listed[0]).toEqual({ sessionId: w.s.fresh.id, communityId: w.c.a, room: w.s.fresh.room, title: w.s.fresh.title });
      expect(listed.map((s) => s.sessionId).sort()).toEqual([w.s.fresh.id, w.s.old.id, w.s.changed.id].sort());
      expect(await w.store.searchIndex.listSessionsToIndex(2, 1)).toHaveLength(1);
    });
  });

  describe('session tags', () => {
    it('sets, replaces and lists tags per session and per community', async () => {
      const w = await world(['a', 'b'], [['s1', 'a'], ['s2', 'a'], ['s3', 'a'], ['other', 'b']]);
      expect(await w.store.knowledge.getSessionTags(w.s.s1.id)).toEqual([]);
      await w.store.knowledge.setSessionTags(w.s.s1.id, ['wellbeing', 'handover']);
      await w.store.knowledge.setSessionTags(w.s.s2.id, ['rota']);
      await w.store.knowledge.setSessionTags(w.s.other.id, ['elsewhere']);
      expect(await w.store.knowledge.getSessionTags(w.s.s1.id)).toEqual(['handover', 'wellbeing']);
      expect(await w.store.knowledge.listCommunityTags(w.c.a)).toEqual({ [w.s.s1.id]: ['handover', 'wellbeing'], [w.s.s2.id]: ['rota'] });
      await w.store.knowledge.setSessionTags(w.s.s1.id, ['rota']);
      await w.store.knowledge.setSessionTags(w.s.s2.id, []);
      expect(await w.store.knowledge.listCommunityTags(w.c.a)).toEqual({ [w.s.s1.id]: ['rota'] });
    });
  });

  describe('pins', () => {
    const pin = (w: Awaited<ReturnType<typeof world>>, key: string, over: Partial<PinRecord> = {}): PinRecord => ({
      id: `${w.p}-pin-${key}`,
      communityId: w.c.a,
      sessionId: w.s.s.id,
      kind: 'notes',
      itemId: `item-${key}`,
      anchor: 'decisions',
      excerpt: `Excerpt ${key}`,
      pinnedBy: w.userId,
      pinnedAt: '2026-06-01T10:00:00.000Z',
      ...over,
    });

    it('adds, lists newest first with names and titles, reads and deletes pins', async () => {
      const w = await world(['a', 'b'], [['s', 'a']]);
      const first = pin(w, 'one');
      const second = pin(w, 'two', { kind: 'board', anchor: null, pinnedAt: '2026-06-02T10:00:00.000Z' });
      expect(await w.store.knowledge.addPin(first)).toEqual(first);
      expect(await w.store.knowledge.addPin(second)).toEqual(second);
      expect(await w.store.knowledge.listPins(w.c.a)).toEqual([
        { ...second, pinnedByName: 'Hana Host', sessionTitle: w.s.s.title },
        { ...first, pinnedByName: 'Hana Host', sessionTitle: w.s.s.title },
      ]);
      expect(await w.store.knowledge.listPins(w.c.b)).toEqual([]);
      expect(await w.store.knowledge.getPin(w.c.a, first.id)).toEqual(first);
      expect(await w.store.knowledge.getPin(w.c.b, first.id)).toBeNull();

      expect(await w.store.knowledge.deletePin(w.c.b, first.id)).toBe(false); // another community's id space
      expect(await w.store.knowledge.deletePin(w.c.a, first.id)).toBe(true);
      expect(await w.store.knowledge.deletePin(w.c.a, first.id)).toBe(false);
      expect((await w.store.knowledge.listPins(w.c.a)).map((x) => x.id)).toEqual([second.id]);
    });

    it('pinning the same item again returns the existing pin unchanged', async () => {
      const w = await world(['a'], [['s', 'a']]);
      const original = await w.store.knowledge.addPin(pin(w, 'one'));
      const again = await w.store.knowledge.addPin(pin(w, 'dup', { itemId: original.itemId, excerpt: 'changed' }));
      expect(again).toEqual(original);
      expect(await w.store.knowledge.listPins(w.c.a)).toHaveLength(1);
    });
  });
}
