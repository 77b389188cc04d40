/**
 * The control document of a session (room `<room>-ctl`): facilitation state everyone sees (timer,
 * current agenda item, Q&A, raised hands, follow-me, vote rounds, polls). Clients only read it; the
 * server writes it on behalf of validated HTTP requests (server/collab/SPEC.md R11), so members cannot
 * forge it. The server-only `<room>-priv` room keeps what members must not see (anonymous authors,
 * ballots, poll answers). Values are plain JSON objects, replaced whole on each change.
 */
import * as Y from 'yjs';
import { AUDIENCE_OFF, type AudienceState } from './audience.ts';
import type { JumpState } from './jump.ts';
import { DRAFTS_ROOM_SUFFIX, splitDraftRoom, type PrivateModeState } from './privateMode.ts';
import { splitBreakoutRoom, type BreakoutsState } from './breakouts.ts';

/** Suffix of a session's control room: read-only for every client. */
export const CONTROL_ROOM_SUFFIX = '-ctl';
/** Suffix of a session's private facilitation room: never served to any client. */
export const PRIVATE_ROOM_SUFFIX = '-priv';

export const controlRoomOf = (room: string) => room + CONTROL_ROOM_SUFFIX;
export const privateRoomOf = (room: string) => room + PRIVATE_ROOM_SUFFIX;

/**
 * The session room a facilitation room belongs to, and which kind it is (null for a session room);
 * `author` for a private-mode draft room (shared/facilitation/privateMode.ts).
 */
export function splitFacilitationRoom(room: string): { base: string; kind: 'ctl' | 'priv' | 'draft' | 'drafts' | 'breakout' | null; author?: string } {
  if (room.endsWith(CONTROL_ROOM_SUFFIX)) return { base: room.slice(0, -CONTROL_ROOM_SUFFIX.length), kind: 'ctl' };
  if (room.endsWith(PRIVATE_ROOM_SUFFIX)) return { base: room.slice(0, -PRIVATE_ROOM_SUFFIX.length), kind: 'priv' };
  if (room.endsWith(DRAFTS_ROOM_SUFFIX)) return { base: room.slice(0, -DRAFTS_ROOM_SUFFIX.length), kind: 'drafts' };
  const draft = splitDraftRoom(room);
  if (draft) return { base: draft.base, kind: 'draft', author: draft.author };
  // A breakout group's room (shared/facilitation/breakouts.ts): its session's room, same rights.
  const breakout = splitBreakoutRoom(room);
  if (breakout) return { base: breakout.base, kind: 'breakout' };
  return { base: room, kind: null };
}

/** Timer state. While running, `endsAt` (server clock) is the truth; while paused, `remainingMs`. */
export interface TimerState {
  running: boolean;
  endsAt: number;
  remainingMs: number;
  /** The timebox length, for progress display. */
  durationMs: number;
  /** Server clock when this state was written (clients estimate their clock skew from it). */
  serverNow: number;
}

export interface QuestionState {
  id: string;
  text: string;
  /** Null when asked anonymously: the author is kept in the private room, for facilitators only. */
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  /** User ids of the people who upvoted (one vote each). */
  upvoters: string[];
  answered: boolean;
  answer: string | null;
}

export interface HandState {
  userId: string;
  name: string;
  raisedAt: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FollowState {
  userId: string;
  name: string;
  viewport: Viewport;
}

export interface VoteRoundState {
  id: string;
  budget: number;
  /** The items one may vote on; null = every board item. */
  itemIds: string[] | null;
  /** Votes cast so far (a count only: who voted for what stays private). */
  cast: number;
  revealed: boolean;
  /** Totals per item: only once revealed. */
  totals: Record<string, number> | null;
}

export interface PollState {
  id: string;
  question: string;
  options: string[];
  multiple: boolean;
  /** Live results: count per option. */
  counts: number[];
  respondents: number;
  createdAt: number;
}

/** Keys of the control map. */
export const CONTROL_KEYS = {
  timer: 'timer',
  currentItem: 'currentItem',
  questions: 'questions',
  hands: 'hands',
  follow: 'follow',
  voteRound: 'voteRound',
  polls: 'polls',
  locks: 'locks',
  audience: 'audience',
  jump: 'jump',
  privateMode: 'privateMode',
  breakouts: 'breakouts',
} as const;

export interface LockState {
  board: boolean;
  itemIds: string[];
}

export function getControl(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('control');
}

/** Everything in the control doc as plain data, with safe defaults for missing values. */
export interface ControlSnapshot {
  timer: TimerState | null;
  currentItem: string | null;
  questions: QuestionState[];
  hands: HandState[];
  follow: FollowState | null;
  voteRound: VoteRoundState | null;
  polls: PollState[];
  locks: LockState;
  /** Audience mode and its speakers (shared/facilitation/audience.ts). */
  audience: AudienceState;
  /** The latest \"bring everyone there\" (shared/facilitation/jump.ts). */
  jump: JumpState | null;
  privateMode: PrivateModeState | null;
  breakouts: BreakoutsState | null;
}

/** Reads the control map (written only by the server, so the shapes are trusted). */
export function readControl(map: Y.Map<unknown>): ControlSnapshot {
  const questions = (map.get(CONTROL_KEYS.questions) as Record<string, QuestionState> | undefined) ?? {};
  const polls = (map.get(CONTROL_KEYS.polls) as Record<string, PollState> | undefined) ?? {};
  return {
    timer: (map.get(CONTROL_KEYS.timer) as TimerState | undefined) ?? null,
    currentItem: (map.get(CONTROL_KEYS.currentItem) as string | undefined) ?? null,
    questions: Object.values(questions),
    hands: ((map.get(CONTROL_KEYS.hands) as HandState[] | undefined) ?? []).slice().sort((a, b) => a.raisedAt - b.raisedAt),
    follow: (map.get(CONTROL_KEYS.follow) as FollowState | undefined) ?? null,
    voteRound: (map.get(CONTROL_KEYS.voteRound) as VoteRoundState | undefined) ?? null,
    polls: Object.values(polls).sort((a, b) => b.createdAt - a.createdAt),
    locks: (map.get(CONTROL_KEYS.locks) as LockState | undefined) ?? { board: false, itemIds: [] },
    audience: (map.get(CONTROL_KEYS.audience) as AudienceState | undefined) ?? AUDIENCE_OFF,
    jump: (map.get(CONTROL_KEYS.jump) as JumpState | undefined) ?? null,
    privateMode: (map.get(CONTROL_KEYS.privateMode) as PrivateModeState | undefined) ?? null,
    breakouts: (map.get(CONTROL_KEYS.breakouts) as BreakoutsState | undefined) ?? null,
  };
}

/** Open questions first, most upvoted first, then oldest first; answered ones after, newest answered last. */
export function orderQuestions(qs: readonly QuestionState[]): { open: QuestionState[]; answered: QuestionState[] } {
  const open = qs.filter((q) => !q.answered).sort((a, b) => b.upvoters.length - a.upvoters.length || a.createdAt - b.createdAt);
  const answered = qs.filter((q) => q.answered).sort((a, b) => a.createdAt - b.createdAt);
  return { open, answered };
}
