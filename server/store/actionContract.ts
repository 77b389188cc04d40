/**
 * The decisions-and-actions part of the store contract (issue 3, item 6): a session's actions and
 * decisions are replaced atomically, listed per community by status with their session, and a session's
 * summary and carry-forward claim are written exactly once. Registered by describeStoreContract.
 */
import { describe, expect, it } from 'vitest';
import type { ActionItem, SessionSummary } from '../../shared/knowledge/actions.ts';
import type { ContractContext } from './knowledgeContract.ts';
import type { SessionRecord } from './types.ts';

export function describeActionContract(ctx: ContractContext): void {
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const host = `${p}-au-host`;
    await store.createUser({ id: host, name: 'Hana', email: `hana-${p}@actions.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    const community = async (key: string) => {
      const id = `${p}-ac-${key}`;
      await store.createCommunity({ id, name: key, domain: 'd', groundRules: '', visibility: 'open', createdBy: host, createdAt: '2026-01-02T00:00:00.000Z' });
      return id;
    };
    const [a, b] = [await community('a'), await community('b')];
    const session = async (key: string, communityId: string, startsAt: string): Promise<SessionRecord> => {
      const s: SessionRecord = {
        id: `${p}-as-${key}`,
        communityId,
        title: `Session ${key}`,
        startsAt,
        durationMinutes: 60,
        format: 'open_discussion',
        room: `${p}-aroom-${key}`,
        createdBy: host,
        createdAt: '2026-01-03T00:00:00.000Z',
      };
      await store.createSession(s);
      return s;
    };
    return { store, a, b, session };
  }

  const action = (text: string, over: Partial<ActionItem> = {}): ActionItem => ({
    blockId: `b-${text}`,
    anchor: 'actions',
    text,
    assignee: null,
    assigneeName: null,
    due: null,
    done: false,
    ...over,
  });

  describe('decisions and actions', () => {
    it('replaces a session’s actions and decisions atomically and lists them by status with their session', async () => {
      const { store, a, session } = await world();
      const s1 = await session('one', a, '2026-05-01T09:00:00.000Z');
      const s2 = await session('two', a, '2026-05-08T09:00:00.000Z');
      await store.actions.replaceSessionActions(s1.id, a, {
        actions: [action('Call the school', { assignee: 'u1', assigneeName: 'Mo', due: '2026-05-10' }), action('Old thing', { done: true })],
        decisions: [{ blockId: 'b-d1', anchor: null, text: 'We meet monthly' }],
      });
      await store.actions.replaceSessionActions(s2.id, a, { actions: [action('Draft the letter')], decisions: [{ blockId: 'b-d2', anchor: 'x', text: 'Letter goes out' }] });

      const open = await store.actions.listActions(a, 'open');
      expect(open.map((x) => x.text).sort()).toEqual(['Call the school', 'Draft the letter']);
      const call = open.find((x) => x.text === 'Call the school')!;
      expect(call).toEqual({
        ...action('Call the school', { assignee: 'u1', assigneeName: 'Mo', due: '2026-05-10' }),
        sessionId: s1.id,
        sessionTitle: 'Session one',
        sessionStartsAt: s1.startsAt,
        position: 0,
      });
      expect((await store.actions.listActions(a, 'done')).map((x) => x.text)).toEqual(['Old thing']);
      expect(await store.actions.listActions(a, 'all')).toHaveLength(3);
      expect((await store.actions.listSessionActions(s1.id)).map((x) => x.text)).toEqual(['Call the school', 'Old thing']);
      // Newest session first.
      expect((await store.actions.listDecisions(a)).map((d) => [d.text, d.sessionId])).toEqual([
        ['Letter goes out', s2.id],
        ['We meet monthly', s1.id],
      ]);

      // The next pass replaces everything of that session: one checked off, the decision removed.
      await store.actions.replaceSessionActions(s1.id, a, { actions: [action('Call the school', { done: true })], decisions: [] });
      expect((await store.actions.listActions(a, 'open')).map((x) => x.text)).toEqual(['Draft the letter']);
      expect((await store.actions.listDecisions(a)).map((d) => d.text)).toEqual(['Letter goes out']);
      await store.actions.replaceSessionActions(s2.id, a, { actions: [], decisions: [] });
      expect(await store.actions.listActions(a, 'open')).toEqual([]);
    });

    it('keeps communities apart', async () => {
      const { store, a, b, session } = await world();
      const sa = await session('in-a', a, '2026-05-01T09:00:00.000Z');
      await store.actions.replaceSessionActions(sa.id, a, { actions: [action('Secret')], decisions: [{ blockId: 'x', anchor: null, text: 'Secret decision' }] });
      expect(await store.actions.listActions(b, 'all')).toEqual([]);
      expect(await store.actions.listDecisions(b)).toEqual([]);
    });

    it('stores a session summary once and claims a carry-forward once', async () => {
      const { store, a, session } = await world();
      const s = await session('ended', a, '2026-05-01T09:00:00.000Z');
      const next = await session('next', a, '2026-05-08T09:00:00.000Z');
      const summary: SessionSummary = {
        sessionId: s.id,
        communityId: a,
        title: s.title,
        startsAt: s.startsAt,
        endedAt: '2026-05-01T10:00:00.000Z',
        endedBy: 'facilitator',
        agenda: [{ id: 'ag', title: 'Welcome', owner: 'Mo', minutes: 5, done: true }],
        decisions: [{ blockId: 'b-d', anchor: null, text: 'Yes' }],
        actions: [action('Do it')],
        topVoted: [{ itemId: 'st', label: 'Sticky: idea', votes: 3 }],
        resources: [{ kind: 'link', url: 'https://example.org/', title: 'example.org', where: 'board' }],
        boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      };
      expect(await store.actions.getSummary(s.id)).toBeNull();
      expect(await store.actions.addSummary(summary)).toBe(true);
      expect(await store.actions.addSummary({ ...summary, endedBy: 'schedule', title: 'changed' })).toBe(false);
      expect(await store.actions.getSummary(s.id)).toEqual(summary);

      expect(await store.actions.claimCarryForward(next.id, s.id, '2026-05-08T09:00:00.000Z')).toBe(true);
      expect(await store.actions.claimCarryForward(next.id, s.id, '2026-05-08T09:01:00.000Z')).toBe(false);
      expect(await store.actions.getCarryForward(next.id)).toEqual({ fromSessionId: s.id, at: '2026-05-08T09:00:00.000Z' });
      expect(await store.actions.getCarryForward(s.id)).toBeNull();
    });
  });
}
