/**
 * Facilitation marks on board items (issue 4): a lock on items a facilitator locked (members cannot
 * move or edit them; the server enforces it, SPEC R12) and dot-vote badges — my own votes while a
 * round runs, everyone's totals once the facilitator reveals them. Drawn in the board's layer at each
 * item's top-right corner, for the mounted items only.
 */
import type { BoardIndex } from './BoardIndex.ts';
import { icons } from './icons.tsx';

/** What the session tells the board about locks and votes. */
export interface BoardFacilitation {
  lockedIds: ReadonlySet<string>;
  boardLocked: boolean;
  /** Facilitators: lock (true) or unlock items for members. */
  onLock?: (ids: string[], locked: boolean) => Promise<unknown>;
  /** Totals per item once a round is revealed, else null. */
  voteTotals: Readonly<Record<string, number>> | null;
  /** My votes per item while a round runs, else null. */
  myVotes: Readonly<Record<string, number>> | null;
}

export function BoardBadges({ index, ids, facilitation: f }: { index: BoardIndex; ids: readonly string[]; facilitation: BoardFacilitation }) {
  const out = [];
  for (const id of ids) {
    const entry = index.get(id);
    if (!entry || entry.type === 'connector') continue;
    const locked = f.lockedIds.has(id);
    const votes = f.voteTotals ? (f.voteTotals[id] ?? 0) : f.myVotes ? (f.myVotes[id] ?? 0) : 0;
    if (!locked && votes === 0) continue;
    const { x, y, w } = entry.rect;
    out.push(
      <div key={id} className="board-badges" style={{ transform: `translate(${x + w}px, ${y}px)` }}>
        {votes > 0 && (
          <span className={`board-badge board-badge--votes${f.voteTotals ? '' : ' board-badge--mine'}`} title={f.voteTotals ? `${votes} votes` : `Your votes: ${votes}`}>
            <span className="board-sr-only">{f.voteTotals ? 'Votes:' : 'Your votes:'}</span> {votes}
          </span>
        )}
        {locked && (
          <span className="board-badge board-badge--lock" title="Locked by the facilitator">
            {icons.lock}
            <span className="board-sr-only">Locked</span>
          </span>
        )}
      </div>,
    );
  }
  return <>{out}</>;
}
