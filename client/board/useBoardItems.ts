/**
 * The board's item index as React state: a BoardIndex over the room's board map, and the snapshot of
 * which items to mount. The Board re-renders only when that set changes (items added, removed, or
 * entering/leaving the culled view); each item re-renders itself from its own Y.Map.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getBoard } from '../../shared/doc/layout.ts';
import { BoardIndex, type BoardIndexSnapshot } from './BoardIndex.ts';
import type { Rect } from '../../shared/board/geometry.ts';

const EMPTY: BoardIndexSnapshot = { ids: [], count: 0 };
const noSubscription = () => () => {};

/**
 * The index of `doc`'s board and its current snapshot. The index is created in an effect (so React
 * StrictMode's double mount cannot leave a destroyed index in use) with `initialView` as its culling
 * rect, so that a large board never mounts all its items even for one frame.
 */
export function useBoardItems(
  doc: Y.Doc,
  initialView: () => Rect | null,
): { index: BoardIndex | null; snapshot: BoardIndexSnapshot } {
  const [index, setIndex] = useState<BoardIndex | null>(null);
  useEffect(() => {
    const next = new BoardIndex(getBoard(doc));
    next.setView(initialView());
    setIndex(next);
    return () => {
      setIndex(null);
      next.destroy();
    };
    // initialView is read once per index, on purpose: later views come from Board's culling effect.
  }, [doc]);
  const snapshot = useSyncExternalStore(index ? index.subscribe : noSubscription, index ? index.getSnapshot : () => EMPTY);
  return { index, snapshot };
}
