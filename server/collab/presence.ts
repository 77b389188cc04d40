/**
 * Awareness (presence) validation. Clients choose their awareness JSON; the server bounds it and rewrites
 * the `user` field with the authenticated identity, so nobody can appear under another person's name.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

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
