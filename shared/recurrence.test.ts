import { describe, expect, it } from 'vitest';
import { RecurrenceError, describeRule, formatRule, occurrences, parseRule, zonedTimeToUtc, type Schedule } from './recurrence.ts';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
const sched = (rule: string, timeZone: string, startDate: string, startTime = '16:00'): Schedule => ({
  rule: parseRule(rule),
  timeZone,
  startDate,
  startTime,
});
const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe('parseRule / formatRule', () => {
  it('round-trips the supported subset', () => {
    for (const r of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=MONTHLY;BYDAY=1MO', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15,-1', 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10', 'FREQ=WEEKLY;UNTIL=20261231T235959Z']) {
      expect(formatRule(parseRule(r))).toBe(r);
    }
    expect(formatRule(parseRule('RRULE:freq=weekly;byday=mo;wkst=MO'))).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(parseRule('FREQ=WEEKLY;UNTIL=20260301').until).toBe('2026-03-01T23:59:59.000Z');
  });

  it.each([
    ['FREQ=DAILY', /weekly and monthly/],
    ['FREQ=WEEKLY;BYDAY=1MO', /needs FREQ=MONTHLY/],
    ['FREQ=MONTHLY;BYDAY=6MO', /1–5/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /cannot be 0/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /between/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', /both/],
    ['FREQ=WEEKLY;BYHOUR=3', /Unsupported/],
    ['FREQ=WEEKLY;INTERVAL=0', /between/],
    ['FREQ=WEEKLY;FREQ=MONTHLY', /Malformed/],
    ['', /empty/],
  ])('refuses %s', (rule, msg) => {
    expect(() => parseRule(rule)).toThrow(RecurrenceError);
    expect(() => parseRule(rule)).toThrow(msg);
  });
});

describe('occurrences across time zones and daylight saving', () => {
  it('keeps 16:00 Europe/Berlin through the March and October changes (weekly Monday)', () => {
    const got = iso(occurrences(sched('FREQ=WEEKLY;BYDAY=MO', 'Europe/Berlin', '2026-03-16'), range('2026-03-01T00:00:00Z', '2026-04-07T00:00:00Z')));
    // DST starts Sunday 29 March 2026: 16:00 CET = 15:00Z before, 16:00 CEST = 14:00Z after.
    expect(got).toEqual(['2026-03-16T15:00:00.000Z', '2026-03-23T15:00:00.000Z', '2026-03-30T14:00:00.000Z', '2026-04-06T14:00:00.000Z']);
    const autumn = iso(occurrences(sched('FREQ=WEEKLY;BYDAY=MO', 'Europe/Berlin', '2026-10-19'), range('2026-10-01T00:00:00Z', '2026-11-03T00:00:00Z')));
    // DST ends Sunday 25 October 2026.
    expect(autumn).toEqual(['2026-10-19T14:00:00.000Z', '2026-10-26T15:00:00.000Z', '2026-11-02T15:00:00.000Z']);
  });

  it('first Monday monthly at 16:00 Europe/Berlin', () => {
    const got = iso(occurrences(sched('FREQ=MONTHLY;BYDAY=1MO', 'Europe/Berlin', '2026-01-01'), range('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')));
    expect(got).toEqual([
      '2026-01-05T15:00:00.000Z',
      '2026-02-02T15:00:00.000Z',
      '2026-03-02T15:00:00.000Z',
      '2026-04-06T14:00:00.000Z',
      '2026-05-04T14:00:00.000Z',
    ]);
  });

  it('America/New_York changes on different dates than Europe (8 March, 1 November 2026)', () => {
    const got = iso(occurrences(sched('FREQ=WEEKLY;BYDAY=MO,TH', 'America/New_York', '2026-03-02', '09:30'), range('2026-03-01T00:00:00Z', '2026-03-13T00:00:00Z')));
    expect(got).toEqual(['2026-03-02T14:30:00.000Z', '2026-03-05T14:30:00.000Z', '2026-03-09T13:30:00.000Z', '2026-03-12T13:30:00.000Z']);
    const nov = iso(occurrences(sched('FREQ=WEEKLY;BYDAY=FR', 'America/New_York', '2026-10-30', '09:30'), range('2026-10-01T00:00:00Z', '2026-11-10T00:00:00Z')));
    expect(nov).toEqual(['2026-10-30T13:30:00.000Z', '2026-11-06T14:30:00.000Z']);
  });

  it('Australia/Sydney (southern hemisphere: DST ends in April, starts in October)', () => {
    const got = iso(occurrences(sched('FREQ=MONTHLY;BYDAY=-1MO', 'Australia/Sydney', '2026-03-01', '18:00'), range('2026-03-01T00:00:00Z', '2026-11-01T00:00:00Z')));
    // Last Mondays: 30 Mar (AEDT +11), 27 Apr (AEST +10) … 26 Oct (AEDT +11 again from 4 October).
    expect(got).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-04-27T08:00:00.000Z',
      '2026-05-25T08:00:00.000Z',
      '2026-06-29T08:00:00.000Z',
      '2026-07-27T08:00:00.000Z',
      '2026-08-31T08:00:00.000Z',
      '2026-09-28T08:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('skips months without a 5th Monday', () => {
    const got = iso(occurrences(sched('FREQ=MONTHLY;BYDAY=5MO', 'UTC', '2026-01-01', '12:00'), range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')));
    expect(got).toEqual(['2026-03-30T12:00:00.000Z', '2026-06-29T12:00:00.000Z', '2026-08-31T12:00:00.000Z', '2026-11-30T12:00:00.000Z']);
  });

  it('BYMONTHDAY skips days a month does not have; -1 is the last day', () => {
    const got = iso(occurrences(sched('FREQ=MONTHLY;BYMONTHDAY=31', 'UTC', '2026-01-01', '08:00'), range('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')));
    expect(got).toEqual(['2026-01-31T08:00:00.000Z', '2026-03-31T08:00:00.000Z', '2026-05-31T08:00:00.000Z']);
    const last = iso(occurrences(sched('FREQ=MONTHLY;BYMONTHDAY=-1', 'UTC', '2026-01-01', '08:00'), range('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z')));
    expect(last).toEqual(['2026-01-31T08:00:00.000Z', '2026-02-28T08:00:00.000Z', '2026-03-31T08:00:00.000Z']);
  });

  it('INTERVAL, COUNT (counted from the first occurrence) and UNTIL', () => {
    const biweekly = iso(occurrences(sched('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'UTC', '2026-01-07', '10:00'), range('2026-01-01T00:00:00Z', '2026-02-15T00:00:00Z')));
    expect(biweekly).toEqual(['2026-01-07T10:00:00.000Z', '2026-01-21T10:00:00.000Z', '2026-02-04T10:00:00.000Z']);
    const counted = occurrences(sched('FREQ=WEEKLY;BYDAY=WE;COUNT=3', 'UTC', '2026-01-01', '10:00'), range('2026-01-10T00:00:00Z', '2027-01-01T00:00:00Z'));
    expect(iso(counted)).toEqual(['2026-01-14T10:00:00.000Z', '2026-01-21T10:00:00.000Z']); // the 7th was the first of three
    const until = occurrences(sched('FREQ=WEEKLY;BYDAY=WE;UNTIL=20260121T100000Z', 'UTC', '2026-01-01', '10:00'), range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'));
    expect(iso(until)).toEqual(['2026-01-07T10:00:00.000Z', '2026-01-14T10:00:00.000Z', '2026-01-21T10:00:00.000Z']);
  });

  it('honours limit and never returns dates before startDate', () => {
    const got = occurrences(sched('FREQ=WEEKLY;BYDAY=MO', 'UTC', '2026-01-14'), { ...range('2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z'), limit: 2 });
    expect(iso(got)).toEqual(['2026-01-19T16:00:00.000Z', '2026-01-26T16:00:00.000Z']);
  });

  it('refuses an unknown zone or a malformed date/time', () => {
    expect(() => occurrences(sched('FREQ=WEEKLY', 'Mars/Olympus', '2026-01-01'), range('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).toThrow(/time zone/);
    expect(() => occurrences(sched('FREQ=WEEKLY', 'UTC', '2026-02-30'), range('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).toThrow(/real date/);
    expect(() => occurrences(sched('FREQ=WEEKLY', 'UTC', '2026-02-01', '24:00'), range('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).toThrow(/HH:MM/);
  });
});

describe('zonedTimeToUtc', () => {
  it('shifts a time inside the spring-forward gap by the gap, takes the first of a repeated time', () => {
    expect(zonedTimeToUtc(2026, 3, 29, 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(zonedTimeToUtc(2026, 10, 25, 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
  });
});

describe('describeRule', () => {
  it('describes common rules', () => {
    expect(describeRule(parseRule('FREQ=MONTHLY;BYDAY=1MO'))).toBe('First Monday of every month');
    expect(describeRule(parseRule('FREQ=MONTHLY;BYDAY=-1MO'))).toBe('Last Monday of every month');
    expect(describeRule(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'))).toBe('Wednesday, every 2 weeks');
  });
});
