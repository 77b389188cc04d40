/**
 * Awareness (presence) validation. Clients choose their awareness JSON; the server bounds it and rewrites
 * the `user` field with the authenticated identity, so nobody can appear under another person's name.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { LaserState, REACTION_BURST, REACTION_REFILL_MS, ReactionState } from '../../shared/presence/ephemeral.ts';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed state; null means "this client left". */
  state: Record<string, unknown> | null;
}

export class AwarenessRejectedError extends Error {}

/** Decodes an awareness update; throws AwarenessRejectedError for anything malformed. */
export function decodeAwarenessUpdate(update: Uint8Array, maxEntries: number): AwarenessEntry[] {
  try {
    const dec = decoding.createDecoder(update);
    const count = decoding.readVarUint(dec);
    if (count > maxEntries) throw new AwarenessRejectedError(`too many awareness states (${count})`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(dec);
      const clock = decoding.readVarUint(dec);
      const raw = JSON.parse(decoding.readVarString(dec)) as unknown;
      if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) throw new AwarenessRejectedError('state must be an object or null');
      entries.push({ clientId, clock, state: raw as Record<string, unknown> | null });
    }
    return entries;
  } catch (err) {
    if (err instanceof AwarenessRejectedError) throw err;
    throw new AwarenessRejectedError('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(enc);
}

/** Replaces each state's `user` with the authenticated identity (a state without one gets it too). */
export function stampIdentity(entries: AwarenessEntry[], user: { id: string; name: string; color: string }): AwarenessEntry[] {
  return entries.map((e) => (e.state === null ? e : { ...e, state: { ...e.state, user: { ...user } } }));
}

/**
 * Bounds the ephemeral fields of awareness states (shared/presence/ephemeral.ts): a malformed
 * `reaction` or `laser` is dropped (the rest of the state stays); `laser` only from hosts and
 * facilitators; a new reaction (a new id) only while `allowReaction` says the sender is within
 * its rate, else the state keeps its previous reaction.
 */
export function boundEphemeral(
  entries: AwarenessEntry[],
  opts: { facilitator: boolean; previous: (clientId: number) => Record<string, unknown> | undefined; allowReaction: () => boolean },
): AwarenessEntry[] {
  return entries.map((e) => {
    if (e.state === null) return e;
    const state = { ...e.state };
    if ('laser' in state) {
      if (!opts.facilitator || !LaserState.safeParse(state.laser).success) delete state.laser;
    }
    if ('reaction' in state) {
      const prev = opts.previous(e.clientId)?.reaction;
      const parsed = ReactionState.safeParse(state.reaction);
      const prevId = ReactionState.safeParse(prev).success ? (prev as ReactionState).id : null;
      if (!parsed.success) delete state.reaction;
      else if (parsed.data.id !== prevId && !opts.allowReaction()) {
        if (prevId === null) delete state.reaction;
        else state.reaction = prev;
      }
    }
    return { ...e, state };
  });
}

/** Per-user token buckets for reactions (REACTION_BURST, one more every REACTION_REFILL_MS). */
export class ReactionLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly burst = REACTION_BURST, private readonly refillMs = REACTION_REFILL_MS, private readonly maxUsers = 10_000) {}

  allow(userId: string, now = Date.now()): boolean {
    const b = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.refillMs);
    if (tokens < 1) {
      this.buckets.set(userId, { tokens, at: now });
      return false;
    }
    this.buckets.delete(userId);
    // Bounded: a full bucket forgets its oldest users (who then start full again, which is harmless).
    if (this.buckets.size >= this.maxUsers) this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(userId, { tokens: tokens - 1, at: now });
    return true;
  }
}

/** This process's reaction rates, per user across all rooms (one person, many tabs, one budget). */
export const reactionLimiter = new ReactionLimiter();
