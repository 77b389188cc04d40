/**
 * One entry per person from the room's awareness states. A person with two tabs or devices has two
 * awareness clients; the presence bar shows them once. States from clients that publish no user
 * (e.g. a stock y-websocket client) are left out.
 */
import type { PresenceState, PresenceUser } from '../collab/RoomConnection.ts';

/** A person in the room, with how many of their tabs/devices are connected. */
export interface PresentPerson extends PresenceUser {
  isMe: boolean;
  connections: number;
}

/** Me first, then everyone else by name. */
export function dedupePresence(states: ReadonlyMap<number, PresenceState>, meId: string): PresentPerson[] {
  const byId = new Map<string, PresentPerson>();
  for (const state of states.values()) {
    const u = state?.user;
    if (!u || typeof u.id !== 'string' || typeof u.name !== 'string') continue;
    const seen = byId.get(u.id);
    if (seen) seen.connections++;
    else byId.set(u.id, { id: u.id, name: u.name, color: typeof u.color === 'string' ? u.color : '', isMe: u.id === meId, connections: 1 });
  }
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}
