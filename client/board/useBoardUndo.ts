/**
 * Undo and redo of this person's own board changes (a Y.UndoManager scoped to the board map and to the
 * one origin this client writes with), with canUndo/canRedo as React state for the toolbar.
 */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createBoardUndoManager } from './boardOps.ts';

/** What the board uses of its undo manager. */
export interface BoardUndo {
  undo: () => void;
  redo: () => void;
  /** Ends the current undo step, so the next change starts a new one (drag start/end, discrete actions). */
  stopCapturing: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** An undo manager for writes made with `origin`, created and destroyed with the component. */
export function useBoardUndo(doc: Y.Doc, origin: object): BoardUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const um = createBoardUndoManager(doc, origin);
    const sync = () => setState({ canUndo: um.canUndo(), canRedo: um.canRedo() });
    um.on('stack-item-added', sync);
    um.on('stack-item-popped', sync);
    um.on('stack-cleared', sync);
    setManager(um);
    sync();
    return () => {
      setManager(null);
      um.destroy();
    };
  }, [doc, origin]);
  const undo = useCallback(() => {
    manager?.stopCapturing();
    manager?.undo();
  }, [manager]);
  const redo = useCallback(() => manager?.redo(), [manager]);
  const stopCapturing = useCallback(() => manager?.stopCapturing(), [manager]);
  return { undo, redo, stopCapturing, ...state };
}
