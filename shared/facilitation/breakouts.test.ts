import { describe, expect, it } from 'vitest';
import { rectsIntersect } from '../board/geometry.ts';
import {
  assignBalanced, breakoutRoomOf, groupFrameTitle, makeGroups, moveMember, myGroup, planMergeLayout, splitBreakoutRoom, type BreakoutsState,
} from './breakouts.ts';
import { splitFacilitationRoom } from './control.ts';

/** A seeded generator (mulberry32), so shuffles are reproducible. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('breakout room names', () => {
  it('round-trip and are told apart from session, control and draft rooms', () => {
    const room = breakoutRoomOf('s_Ab-c_d', 'a1b2c3d4', 12);
    expect(room).toBe('s_Ab-c_d-bo-a1b2c3d4-12');
    expect(splitBreakoutRoom(room)).toEqual({ base: 's_Ab-c_d', roundId: 'a1b2c3d4', group: 12 });
    expect(splitFacilitationRoom(room)).toEqual({ base: 's_Ab-c_d', kind: 'breakout' });
    for (const other of ['s_abc', 's_abc-ctl', 's_abc-bo-XYZ123-1', 's_abc-bo-a1b2c3-0', 's_abc-bo-a1b2c3-', 's_abc-bo-a1b2c3-100']) expect(splitBreakoutRoom(other)).toBeNull();
  });
});

describe('assignBalanced', () => {
  it('puts everyone in exactly one group, sizes differing by at most one', () => {
    for (const [people, groups] of [[50, 10], [7, 3], [1, 4], [0, 2], [23, 5]] as const) {
      const ids = Array.from({ length: people }, (_, i) => `u${i}`);
      const out = assignBalanced(ids, groups, seeded(people * 31 + groups));
      expect(out).toHaveLength(groups);
      expect(out.flat().sort()).toEqual([...ids].sort());
      const sizes = out.map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('is random (different seeds, different groups) and ignores duplicates', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `u${i}`);
    expect(assignBalanced(ids, 4, seeded(1))).not.toEqual(assignBalanced(ids, 4, seeded(2)));
    expect(assignBalanced(['a', 'a', 'b'], 2, seeded(3)).flat().sort()).toEqual(['a', 'b']);
  });
});

describe('group membership', () => {
  const groups = makeGroups('s_x', 'abcdef', 3);
  it('moves a person between groups and back to the main room', () => {
    let g = moveMember(groups, 'u1', '2');
    expect(g.map((x) => x.memberIds)).toEqual([[], ['u1'], []]);
    g = moveMember(g, 'u1', '3');
    expect(g.map((x) => x.memberIds)).toEqual([[], [], ['u1']]);
    g = moveMember(g, 'u1', null);
    expect(g.map((x) => x.memberIds)).toEqual([[], [], []]);
  });
  it('myGroup only while the round runs', () => {
    const state = { status: 'running', groups: moveMember(groups, 'u1', '2') } as BreakoutsState;
    expect(myGroup(state, 'u1')?.room).toBe('s_x-bo-abcdef-2');
    expect(myGroup(state, 'u2')).toBeNull();
    expect(myGroup({ ...state, status: 'ended' }, 'u1')).toBeNull();
  });
  it('labels frames with the group and the prompt', () => {
    expect(groupFrameTitle(groups[1], 'What worked?')).toBe('Group 2 — What worked?');
    expect(groupFrameTitle(groups[0], '')).toBe('Group 1');
  });
});

describe('planMergeLayout', () => {
  it('places frames below existing items, overlapping neither them nor each other, each containing its group', () => {
    const existing = [{ x: -100, y: -50, w: 300, h: 200 }, { x: 500, y: 400, w: 200, h: 160 }];
    const groups = [{ x: 0, y: 0, w: 1000, h: 700 }, null, { x: -5000, y: 3000, w: 200, h: 160 }, { x: 10, y: 10, w: 50, h: 50 }, { x: 0, y: 0, w: 2000, h: 100 }];
    const plan = planMergeLayout(existing, groups);
    expect(plan).toHaveLength(groups.length);
    for (const [i, p] of plan.entries()) {
      for (const e of existing) expect(rectsIntersect(p.frame, e)).toBe(false);
      for (const [j, q] of plan.entries()) if (i !== j) expect(rectsIntersect(p.frame, q.frame)).toBe(false);
      const b = groups[i];
      if (b) {
        const moved = { x: b.x + p.dx, y: b.y + p.dy, w: b.w, h: b.h };
        expect(moved.x).toBeGreaterThan(p.frame.x);
        expect(moved.y).toBeGreaterThan(p.frame.y);
        expect(moved.x + moved.w).toBeLessThan(p.frame.x + p.frame.w);
        expect(moved.y + moved.h).toBeLessThan(p.frame.y + p.frame.h);
      }
    }
    // Below everything that was there (a frame's title sits above it: the gap leaves room for it).
    expect(Math.min(...plan.map((p) => p.frame.y))).toBeGreaterThanOrEqual(560 + 48);
  });
  it('starts at the origin on an empty board', () => {
    expect(planMergeLayout([], [null])[0].frame).toMatchObject({ x: 0, y: 0 });
  });
});
