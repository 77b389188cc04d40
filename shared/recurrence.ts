/**
 * A small RFC 5545 recurrence subset for recurring session series, evaluated in the series' IANA time
 * zone with Intl (no dependency): FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY (MO, or 1MO / -1MO in monthly
 * rules), BYMONTHDAY, COUNT, UNTIL. A series says "16:00 local", so occurrences keep 16:00 across DST.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A BYDAY entry: the weekday and, in monthly rules, which one of the month (1–5, or -1…-5 from the end). */
export interface ByDay {
  weekday: Weekday;
  nth?: number;
}

/** A parsed rule. Exactly the subset above; anything else is refused by parseRule. */
export interface RecurrenceRule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byDay: ByDay[];
  byMonthDay: number[];
  count?: number;
  /** Last allowed instant (UTC ISO); occurrences after it are not generated. */
  until?: string;
}

/** Where a series starts and at what local wall-clock time it meets. */
export interface Schedule {
  rule: RecurrenceRule;
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** First local date the series may meet, YYYY-MM-DD (DTSTART's date). */
  startDate: string;
  /** Local wall-clock time, HH:MM (24 h). */
  startTime: string;
}

/** A rule or schedule that cannot be used; the message is shown to people. */
export class RecurrenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses an RRULE value (with or without the `RRULE:` prefix). Throws RecurrenceError. */
export function parseRule(text: string): RecurrenceRule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body || body.length > 300) throw new RecurrenceError('The recurrence rule is empty or too long');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [k, v, extra] = part.split('=');
    if (!k || v === undefined || extra !== undefined || parts.has(k.toUpperCase())) throw new RecurrenceError(`Malformed rule part "${part}"`);
    parts.set(k.toUpperCase(), v.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw new RecurrenceError('Only weekly and monthly rules are supported');
  const rule: RecurrenceRule = { freq, interval: 1, byDay: [], byMonthDay: [] };
  for (const [k, v] of parts) {
    if (k === 'FREQ') continue;
    else if (k === 'INTERVAL') rule.interval = intIn(v, 1, 52, 'INTERVAL');
    else if (k === 'COUNT') rule.count = intIn(v, 1, 1000, 'COUNT');
    else if (k === 'UNTIL') rule.until = parseUntil(v);
    else if (k === 'BYDAY') rule.byDay = v.split(',').map((d) => parseByDay(d, freq));
    else if (k === 'BYMONTHDAY') {
      if (freq !== 'MONTHLY') throw new RecurrenceError('BYMONTHDAY needs FREQ=MONTHLY');
      rule.byMonthDay = v.split(',').map((d) => {
        const n = intIn(d, -31, 31, 'BYMONTHDAY');
        if (n === 0) throw new RecurrenceError('BYMONTHDAY cannot be 0');
        return n;
      });
    } else if (k === 'WKST' && v === 'MO') continue;
    else throw new RecurrenceError(`Unsupported rule part ${k}`);
  }
  if (rule.count !== undefined && rule.until !== undefined) throw new RecurrenceError('COUNT and UNTIL cannot both be set');
  if (rule.byDay.length && rule.byMonthDay.length) throw new RecurrenceError('Use either BYDAY or BYMONTHDAY, not both');
  return rule;
}

function intIn(v: string, min: number, max: number, what: string): number {
  if (!/^[+-]?\d{1,4}$/.test(v)) throw new RecurrenceError(`${what} must be a whole number`);
  const n = Number(v);
  if (n < min || n > max) throw new RecurrenceError(`${what} must be between ${min} and ${max}`);
  return n;
}

function parseByDay(d: string, freq: RecurrenceRule['freq']): ByDay {
  const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
  if (!m) throw new RecurrenceError(`Malformed BYDAY "${d}"`);
  const weekday = m[2] as Weekday;
  if (m[1] === undefined) return { weekday };
  if (freq !== 'MONTHLY') throw new RecurrenceError('A numbered BYDAY (like 1MO) needs FREQ=MONTHLY');
  const nth = Number(m[1]);
  if (nth === 0 || nth < -5 || nth > 5) throw new RecurrenceError('The weekday number must be 1–5 or -1…-5');
  return { weekday, nth };
}

function parseUntil(v: string): string {
  // UTC date-time (20261231T235959Z) or a date (20261231, meaning the end of that day in UTC).
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(v);
  if (!m) throw new RecurrenceError('UNTIL must be a UTC date-time like 20261231T235959Z or a date like 20261231');
  const [, y, mo, d, h = '23', mi = '59', s = '59'] = m;
  const t = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  if (Number.isNaN(t)) throw new RecurrenceError('UNTIL is not a valid date');
  return new Date(t).toISOString();
}

/** The rule as RRULE text (without the prefix), in a stable order. */
export function formatRule(rule: RecurrenceRule): string {
  const out = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) out.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.weekday}`).join(',')}`);
  if (rule.byMonthDay.length) out.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== undefined) out.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) out.push(`UNTIL=${rule.until.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  return out.join(';');
}

/** True if the runtime knows this IANA zone. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Checks a schedule's zone, date and time; throws RecurrenceError naming the first problem. */
export function validateSchedule(s: Schedule): void {
  if (!isValidTimeZone(s.timeZone)) throw new RecurrenceError(`Unknown time zone "${s.timeZone}"`);
  const d = DATE_RE.exec(s.startDate);
  if (!d || !sameDate(+d[1]!, +d[2]!, +d[3]!)) throw new RecurrenceError('The start date must be a real date, YYYY-MM-DD');
  if (!TIME_RE.test(s.startTime)) throw new RecurrenceError('The time must be HH:MM (24-hour)');
}

function sameDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `tz` from UTC at instant `t` (ms), e.g. +3_600_000 for Berlin in winter. */
export function zoneOffsetMs(t: number, tz: string): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time in `tz`. Like RFC 5545: a time skipped by a spring-forward
 * gap is shifted by the gap (02:30 → 03:30), and a repeated fall-back time means its first instance.
 */
export function zonedTimeToUtc(y: number, m: number, d: number, hh: number, mm: number, tz: string): Date {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = zoneOffsetMs(wall - 86_400_000, tz);
  const after = zoneOffsetMs(wall + 86_400_000, tz);
  const valid = [before, after].map((o) => wall - o).filter((t) => zoneOffsetMs(t, tz) === wall - t);
  if (valid.length) return new Date(Math.min(...valid));
  return new Date(wall - before);
}

interface LocalDate {
  y: number;
  m: number; // 1–12
  d: number;
}

/** Day of week, 0 = Monday … 6 = Sunday. */
function dow(ld: LocalDate): number {
  return (new Date(Date.UTC(ld.y, ld.m - 1, ld.d)).getUTCDay() + 6) % 7;
}

function addDays(ld: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(ld.y, ld.m - 1, ld.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function cmp(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The dates one period (a week or a month) contributes, sorted. */
function periodDates(rule: RecurrenceRule, start: LocalDate, period: number): LocalDate[] {
  if (rule.freq === 'WEEKLY') {
    const monday = addDays(start, -dow(start) + period * 7 * rule.interval);
    const days = rule.byDay.length ? rule.byDay.map((b) => WEEKDAYS.indexOf(b.weekday)) : [dow(start)];
    return [...new Set(days)].sort((a, b) => a - b).map((i) => addDays(monday, i));
  }
  const months = start.m - 1 + period * rule.interval;
  const y = start.y + Math.floor(months / 12);
  const m = (months % 12) + 1;
  const dim = daysInMonth(y, m);
  const days = new Set<number>();
  if (rule.byDay.length) {
    for (const b of rule.byDay) {
      const wd = WEEKDAYS.indexOf(b.weekday);
      const first = ((wd - dow({ y, m, d: 1 }) + 7) % 7) + 1;
      const all: number[] = [];
      for (let d = first; d <= dim; d += 7) all.push(d);
      if (b.nth === undefined) all.forEach((d) => days.add(d));
      else {
        // A 5th Monday exists in some months only: the others are skipped, as RFC 5545 says.
        const d = b.nth > 0 ? all[b.nth - 1] : all[all.length + b.nth];
        if (d !== undefined) days.add(d);
      }
    }
  } else {
    const list = rule.byMonthDay.length ? rule.byMonthDay : [start.d];
    for (const n of list) {
      const d = n > 0 ? n : dim + n + 1;
      if (d >= 1 && d <= dim) days.add(d);
    }
  }
  return [...days].sort((a, b) => a - b).map((d) => ({ y, m, d }));
}

/** Upper bound on periods walked, so that a rule that never matches cannot loop forever. */
const MAX_PERIODS = 2000;

/**
 * Occurrence start instants of a schedule, in order: those at or after `from` and before `to`, at most
 * `limit`. COUNT counts from the first occurrence (the first matching date on or after startDate),
 * including ones before `from`.
 */
export function occurrences(s: Schedule, opts: { from: Date; to: Date; limit?: number }): Date[] {
  validateSchedule(s);
  const [y, m, d] = s.startDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = s.startTime.split(':').map(Number) as [number, number];
  const start: LocalDate = { y, m, d };
  const limit = opts.limit ?? 100;
  const until = s.rule.until ? Date.parse(s.rule.until) : Infinity;
  const out: Date[] = [];
  let seen = 0;
  for (let period = 0; period < MAX_PERIODS; period++) {
    for (const ld of periodDates(s.rule, start, period)) {
      if (cmp(ld, start) < 0) continue;
      const at = zonedTimeToUtc(ld.y, ld.m, ld.d, hh, mm, s.timeZone);
      if (at.getTime() > until || at >= opts.to) return out;
      seen++;
      if (s.rule.count !== undefined && seen > s.rule.count) return out;
      if (at >= opts.from) {
        out.push(at);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

const ORDINALS: Record<string, string> = { '1': 'First', '2': 'Second', '3': 'Third', '4': 'Fourth', '5': 'Fifth', '-1': 'Last', '-2': 'Second-to-last' };
const DAY_NAMES: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** A short English description for lists, e.g. "First Monday of every month". */
export function describeRule(rule: RecurrenceRule): string {
  const every = (unit: string) => (rule.interval === 1 ? `every ${unit}` : `every ${rule.interval} ${unit}s`);
  let text: string;
  if (rule.freq === 'WEEKLY') {
    const days = rule.byDay.map((b) => DAY_NAMES[b.weekday]).join(', ');
    text = days ? `${days}, ${every('week')}` : `Weekly, ${every('week')}`;
  } else if (rule.byDay.length) {
    const days = rule.byDay.map((b) => `${b.nth !== undefined ? `${ORDINALS[String(b.nth)] ?? `#${b.nth}`} ` : 'Every '}${DAY_NAMES[b.weekday]}`).join(', ');
    text = `${days} of ${every('month')}`;
  } else if (rule.byMonthDay.length) {
    text = `Day ${rule.byMonthDay.map((n) => (n === -1 ? 'last' : String(n))).join(', ')} of ${every('month')}`;
  } else text = `Monthly, ${every('month')}`;
  if (rule.count !== undefined) text += `, ${rule.count} times`;
  if (rule.until !== undefined) text += `, until ${rule.until.slice(0, 10)}`;
  return text;
}
