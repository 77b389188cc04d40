import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from './buildIcs.ts';

/** Undoes folding (RFC 5545 3.1): CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('buildIcs', () => {
  const text = buildIcs({
    name: 'Nurses, palliative; care',
    now: new Date('2026-01-01T09:00:00Z'),
    events: [
      {
        uid: 's1@commonplace',
        start: new Date('2026-01-05T15:00:00Z'),
        end: new Date('2026-01-05T16:00:00Z'),
        summary: 'Mentoring Monday: pain, sleep; and \\ more',
        description: `Line one\nLine two with ünïcödé ${'é'.repeat(80)}`,
        url: 'https://example.org/sessions/s1/archive',
      },
      { uid: 's2@commonplace', start: new Date('2026-02-02T15:00:00Z'), end: new Date('2026-02-02T15:45:00Z'), summary: 'Short' },
    ],
  });

  it('uses CRLF only and lines of at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has the required calendar and event properties, in balanced components', () => {
    const lines = unfold(text).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    for (const p of ['VERSION:2.0', 'PRODID:', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']) expect(lines.some((l) => l.startsWith(p))).toBe(true);
    const events = unfold(text).split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    for (const e of events) {
      for (const p of ['UID:', 'DTSTAMP:20260101T090000Z', 'DTSTART:', 'DTEND:', 'SUMMARY:', 'END:VEVENT']) expect(e).toContain(p);
      expect(e).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    }
    expect(unfold(text)).toContain('DTSTART:20260105T150000Z\r\nDTEND:20260105T160000Z');
    // Every line is NAME[;params]:value.
    for (const l of lines) expect(l).toMatch(/^[A-Z-]+[:;]/);
  });

  it('escapes TEXT values and folds without splitting characters', () => {
    const u = unfold(text);
    expect(u).toContain('SUMMARY:Mentoring Monday: pain\\, sleep\\; and \\\\ more');
    expect(u).toContain('X-WR-CALNAME:Nurses\\, palliative\\; care');
    expect(u).toContain(`DESCRIPTION:Line one\\nLine two with ünïcödé ${'é'.repeat(80)}`);
    expect(u).toContain('URL:https://example.org/sessions/s1/archive');
  });

  it('escapeText and foldLine', () => {
    expect(escapeText('a\r\nb\nc,d;e\\f\u0007')).toBe('a\\nb\\nc\\,d\\;e\\\\f');
    const folded = foldLine('X'.repeat(200));
    expect(folded.split('\r\n ').join('')).toBe('X'.repeat(200));
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 52]); // 75 + 74 + 51 characters, each continuation after its space
  });
});
