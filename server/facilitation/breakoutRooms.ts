/** Whether a breakout room name belongs to its session's current round (checked at the upgrade). */
import type * as Y from 'yjs';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../shared/facilitation/control.ts';
import { splitBreakoutRoom, type BreakoutsState } from '../../shared/facilitation/breakouts.ts';

/** A checker for authorizeUpgrade's `breakoutExists`, reading the session's control room. */
export function breakoutRoomChecker(rooms: { read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> }) {
  return async (room: string): Promise<boolean> => {
    const split = splitBreakoutRoom(room);
    if (!split) return false;
    const state = await rooms.read(controlRoomOf(split.base), (doc) => (getControl(doc).get(CONTROL_KEYS.breakouts) as BreakoutsState | undefined) ?? null);
    return state?.roundId === split.roundId && state.groups.some((g) => g.room === room);
  };
}
