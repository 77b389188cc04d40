/**
 * Undo/redo of one person's own agenda changes: a Y.UndoManager over the agenda array and the meta map
 * (where "Now" lives) that tracks only transactions tagged with this panel's origin, so other people's
 * edits and automatic repairs are never undone.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { getAgenda, getMeta } from '../../shared/doc/layout.ts';

export interface AgendaUndo {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

const NOTHING = { canUndo: false, canRedo: false };

/** An undo manager for `origin`'s agenda changes in `doc`, alive while the component is mounted. */
export function useAgendaUndo(doc: Y.Doc, origin: object): AgendaUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);

  useEffect(() => {
    // captureTimeout 0: every agenda action is its own step (no merging of quick successive clicks).
    const m = new Y.UndoManager([getAgenda(doc), getMeta(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    setManager(m);
    return () => {
      setManager(null);
      m.destroy();
    };
  }, [doc, origin]);

  const store = useMemo(() => {
    let snapshot = NOTHING;
    const read = () => {
      const next = { canUndo: !!manager?.canUndo(), canRedo: !!manager?.canRedo() };
      if (next.canUndo !== snapshot.canUndo || next.canRedo !== snapshot.canRedo) snapshot = next;
      return snapshot;
    };
    const subscribe = (notify: () => void) => {
      if (!manager) return () => {};
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) manager.on(e, notify);
      return () => {
        for (const e of events) manager.off(e, notify);
      };
    };
    return { read, subscribe };
  }, [manager]);

  const { canUndo, canRedo } = useSyncExternalStore(store.subscribe, store.read);
  const undo = useCallback(() => void manager?.undo(), [manager]);
  const redo = useCallback(() => void manager?.redo(), [manager]);
  return { undo, redo, canUndo, canRedo };
}
