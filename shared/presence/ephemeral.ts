/**
 * Ephemeral board signals carried in awareness (never stored): emoji reactions and the presenter's
 * laser pointer. Defined once: the server validates every client's awareness with these schemas
 * (server/collab/presence.ts) and drops what does not fit; clients read others' states through them.
 *
 *   reaction : { id, emoji, x, y }  the latest reaction; a new `id` is a new burst at board point (x, y)
 *   laser    : { x, y } | null      the presenter's pointer on the board (hosts and facilitators only)
 */
import { z } from 'zod';

/** The reactions one can send: a small fixed set (keys 2–7 on the board, in this order). */
export const REACTION_EMOJIS = ['👍', '❤️', '😂', '🎉', '👏', '🤔'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];
export const REACTION_NAMES: Record<ReactionEmoji, string> = {
  '👍': 'Thumbs up', '❤️': 'Heart', '😂': 'Laughing', '🎉': 'Celebrate', '👏': 'Applause', '🤔': 'Thinking',
};

/** Reactions a person may send: a burst of this many, then one per REACTION_REFILL_MS (server-enforced). */
export const REACTION_BURST = 6;
export const REACTION_REFILL_MS = 500;

const coord = z.number().finite().min(-1e7).max(1e7);

export const ReactionState = z.strictObject({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  emoji: z.enum(REACTION_EMOJIS),
  x: coord,
  y: coord,
});
export type ReactionState = z.infer<typeof ReactionState>;

export const LaserState = z.strictObject({ x: coord, y: coord }).nullable();
export type LaserState = z.infer<typeof LaserState>;
