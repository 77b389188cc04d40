/**
 * Generates the upcoming sessions of recurring series as ordinary sessions linked to their series.
 * Idempotent (the store creates at most one session per series and start instant), so it runs safely
 * on every read and from several nodes at once; the template agenda is written only by the creator.
 */
import { randomUUID } from 'node:crypto';
import { occurrences, parseRule } from '../../shared/recurrence.ts';
import type { SeriesRecord, Store } from '../store/types.ts';
import { newRoomName } from '../http/newRoomName.ts';
import { applyTemplate } from './applyTemplate.ts';

/** How far ahead sessions are generated: this many days, but at least MIN_AHEAD occurrences and at most MAX_AHEAD. */
export const HORIZON_DAYS = 60;
export const MIN_AHEAD = 3;
export const MAX_AHEAD = 10;
/** A monthly series' third occurrence can be ~3 months out; a sparse rule (5th Monday) further. */
const LOOKAHEAD_MS = 400 * 86_400_000;

/** The next start instants of a series from `now`, by the horizon rules above. */
export function upcomingStarts(series: SeriesRecord, now: Date): Date[] {
  const schedule = { rule: parseRule(series.rule), timeZone: series.timeZone, startDate: series.startDate, startTime: series.startTime };
  const all = occurrences(schedule, { from: now, to: new Date(now.getTime() + LOOKAHEAD_MS), limit: MAX_AHEAD });
  const horizon = now.getTime() + HORIZON_DAYS * 86_400_000;
  const within = all.filter((d) => d.getTime() <= horizon);
  return within.length >= MIN_AHEAD ? within : all.slice(0, MIN_AHEAD);
}

/**
 * Creates the missing upcoming sessions of one series; returns how many this call created. `known`
 * (start instants the series already has, as ISO strings) saves the store round trips for those.
 */
export async function ensureUpcomingSessions(store: Store, series: SeriesRecord, now = new Date(), known: ReadonlySet<string> = new Set()): Promise<number> {
  let created = 0;
  for (const start of upcomingStarts(series, now)) {
    if (known.has(start.toISOString())) continue;
    const session = {
      id: randomUUID(),
      communityId: series.communityId,
      title: series.title,
      startsAt: start.toISOString(),
      durationMinutes: series.durationMinutes,
      format: series.format,
      room: newRoomName(),
      createdBy: series.createdBy,
      createdAt: now.toISOString(),
      seriesId: series.id,
    };
    if (await store.series.addSeriesSession(session)) {
      created++;
      await applyTemplate(store, session.room, series.format, series.createdBy);
    }
  }
  return created;
}

/** Brings every series of a community up to date (called when its schedule is read). */
export async function ensureCommunitySeries(store: Store, communityId: string, now = new Date()): Promise<void> {
  const all = await store.series.listSeries(communityId);
  if (all.length === 0) return;
  const known = new Map<string, Set<string>>();
  for (const s of await store.listSessions(communityId)) {
    if (!s.seriesId) continue;
    let set = known.get(s.seriesId);
    if (!set) known.set(s.seriesId, (set = new Set()));
    set.add(new Date(s.startsAt).toISOString());
  }
  for (const series of all) {
    try {
      await ensureUpcomingSessions(store, series, now, known.get(series.id));
    } catch (err) {
      // A host ended the series while this read was generating its sessions: nothing left to do.
      if (await store.series.getSeries(communityId, series.id)) throw err;
    }
  }
}
