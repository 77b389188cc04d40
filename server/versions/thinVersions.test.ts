import { describe, expect, it } from 'vitest';
import { DEFAULT_THINNING, thinVersions, type VersionStamp } from './thinVersions.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 10, 12, 0, 0);

/** A version every `stepMs`, from `fromAgo` ago up to now. */
function every(stepMs: number, fromAgo: number): VersionStamp[] {
  const out: VersionStamp[] = [];
  for (let t = NOW - fromAgo; t <= NOW; t += stepMs) out.push({ id: `v${t}`, takenAt: t });
  return out;
}

function kept(versions: VersionStamp[], now = NOW, policy = DEFAULT_THINNING): VersionStamp[] {
  const drop = new Set(thinVersions(versions, now, policy));
  return versions.filter((v) => !drop.has(v.id));
}

describe('thinVersions', () => {
  it('keeps every version of the last hour', () => {
    const vs = every(MIN, HOUR);
    expect(kept(vs)).toHaveLength(vs.length);
  });

  it('keeps one version per 15 minutes between an hour and a day, the newest of each', () => {
    const vs = every(5 * MIN, DAY).filter((v) => NOW - v.takenAt > HOUR);
    const left = kept(vs);
    const buckets = new Set(left.map((v) => Math.floor(v.takenAt / (15 * MIN))));
    expect(buckets.size).toBe(left.length);
    expect(left.length).toBeGreaterThanOrEqual(91);
    expect(left.length).toBeLessThanOrEqual(93);
    for (const v of left) expect((v.takenAt / MIN) % 15).toBe(10); // the last 5-minute version of each quarter
  });

  it('keeps one version per day beyond a day', () => {
    const vs = every(HOUR, 10 * DAY).filter((v) => NOW - v.takenAt > DAY);
    const left = kept(vs);
    expect(new Set(left.map((v) => Math.floor(v.takenAt / DAY))).size).toBe(left.length);
    expect(left.length).toBeLessThanOrEqual(10);
  });

  it('bounds a long-lived session: a week of 5-minute versions stays under the cap, the newest always kept', () => {
    const vs = every(5 * MIN, 7 * DAY);
    const left = kept(vs);
    expect(left.length).toBeLessThanOrEqual(13 + 93 + 7);
    expect(left.some((v) => v.takenAt === NOW)).toBe(true);
  });

  it('applies the hard cap last, dropping the oldest', () => {
    const vs = every(MIN, HOUR);
    const left = kept(vs, NOW, { ...DEFAULT_THINNING, maxVersions: 10 });
    expect(left.map((v) => v.takenAt)).toEqual(vs.slice(-10).map((v) => v.takenAt));
  });

  it('is idempotent: thinning the result again deletes nothing', () => {
    const once = kept(every(3 * MIN, 3 * DAY));
    expect(thinVersions(once, NOW)).toEqual([]);
  });

  it('measures age from the reference time, so a finished session keeps the replay of its last hour', () => {
    const sessionEnd = NOW - 30 * DAY;
    const vs = every(5 * MIN, HOUR).map((v) => ({ id: v.id, takenAt: v.takenAt - 30 * DAY }));
    expect(kept(vs, sessionEnd)).toHaveLength(vs.length);
    expect(vs[vs.length - 1]!.takenAt).toBe(sessionEnd);
  });

  it('handles empty input and never deletes the only version', () => {
    expect(thinVersions([], NOW)).toEqual([]);
    expect(thinVersions([{ id: 'a', takenAt: NOW - 400 * DAY }], NOW, { ...DEFAULT_THINNING, maxVersions: 1 })).toEqual([]);
  });
});
