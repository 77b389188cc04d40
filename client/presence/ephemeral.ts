/**
 * Reading and sending the ephemeral board signals of awareness (shared/presence/ephemeral.ts):
 * reaction bursts and the presenter's laser. Other people's states are checked with the shared
 * schemas (the server has bounded them already, but a state is never trusted twice blindly).
 */
import type { Awareness } from 'y-protocols/awareness';
import { LaserState, ReactionState, type ReactionEmoji } from '../../shared/presence/ephemeral.ts';

/** One reaction to show: where, what, and whose colour. */
export interface Burst {
  key: string;
  emoji: ReactionEmoji;
  x: number;
  y: number;
  color: string;
}

const colorOf = (state: Record<string, unknown>) => {
  const user = state.user as { color?: unknown } | undefined;
  return typeof user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#57606a';
};

/**
 * The reactions in `states` not seen before (a new id per client), updating `seen` (client → the
 * reaction id last seen, null for none). A client met for the first time with a reaction already set
 * only records it: opening the board does not replay the last reaction of everyone in the room.
 */
export function newBursts(states: Map<number, unknown>, selfId: number, seen: Map<number, number | null>): Burst[] {
  const out: Burst[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId || !raw || typeof raw !== 'object') continue;
    const state = raw as Record<string, unknown>;
    const parsed = ReactionState.safeParse(state.reaction);
    const known = seen.has(clientId);
    const before = seen.get(clientId) ?? null;
    seen.set(clientId, parsed.success ? parsed.data.id : before);
    if (!parsed.success || !known || before === parsed.data.id) continue;
    const r = parsed.data;
    out.push({ key: `${clientId}:${r.id}`, emoji: r.emoji, x: r.x, y: r.y, color: colorOf(state) });
  }
  for (const id of seen.keys()) if (!states.has(id)) seen.delete(id);
  return out;
}

/** The lasers of others: board point and colour per client. */
export function remoteLasers(states: Map<number, unknown>, selfId: number): { clientId: number; x: number; y: number; color: string }[] {
  const out: { clientId: number; x: number; y: number; color: string }[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId || !raw || typeof raw !== 'object') continue;
    const state = raw as Record<string, unknown>;
    const parsed = LaserState.safeParse(state.laser);
    if (parsed.success && parsed.data) out.push({ clientId, ...parsed.data, color: colorOf(state) });
  }
  return out;
}

let reactionCounter = 0;

/** Publishes a reaction at board point `at`; returns the burst to show locally. */
export function sendReaction(awareness: Awareness, emoji: ReactionEmoji, at: { x: number; y: number }): Burst {
  // Time-based start: a reload must not reuse an id others have seen (it would not show).
  reactionCounter = Math.max(reactionCounter + 1, Date.now());
  const reaction: ReactionState = { id: reactionCounter, emoji, x: Math.round(at.x), y: Math.round(at.y) };
  awareness.setLocalStateField('reaction', reaction);
  return { key: `me:${reaction.id}`, emoji, x: reaction.x, y: reaction.y, color: '#57606a' };
}

/** Publishes the laser position (board coordinates), or null to hide it. */
export function setLaser(awareness: Awareness, at: { x: number; y: number } | null) {
  awareness.setLocalStateField('laser', at ? { x: Math.round(at.x), y: Math.round(at.y) } : null);
}
