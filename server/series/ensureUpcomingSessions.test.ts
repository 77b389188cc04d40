import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import type { SeriesRecord } from '../store/types.ts';
import { readRoomContent } from '../knowledge/readRoomContent.ts';
import { ensureCommunitySeries, ensureUpcomingSessions, upcomingStarts } from './ensureUpcomingSessions.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function world(rule = 'FREQ=WEEKLY;BYDAY=MO') {
  const store = SqliteStore.open({ filename: ':memory:' });
  stores.push(store);
  await store.createUser({ id: 'u', name: 'U', email: 'u@example.org', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCommunity({ id: 'c', name: 'C', domain: 'd', groundRules: '', visibility: 'open', createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' });
  const series: SeriesRecord = { id: 'ser', communityId: 'c', title: 'Power Hour', rule, timeZone: 'Europe/Berlin', startDate: '2026-01-01', startTime: '16:00', format: 'open_discussion', durationMinutes: 60, createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' };
  await store.series.createSeries(series);
  return { store, series };
}

describe('upcomingStarts', () => {
  it('weekly: everything within 60 days (9 Mondays), capped at 10', async () => {
    const { series } = await world();
    const got = upcomingStarts(series, new Date('2026-03-01T00:00:00Z'));
    expect(got).toHaveLength(9);
    expect(got[0]!.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('monthly: at least three even beyond 60 days', async () => {
    const { series } = await world('FREQ=MONTHLY;BYDAY=1MO');
    expect(upcomingStarts(series, new Date('2026-03-01T00:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-04-06T14:00:00.000Z',
      '2026-05-04T14:00:00.000Z',
    ]);
  });
});

describe('ensureUpcomingSessions', () => {
  it('is idempotent across calls and days, and writes the template once per session', async () => {
    const { store, series } = await world('FREQ=MONTHLY;BYDAY=1MO');
    expect(await ensureUpcomingSessions(store, series, new Date('2026-03-01T00:00:00Z'))).toBe(3);
    expect(await ensureUpcomingSessions(store, series, new Date('2026-03-01T00:00:00Z'))).toBe(0);
    await ensureCommunitySeries(store, 'c', new Date('2026-03-10T00:00:00Z'));
    const sessions = await store.listSessions('c');
    expect(sessions.map((s) => s.startsAt)).toEqual(['2026-03-02T15:00:00.000Z', '2026-04-06T14:00:00.000Z', '2026-05-04T14:00:00.000Z', '2026-06-01T14:00:00.000Z']);
    for (const s of sessions) {
      const content = await readRoomContent(s.room, { store });
      expect(content.agenda.map((a) => a.title)).toEqual(['Welcome and check-in', 'Collect topics', 'Discussion', 'Takeaways']);
    }
  });

  it('stops when the series ends (COUNT)', async () => {
    const { store, series } = await world('FREQ=WEEKLY;BYDAY=MO;COUNT=2');
    expect(await ensureUpcomingSessions(store, series, new Date('2025-12-01T00:00:00Z'))).toBe(2);
    expect(await ensureUpcomingSessions(store, series, new Date('2026-06-01T00:00:00Z'))).toBe(0);
  });
});
