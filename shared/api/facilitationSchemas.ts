/**
 * Request validation for the facilitation API (timer, agenda, Q&A, hands, follow-me, votes, polls,
 * locks), defined once: the server parses with these, the client reuses the types.
 */
import { z } from 'zod';
import { MAX_TIMER_SECONDS, TIMER_ACTIONS } from '../facilitation/timer.ts';
import { MAX_VOTE_BUDGET } from '../facilitation/votes.ts';
import {
  BREAKOUT_MODES, MAX_BREAKOUT_GROUPS, MAX_BREAKOUT_MINUTES, MAX_BREAKOUT_PROMPT, MAX_BROADCAST_LENGTH,
} from '../facilitation/breakouts.ts';

const itemId = z.string().min(1).max(200);

/** `POST /api/sessions/:id/timer`. `seconds` is needed by start (1 s–12 h) and add (±12 h). */
export const TimerBody = z
  .strictObject({
    action: z.enum(TIMER_ACTIONS),
    seconds: z.number().int().min(-MAX_TIMER_SECONDS).max(MAX_TIMER_SECONDS).optional(),
  })
  .refine((b) => (b.action !== 'start' && b.action !== 'add') || (b.seconds !== undefined && b.seconds !== 0), 'Say how many seconds')
  .refine((b) => b.action !== 'start' || (b.seconds ?? 0) > 0, 'A timer starts with a positive number of seconds');
export type TimerBody = z.infer<typeof TimerBody>;

/** `POST /api/sessions/:id/agenda/current`: null clears the current item. */
export const CurrentItemBody = z.strictObject({ itemId: itemId.nullable() });
export type CurrentItemBody = z.infer<typeof CurrentItemBody>;

export const MAX_QUESTION_LENGTH = 500;
export const MAX_ANSWER_LENGTH = 2000;

/** `POST /api/sessions/:id/questions`. */
export const AskQuestionBody = z.strictObject({
  text: z.string().trim().min(1, 'Write a question').max(MAX_QUESTION_LENGTH, `At most ${MAX_QUESTION_LENGTH} characters`),
  anonymous: z.boolean().default(false),
});
export type AskQuestionBody = z.input<typeof AskQuestionBody>;

/** `POST /api/sessions/:id/questions/:qid/answer`. */
export const AnswerQuestionBody = z.strictObject({
  answer: z.string().trim().min(1, 'Write an answer').max(MAX_ANSWER_LENGTH, `At most ${MAX_ANSWER_LENGTH} characters`),
});
export type AnswerQuestionBody = z.infer<typeof AnswerQuestionBody>;

/** `POST /api/sessions/:id/hands`. */
export const RaiseHandBody = z.strictObject({ raised: z.boolean() });
export type RaiseHandBody = z.infer<typeof RaiseHandBody>;

const coord = z.number().finite().min(-1e7).max(1e7);
/** `POST /api/sessions/:id/follow`: the facilitator's board viewport, or null to stop. */
export const FollowBody = z.strictObject({
  viewport: z.strictObject({ x: coord, y: coord, zoom: z.number().finite().min(0.01).max(100) }).nullable(),
});
export type FollowBody = z.infer<typeof FollowBody>;

/** `POST /api/sessions/:id/votes/rounds`: starts a new dot-voting round (replacing any other). */
export const StartVoteRoundBody = z.strictObject({
  budget: z.number().int().min(1).max(MAX_VOTE_BUDGET),
  itemIds: z.array(itemId).min(1).max(500).optional(),
});
export type StartVoteRoundBody = z.infer<typeof StartVoteRoundBody>;

/** `POST /api/sessions/:id/votes`. */
export const CastVoteBody = z.strictObject({ itemId, delta: z.union([z.literal(1), z.literal(-1)]) });
export type CastVoteBody = z.infer<typeof CastVoteBody>;

/** `POST /api/sessions/:id/polls`. */
export const CreatePollBody = z.strictObject({
  question: z.string().trim().min(1, 'Write a question').max(300),
  options: z.array(z.string().trim().min(1).max(120)).min(2, 'At least two options').max(10, 'At most ten options'),
  multiple: z.boolean().default(false),
});
export type CreatePollBody = z.input<typeof CreatePollBody>;

/** `POST /api/sessions/:id/polls/:pid/answer`: option indexes (one unless the poll allows several). */
export const AnswerPollBody = z.strictObject({ choices: z.array(z.number().int().min(0).max(9)).min(1).max(10) });
export type AnswerPollBody = z.infer<typeof AnswerPollBody>;

/**
 * `POST /api/sessions/:id/locks`: replaces the locks (omitted fields stay as they are); `add` and
 * `remove` lock or unlock some items without replacing the rest (two facilitators at once lose nothing).
 */
export const SetLocksBody = z.strictObject({
  itemIds: z.array(itemId).max(2000).optional(),
  add: z.array(itemId).max(2000).optional(),
  remove: z.array(itemId).max(2000).optional(),
  board: z.boolean().optional(),
});
export const MAX_LOCKED_ITEMS = 2000;
export type SetLocksBody = z.infer<typeof SetLocksBody>;

/** `GET /api/sessions/:id/votes/mine`: the caller's own ballot and poll answers, and the server clock. */
export interface MyFacilitationDto {
  serverNow: number;
  round: { id: string; budget: number; used: number; ballot: Record<string, number> } | null;
  polls: Record<string, number[]>;
}

/** `GET /api/sessions/:id/questions` (facilitators): every question's author, anonymous ones included. */
export interface QuestionAuthorsDto {
  authors: Record<string, { userId: string; name: string }>;
}

/**
 * `POST /api/sessions/:id/private-mode`: turns private mode on (or changes whether the reveal is
 * anonymous while it is on). It ends with `POST /api/sessions/:id/private-mode/reveal`.
 */
export const PrivateModeBody = z.strictObject({ anonymous: z.boolean().default(false) });
export type PrivateModeBody = z.input<typeof PrivateModeBody>;

/** Answer of the reveal: how many draft stickies moved onto the board. */
export interface RevealDraftsDto {
  revealed: number;
}

// --- Breakouts (shared/facilitation/breakouts.ts) ------------------------------------------------

const groupId = z.string().regex(/^[1-9][0-9]?$/, 'No such group');
const userId = z.string().min(1).max(200);

/**
 * `POST /api/sessions/:id/breakouts`: `groups` groups for `minutes`. `random` deals the people present
 * in the main room (else the community's members) evenly; `manual` starts with `assignments` (user id →
 * group number, optional) and the facilitator moves people; `self-select` lets each person pick.
 */
export const StartBreakoutsBody = z
  .strictObject({
    groups: z.number().int().min(2, 'At least two groups').max(MAX_BREAKOUT_GROUPS, `At most ${MAX_BREAKOUT_GROUPS} groups`),
    mode: z.enum(BREAKOUT_MODES),
    prompt: z.string().trim().max(MAX_BREAKOUT_PROMPT, `At most ${MAX_BREAKOUT_PROMPT} characters`).default(''),
    minutes: z.number().int().min(1).max(MAX_BREAKOUT_MINUTES),
    assignments: z.record(userId, z.number().int().min(1).max(MAX_BREAKOUT_GROUPS)).optional(),
  })
  .refine((b) => !b.assignments || Object.values(b.assignments).every((g) => g <= b.groups), 'An assignment names a group that does not exist')
  .refine((b) => !b.assignments || b.mode === 'manual', 'Assignments are for manual mode');
export type StartBreakoutsBody = z.input<typeof StartBreakoutsBody>;

/** `POST /api/sessions/:id/breakouts/move`: puts a person into a group (null: back to the main room). */
export const MoveBreakoutMemberBody = z.strictObject({ userId, groupId: groupId.nullable() });
export type MoveBreakoutMemberBody = z.infer<typeof MoveBreakoutMemberBody>;

/** `POST /api/sessions/:id/breakouts/join`: self-select mode only. */
export const JoinBreakoutBody = z.strictObject({ groupId });
export type JoinBreakoutBody = z.infer<typeof JoinBreakoutBody>;

/** `POST /api/sessions/:id/breakouts/broadcast`: a message shown in every group. */
export const BreakoutBroadcastBody = z.strictObject({
  text: z.string().trim().min(1, 'Write a message').max(MAX_BROADCAST_LENGTH, `At most ${MAX_BROADCAST_LENGTH} characters`),
});
export type BreakoutBroadcastBody = z.infer<typeof BreakoutBroadcastBody>;
