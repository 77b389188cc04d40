/**
 * Breakout boards (issue 4 item 1): a facilitator splits the session into groups, each with its own
 * room `<room>-bo-<round>-<n>` (board and notes, the session room's layout, the same permissions).
 * The round lives in the control room (`CONTROL_KEYS.breakouts`), written only by the server; clients
 * read it to move themselves into their group's room and back. Pure helpers: naming, balanced random
 * assignment, membership changes, and where each group's board lands on the main board at the end.
 */
import { boundsOfRects, type Rect } from '../board/geometry.ts';

/** Between a session room and the round id of its breakout rooms. */
export const BREAKOUT_ROOM_INFIX = '-bo-';
export const BREAKOUT_MODES = ['random', 'manual', 'self-select'] as const;
export type BreakoutMode = (typeof BREAKOUT_MODES)[number];
export const MAX_BREAKOUT_GROUPS = 20;
export const MAX_BREAKOUT_MINUTES = 240;
export const MAX_BREAKOUT_PROMPT = 300;
export const MAX_BROADCAST_LENGTH = 500;
/** Broadcasts kept in the control room (older ones drop off). */
export const MAX_BROADCASTS = 20;

export interface BreakoutGroup {
  /** "1", "2", … */
  id: string;
  name: string;
  room: string;
  memberIds: string[];
}

export interface BreakoutBroadcast {
  id: string;
  text: string;
  from: string;
  at: number;
}

/** `CONTROL_KEYS.breakouts`: the current (or last) round, replaced whole on each change. */
export interface BreakoutsState {
  roundId: string;
  status: 'running' | 'ended';
  mode: BreakoutMode;
  prompt: string;
  startedAt: number;
  /** Countdown end (server clock); the round runs until a facilitator ends it. */
  endsAt: number;
  /** Server clock when this state was written (clients estimate their clock skew from it). */
  serverNow: number;
  groups: BreakoutGroup[];
  /** Display names of everyone assigned (user id → name). */
  names: Record<string, string>;
  broadcasts: BreakoutBroadcast[];
  endedAt: number | null;
}

/** Round ids are lowercase hex, so a room name splits unambiguously. */
const ROUND_ID = /^[0-9a-f]{6,12}$/;

export const breakoutRoomOf = (room: string, roundId: string, group: number) => `${room}${BREAKOUT_ROOM_INFIX}${roundId}-${group}`;

/** Splits `<room>-bo-<round>-<n>` into its parts, or null for any other name. */
export function splitBreakoutRoom(room: string): { base: string; roundId: string; group: number } | null {
  const m = /^(.+)-bo-([0-9a-f]+)-([1-9][0-9]?)$/.exec(room);
  if (!m || !ROUND_ID.test(m[2])) return null;
  return { base: m[1], roundId: m[2], group: Number(m[3]) };
}

/** Empty groups for a new round. */
export function makeGroups(room: string, roundId: string, count: number): BreakoutGroup[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1), name: `Group ${i + 1}`, room: breakoutRoomOf(room, roundId, i + 1), memberIds: [] }));
}

/**
 * Deals `userIds` (deduplicated) into `count` groups in random order: group sizes differ by at most
 * one, and with `random` fixed the result is reproducible.
 */
export function assignBalanced(userIds: readonly string[], count: number, random: () => number = Math.random): string[][] {
  const ids = [...new Set(userIds)];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const out: string[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, i) => out[i % count].push(id));
  return out;
}

/** The groups with `userId` moved into `groupId` (null: into no group, i.e. the main room). */
export function moveMember(groups: readonly BreakoutGroup[], userId: string, groupId: string | null): BreakoutGroup[] {
  return groups.map((g) => {
    const without = g.memberIds.filter((u) => u !== userId);
    return { ...g, memberIds: g.id === groupId ? [...without, userId] : without };
  });
}

/** The group `userId` is in while the round runs, or null (ended, or not assigned). */
export function myGroup(state: BreakoutsState | null, userId: string | null): BreakoutGroup | null {
  if (!state || state.status !== 'running' || !userId) return null;
  return state.groups.find((g) => g.memberIds.includes(userId)) ?? null;
}

/** Label of a group's frame on the main board. */
export function groupFrameTitle(group: Pick<BreakoutGroup, 'name'>, prompt: string): string {
  return prompt ? `${group.name} — ${prompt}` : group.name;
}

/** Id of a group's frame on the main board: the same for every attempt, so merging twice is a no-op. */
export const groupFrameId = (roundId: string, groupId: string) => `breakout-${roundId}-${groupId}`;

/** Room inside a frame around a group's items; the gap between frames leaves room for their titles. */
export const FRAME_PADDING = 48;
export const FRAME_GAP = 96;
const MIN_FRAME = { w: 480, h: 320 };

/** Where one group's board goes: its frame, and the shift applied to every one of its items. */
export interface GroupPlacement {
  frame: Rect;
  dx: number;
  dy: number;
}

/**
 * Places one frame per group below everything already on the main board (`existing`), in a grid of
 * about √n columns, so no frame overlaps an existing item or another frame. `groups[i]` is the bounds
 * of group i's items (null if it has none); each frame contains its group's items with padding.
 */
export function planMergeLayout(existing: Iterable<Rect>, groups: readonly (Rect | null)[]): GroupPlacement[] {
  const taken = boundsOfRects(existing);
  const originX = taken ? taken.x : 0;
  let y = taken ? taken.y + taken.h + FRAME_GAP : 0;
  const cols = Math.max(1, Math.ceil(Math.sqrt(groups.length)));
  const out: GroupPlacement[] = [];
  for (let row = 0; row * cols < groups.length; row++) {
    let x = originX;
    let rowH = 0;
    for (let i = row * cols; i < Math.min(groups.length, (row + 1) * cols); i++) {
      const b = groups[i];
      const w = Math.max(MIN_FRAME.w, (b?.w ?? 0) + 2 * FRAME_PADDING);
      const h = Math.max(MIN_FRAME.h, (b?.h ?? 0) + 2 * FRAME_PADDING);
      const frame = { x, y, w, h };
      out.push({ frame, dx: b ? x + FRAME_PADDING - b.x : 0, dy: b ? y + FRAME_PADDING - b.y : 0 });
      x += w + FRAME_GAP;
      rowH = Math.max(rowH, h);
    }
    y += rowH + FRAME_GAP;
  }
  return out;
}
