/**
 * Turns the series form's pickers (weekly/monthly, which weekday, which one of the month) into RRULE
 * text of the shared/recurrence.ts subset, so people never type rules.
 */
import { WEEKDAYS, type Weekday } from '../../../shared/recurrence.ts';

/** "Which one of the month": 1–4, or -1 for the last. */
export const NTH_OPTIONS = [
  { value: '1', label: 'First' },
  { value: '2', label: 'Second' },
  { value: '3', label: 'Third' },
  { value: '4', label: 'Fourth' },
  { value: '-1', label: 'Last' },
] as const;

export const WEEKDAY_LABELS: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** What the pickers hold. */
export interface SeriesPickers {
  repeat: 'weekly' | 'biweekly' | 'monthly';
  weekday: Weekday;
  /** Monthly only: NTH_OPTIONS value. */
  nth: string;
}

/** The RRULE for the pickers, e.g. FREQ=MONTHLY;BYDAY=1MO. */
export function buildSeriesRule(p: SeriesPickers): string {
  if (!WEEKDAYS.includes(p.weekday)) throw new Error(`unknown weekday ${p.weekday}`);
  if (p.repeat === 'monthly') {
    if (!NTH_OPTIONS.some((o) => o.value === p.nth)) throw new Error(`unknown nth ${p.nth}`);
    return `FREQ=MONTHLY;BYDAY=${p.nth}${p.weekday}`;
  }
  return p.repeat === 'biweekly' ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${p.weekday}` : `FREQ=WEEKLY;BYDAY=${p.weekday}`;
}

/** Time zones the form offers: the runtime's list when it has one, with the device's own zone first. */
export function timeZoneOptions(own: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Australia/Sydney'];
  return [own, ...all.filter((z) => z !== own)];
}
