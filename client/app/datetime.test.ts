import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, localDateTimeToIso, nextHourInputs, toIsoWithOffset } from './datetime.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('localDateTimeToIso', () => {
  it.each([
    ['Europe/Paris', '2027-03-03', '18:00', '2027-03-03T18:00:00+01:00', '2027-03-03T17:00:00.000Z'],
    ['Europe/Paris', '2027-07-03', '18:00', '2027-07-03T18:00:00+02:00', '2027-07-03T16:00:00.000Z'],
    ['America/New_York', '2027-01-15', '09:30', '2027-01-15T09:30:00-05:00', '2027-01-15T14:30:00.000Z'],
    ['Asia/Kolkata', '2027-01-15', '09:30', '2027-01-15T09:30:00+05:30', '2027-01-15T04:00:00.000Z'],
    ['UTC', '2027-01-15', '00:00', '2027-01-15T00:00:00+00:00', '2027-01-15T00:00:00.000Z'],
  ])('in %s, %s %s is %s', (tz, date, time, iso, utc) => {
    process.env.TZ = tz;
    const out = localDateTimeToIso(date, time);
    expect(out).toBe(iso);
    expect(new Date(out!).toISOString()).toBe(utc);
  });

  it('rejects dates that do not exist or are malformed', () => {
    process.env.TZ = 'UTC';
    expect(localDateTimeToIso('2027-02-31', '10:00')).toBeNull();
    expect(localDateTimeToIso('2027-13-01', '10:00')).toBeNull();
    expect(localDateTimeToIso('2027-01-01', '24:00')).toBeNull();
    expect(localDateTimeToIso('', '10:00')).toBeNull();
    expect(localDateTimeToIso('2027-01-01', '')).toBeNull();
  });

  it('matches the API schema format (ISO with offset)', () => {
    process.env.TZ = 'Australia/Adelaide';
    expect(localDateTimeToIso('2027-01-15', '09:05')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });
});

describe('toIsoWithOffset', () => {
  it('round-trips the instant for negative half-hour offsets', () => {
    process.env.TZ = 'America/St_Johns';
    const d = new Date(Date.UTC(2027, 0, 15, 12, 0));
    const iso = toIsoWithOffset(d);
    expect(iso).toBe('2027-01-15T08:30:00-03:30');
    expect(new Date(iso).getTime()).toBe(d.getTime());
  });
});

describe('nextHourInputs', () => {
  it('rounds up to the next full hour, crossing midnight', () => {
    process.env.TZ = 'UTC';
    expect(nextHourInputs(new Date('2027-01-15T23:20:00Z'))).toEqual({ date: '2027-01-16', time: '00:00' });
  });
});

describe('formatDuration', () => {
  it('reads naturally', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
  });
});
