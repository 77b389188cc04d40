/**
 * The breakouts strip of the session page: the banner everyone sees while a round runs (or has just
 * ended) and, for facilitators, the breakout panel (start, overview, end). The button that opens the
 * panel (BreakoutsToggle) sits in the room header, so that the strip takes no room when it is empty.
 */
import { useMemo } from 'react';
import type { BreakoutsState } from '../../../shared/facilitation/breakouts.ts';
import type { MemberDto } from '../../../shared/api/schemas.ts';
import { Button } from '../../components/Button.tsx';
import type { PresenceUser } from '../../collab/RoomConnection.ts';
import { breakoutsApi } from './breakoutsApi.ts';
import type { BreakoutRoom } from './useBreakoutRoom.ts';
import { BreakoutBanner } from './BreakoutBanner.tsx';
import { BreakoutPanel } from './BreakoutPanel.tsx';
import './breakouts.css';

export interface BreakoutsAreaProps {
  sessionId: string;
  state: BreakoutsState | null;
  where: BreakoutRoom;
  me: PresenceUser;
  facilitator: boolean;
  members: readonly MemberDto[];
  /** Server clock − local clock, ms (for the countdown). */
  offsetMs: number;
  /** The facilitator opened the panel with BreakoutsToggle. */
  panelOpen: boolean;
}

/** The facilitator's button that shows or hides the breakout panel. */
export function BreakoutsToggle({ state, open, onToggle }: { state: BreakoutsState | null; open: boolean; onToggle: () => void }) {
  return (
    <Button size="sm" aria-expanded={open} aria-controls="bo-panel" onClick={onToggle}>
      {state?.status === 'running' ? 'Breakout overview' : 'Breakouts'}
    </Button>
  );
}

export function BreakoutsArea({ sessionId, state, where, me, facilitator, members, offsetMs, panelOpen }: BreakoutsAreaProps) {
  const actions = useMemo(() => breakoutsApi(sessionId), [sessionId]);
  return (
    <div className="bo">
      <div className="bo__bar">
        <BreakoutBanner state={state} where={where} canPick={!facilitator} actions={actions} offsetMs={offsetMs} />
      </div>
      {facilitator && panelOpen && (
        <div id="bo-panel">
          <BreakoutPanel state={state} where={where} members={members} me={me} actions={actions} />
        </div>
      )}
    </div>
  );
}
