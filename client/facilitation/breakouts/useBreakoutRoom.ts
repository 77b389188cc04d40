/**
 * Which room the session page connects its board and notes to: my breakout group's room while a round
 * runs and I am in a group (the server moves me by changing the control room), a group a facilitator
 * chose to visit, or else the session's main room. Moving back at the end is the same switch.
 */
import { useEffect, useState } from 'react';
import { myGroup, type BreakoutGroup, type BreakoutsState } from '../../../shared/facilitation/breakouts.ts';

export interface BreakoutRoom {
  /** The room to connect to now. */
  room: string;
  /** My group (null when not in one, or the round is not running). */
  group: BreakoutGroup | null;
  /** The group a facilitator is visiting (null when not visiting). */
  visiting: BreakoutGroup | null;
  visit: (groupId: string | null) => void;
}

export function useBreakoutRoom(mainRoom: string, state: BreakoutsState | null, meId: string | null): BreakoutRoom {
  const [visitId, setVisitId] = useState<string | null>(null);
  const running = state?.status === 'running';
  // A visit ends with the round (or when the round changes).
  useEffect(() => setVisitId(null), [state?.roundId, running]);
  const group = myGroup(state, meId);
  const visiting = running && visitId ? (state.groups.find((g) => g.id === visitId) ?? null) : null;
  return { room: visiting?.room ?? group?.room ?? mainRoom, group, visiting, visit: setVisitId };
}
