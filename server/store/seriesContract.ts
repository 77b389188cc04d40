/**
 * The series part of the store contract (issue 4): recurring series and their generated sessions
 * (idempotent per start instant), feedback check-ins (one per member per session, changeable) and
 * calendar feed tokens (one per member per community). Registered by describeStoreContract.
 */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './knowledgeContract.ts';
import type { SeriesRecord, SessionRecord } from './types.ts';

export function describeSeriesContract(ctx: ContractContext): void {
  async function world() {
    const store = ctx.store();
    const p = ctx.prefix();
    const user = async (key: string) => {
      const id = `${p}-su-${key}`;
      await store.createUser({ id, name: key, email: `${key}-${p}@series.example`, passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
      return id;
    };
    const [hana, mo] = [await user('hana'), await user('mo')];
    const communityId = `${p}-sc`;
    await store.createCommunity({ id: communityId, name: 'c', domain: 'd', groundRules: '', visibility: 'open', createdBy: hana, createdAt: '2026-01-02T00:00:00.000Z' });
    const series = (key: string, over: Partial<SeriesRecord> = {}): SeriesRecord => ({
      id: `${p}-series-${key}`,
      communityId,
      title: `Mentoring Monday ${key}`,
      rule: 'FREQ=MONTHLY;BYDAY=1MO',
      timeZone: 'Europe/Berlin',
      startDate: '2026-01-01',
      startTime: '16:00',
      format: 'presentation_qa',
      durationMinutes: 60,
      createdBy: hana,
      createdAt: '2026-01-03T00:00:00.000Z',
      ...over,
    });
    const session = (key: string, seriesId: string, startsAt: string): SessionRecord & { seriesId: string } => ({
      id: `${p}-ss-${key}`,
      communityId,
      title: `Occurrence ${key}`,
      startsAt,
      durationMinutes: 60,
      format: 'presentation_qa',
      room: `${p}-sroom-${key}`,
      createdBy: hana,
      createdAt: '2026-01-03T00:00:00.000Z',
      seriesId,
    });
    return { store, p, hana, mo, communityId, series, session };
  }

  describe('recurring series', () => {
    it('stores, lists (oldest first) and reads series within their community only', async () => {
      const { store, communityId, series } = await world();
      const a = series('a');
      const b = series('b', { createdAt: '2026-01-04T00:00:00.000Z', rule: 'FREQ=WEEKLY;BYDAY=TU', timeZone: 'America/New_York' });
      await store.series.createSeries(b);
      await store.series.createSeries(a);
      expect(await store.series.listSeries(communityId)).toEqual([a, b]);
      expect(await store.series.getSeries(communityId, a.id)).toEqual(a);
      expect(await store.series.getSeries('other-community', a.id)).toBeNull();
    });

    it('creates a generated session once per start instant and links it to the series', async () => {
      const { store, communityId, series, session } = await world();
      const s = series('a');
      await store.series.createSeries(s);
      const first = session('1', s.id, '2026-01-05T15:00:00.000Z');
      expect(await store.series.addSeriesSession(first)).toBe(true);
      // Same instant, another id and room: a concurrent generator lost the race.
      expect(await store.series.addSeriesSession({ ...session('1b', s.id, '2026-01-05T15:00:00.000Z') })).toBe(false);
      expect(await store.getSession(first.id)).toEqual(first);
      expect(await store.getSession(`${first.id}b`)).toBeNull();
      const listed = await store.listSessions(communityId);
      expect(listed).toEqual([first]);
    });

    it('one-off sessions have no seriesId, and createSession keeps a given one', async () => {
      const { store, communityId, series, session } = await world();
      const s = series('a');
      await store.series.createSeries(s);
      const { seriesId: _drop, ...oneOff } = session('x', s.id, '2026-02-01T10:00:00.000Z');
      await store.createSession(oneOff);
      expect(await store.getSession(oneOff.id)).toEqual(oneOff);
      expect('seriesId' in (await store.getSession(oneOff.id))!).toBe(false);
      const linked = session('y', s.id, '2026-03-01T10:00:00.000Z');
      await store.createSession(linked);
      expect(await store.getSessionByRoom(linked.room)).toEqual(linked);
      expect((await store.listSessions(communityId)).map((r) => r.seriesId ?? null)).toEqual([null, s.id]);
    });

    it('deleting a series removes its upcoming sessions and unlinks past ones', async () => {
      const { store, communityId, series, session } = await world();
      const s = series('a');
      await store.series.createSeries(s);
      const past = session('past', s.id, '2026-01-05T15:00:00.000Z');
      const next = session('next', s.id, '2026-02-02T15:00:00.000Z');
      await store.series.addSeriesSession(past);
      await store.series.addSeriesSession(next);
      expect(await store.series.deleteSeries('other', s.id, '2026-01-20T00:00:00.000Z')).toBe(false);
      expect(await store.series.deleteSeries(communityId, s.id, '2026-01-20T00:00:00.000Z')).toBe(true);
      expect(await store.series.deleteSeries(communityId, s.id, '2026-01-20T00:00:00.000Z')).toBe(false);
      expect(await store.series.listSeries(communityId)).toEqual([]);
      const { seriesId: _gone, ...unlinked } = past;
      expect(await store.listSessions(communityId)).toEqual([unlinked]);
    });
  });

  describe('feedback check-ins', () => {
    it('keeps one answer per member per session, replaced on change', async () => {
      const { store, hana, mo, series, session } = await world();
      const s = series('a');
      await store.series.createSeries(s);
      const sess = session('1', s.id, '2026-01-05T15:00:00.000Z');
      await store.series.addSeriesSession(sess);
      await store.series.setFeedback({ sessionId: sess.id, userId: mo, valuable: 3, focusNext: 'sleep', updatedAt: '2026-01-05T16:00:00.000Z' });
      await store.series.setFeedback({ sessionId: sess.id, userId: hana, valuable: 5, focusNext: '', updatedAt: '2026-01-05T16:01:00.000Z' });
      await store.series.setFeedback({ sessionId: sess.id, userId: mo, valuable: 4, focusNext: 'pain, then sleep', updatedAt: '2026-01-05T16:02:00.000Z' });
      expect(await store.series.listFeedback(sess.id)).toEqual([
        { sessionId: sess.id, userId: hana, valuable: 5, focusNext: '', updatedAt: '2026-01-05T16:01:00.000Z' },
        { sessionId: sess.id, userId: mo, valuable: 4, focusNext: 'pain, then sleep', updatedAt: '2026-01-05T16:02:00.000Z' },
      ]);
      expect(await store.series.listFeedback('no-such-session')).toEqual([]);
    });
  });

  describe('calendar feed tokens', () => {
    it('one token per member per community: a new one revokes the old', async () => {
      const { store, p, mo, communityId } = await world();
      const t1 = { tokenHash: `${p}-h1`, communityId, userId: mo, createdAt: '2026-01-05T00:00:00.000Z' };
      await store.series.setFeedToken(t1);
      expect(await store.series.getFeedToken(t1.tokenHash)).toEqual(t1);
      const t2 = { ...t1, tokenHash: `${p}-h2`, createdAt: '2026-01-06T00:00:00.000Z' };
      await store.series.setFeedToken(t2);
      expect(await store.series.getFeedToken(t1.tokenHash)).toBeNull();
      expect(await store.series.getFeedToken(t2.tokenHash)).toEqual(t2);
    });
  });
}
