/**
 * The breakouts strip of the session page: the banner everyone sees while a round runs (or has just
 * ended) and, for facilitators, a button that opens the breakout panel (start, overview, end).
 */
import { useMemo, useState } from 'react';
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
}

export function BreakoutsArea({ sessionId, state, where, me, facilitator, members, offsetMs }: BreakoutsAreaProps) {
  const actions = useMemo(() => breakoutsApi(sessionId), [sessionId]);
  const [open, setOpen] = useState(false);
  return (
    <div className="bo">
      <div className="bo__bar">
        <BreakoutBanner state={state} where={where} canPick={!facilitator} actions={actions} offsetMs={offsetMs} />
        {facilitator && (
          <Button size="sm" className="bo__toggle" aria-expanded={open} aria-controls="bo-panel" onClick={() => setOpen(!open)}>
            {state?.status === 'running' ? 'Breakout overview' : 'Breakouts'}
          </Button>
        )}
      </div>
      {facilitator && open && (
        <div id="bo-panel">
          <BreakoutPanel state={state} where={where} members={members} me={me} actions={actions} />
        </div>
      )}
    </div>
  );
}
