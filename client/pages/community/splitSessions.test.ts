import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../../shared/api/schemas.ts';
import { sessionTiming, splitSessions } from './splitSessions.ts';

const session = (id: string, startsAt: string, durationMinutes = 60): SessionDto => ({
  id,
  communityId: 'c1',
  title: id,
  startsAt,
  durationMinutes,
  format: 'workshop',
  room: `room-${id}`,
  createdBy: 'u1',
  createdAt: '2027-01-01T00:00:00Z',
});

const now = Date.parse('2027-03-03T12:00:00Z');

describe('sessionTiming', () => {
  it('is live from the start until the planned end', () => {
    expect(sessionTiming(session('a', '2027-03-03T12:00:00Z'), now)).toBe('live');
    expect(sessionTiming(session('b', '2027-03-03T11:30:00Z', 30), now)).toBe('past');
    expect(sessionTiming(session('c', '2027-03-03T11:30:00Z', 31), now)).toBe('live');
    expect(sessionTiming(session('d', '2027-03-03T12:00:01Z'), now)).toBe('upcoming');
  });

  it('compares instants, whatever offset the start was written with', () => {
    // 13:30+02:00 is 11:30Z: started half an hour ago.
    expect(sessionTiming(session('e', '2027-03-03T13:30:00+02:00'), now)).toBe('live');
  });
});

describe('splitSessions', () => {
  it('puts live sessions with upcoming ones, soonest first, and past ones latest first', () => {
    const { upcoming, past } = splitSessions(
      [
        session('next-week', '2027-03-10T12:00:00Z'),
        session('last-month', '2027-02-03T12:00:00Z'),
        session('live', '2027-03-03T11:45:00Z'),
        session('tomorrow', '2027-03-04T12:00:00Z'),
        session('yesterday', '2027-03-02T12:00:00Z'),
      ],
      now,
    );
    expect(upcoming.map((s) => s.id)).toEqual(['live', 'tomorrow', 'next-week']);
    expect(past.map((s) => s.id)).toEqual(['yesterday', 'last-month']);
  });

  it('does not reorder the input array', () => {
    const input = [session('b', '2027-03-10T12:00:00Z'), session('a', '2027-03-05T12:00:00Z')];
    splitSessions(input, now);
    expect(input.map((s) => s.id)).toEqual(['b', 'a']);
  });
});
