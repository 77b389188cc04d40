/**
 * What the board shows of facilitation (client/board/BoardBadges.tsx): locked items, dot-vote badges
 * (my votes while a round runs, the totals once revealed) and, for facilitators, locking from the
 * selection bar through `POST …/locks` with `add`/`remove` (so two facilitators never undo each other).
 */
import { useMemo } from 'react';
import type { ControlSnapshot } from '../../shared/facilitation/control.ts';
import type { MyFacilitationDto } from '../../shared/api/facilitationSchemas.ts';
import type { BoardFacilitation } from '../board/BoardBadges.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

export function useBoardFacilitation(control: ControlSnapshot, mine: MyFacilitationDto | null, facilitator: boolean, actions: FacilitationApi): BoardFacilitation {
  const { locks, voteRound } = control;
  return useMemo(() => {
    const running = voteRound && !voteRound.revealed && mine?.round?.id === voteRound.id ? mine.round.ballot : null;
    return {
      lockedIds: new Set(locks.itemIds),
      boardLocked: locks.board,
      onLock: facilitator ? (ids: string[], locked: boolean) => actions.setLocks(locked ? { add: ids } : { remove: ids }) : undefined,
      voteTotals: voteRound?.revealed ? voteRound.totals : null,
      myVotes: running,
    };
  }, [locks, voteRound, mine, facilitator, actions]);
}
