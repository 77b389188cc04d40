/** Orders a community's sessions for its page: what is coming (soonest first) and what has happened (latest first). */
import type { SessionDto } from '../../../shared/api/schemas.ts';

/** Where a session stands relative to `now`. */
export type SessionTiming = 'upcoming' | 'live' | 'past';

/** A session is live from its start until its planned end. */
export function sessionTiming(s: SessionDto, now: number): SessionTiming {
  const start = Date.parse(s.startsAt);
  const end = start + s.durationMinutes * 60_000;
  if (now < start) return 'upcoming';
  return now < end ? 'live' : 'past';
}

/** Upcoming and live sessions by start (soonest first); past ones by start (most recent first). */
export function splitSessions(sessions: readonly SessionDto[], now: number): { upcoming: SessionDto[]; past: SessionDto[] } {
  const upcoming: SessionDto[] = [];
  const past: SessionDto[] = [];
  for (const s of sessions) (sessionTiming(s, now) === 'past' ? past : upcoming).push(s);
  const start = (s: SessionDto) => Date.parse(s.startsAt);
  upcoming.sort((a, b) => start(a) - start(b));
  past.sort((a, b) => start(b) - start(a));
  return { upcoming, past };
}
