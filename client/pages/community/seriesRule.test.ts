import { describe, expect, it } from 'vitest';
import { describeRule, parseRule } from '../../../shared/recurrence.ts';
import { buildSeriesRule, timeZoneOptions } from './seriesRule.ts';

describe('buildSeriesRule', () => {
  it('builds rules the server accepts', () => {
    expect(buildSeriesRule({ repeat: 'monthly', weekday: 'MO', nth: '1' })).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(buildSeriesRule({ repeat: 'monthly', weekday: 'FR', nth: '-1' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(buildSeriesRule({ repeat: 'weekly', weekday: 'TH', nth: '1' })).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(buildSeriesRule({ repeat: 'biweekly', weekday: 'WE', nth: '1' })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(describeRule(parseRule(buildSeriesRule({ repeat: 'monthly', weekday: 'MO', nth: '-1' })))).toBe('Last Monday of every month');
  });

  it('refuses values no picker offers', () => {
    expect(() => buildSeriesRule({ repeat: 'monthly', weekday: 'MO', nth: '7' })).toThrow();
    expect(() => buildSeriesRule({ repeat: 'weekly', weekday: 'XX' as 'MO', nth: '1' })).toThrow();
  });

  it('offers the own time zone first, once', () => {
    const zones = timeZoneOptions('Europe/Berlin');
    expect(zones[0]).toBe('Europe/Berlin');
    expect(zones.filter((z) => z === 'Europe/Berlin')).toHaveLength(1);
    expect(zones).toContain('America/New_York');
  });
});
