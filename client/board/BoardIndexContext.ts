/**
 * The board's item index, for the few item views that draw from other items (a connector follows its
 * ends). A context rather than a prop, so that BoardItem's memoised props stay the same for every item.
 */
import { createContext, useContext } from 'react';
import type { BoardIndex } from './BoardIndex.ts';

export const BoardIndexContext = createContext<BoardIndex | null>(null);

/** The index of the board this item is on (null outside a board). */
export function useBoardIndex(): BoardIndex | null {
  return useContext(BoardIndexContext);
}
