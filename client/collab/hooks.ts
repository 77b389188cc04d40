/**
 * React bindings for Yjs: components subscribe to exactly the shared type they render, through
 * useSyncExternalStore, so a remote change re-renders only what it touched.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { RoomConnection, type PresenceState, type PresenceUser } from './RoomConnection.ts';

/**
 * Opens the room while the component is mounted. Created in an effect (not useMemo) so that React
 * StrictMode's double mount does not leave a dangling provider.
 */
export function useRoomConnection(room: string | null, me: PresenceUser | null, canEdit: boolean): RoomConnection | null {
  const [conn, setConn] = useState<RoomConnection | null>(null);
  useEffect(() => {
    if (!room || !me) return;
    const c = new RoomConnection(room, me, canEdit);
    setConn(c);
    return () => {
      setConn(null);
      c.destroy();
    };
  }, [room, me?.id, me?.name, me?.color, canEdit]);
  return conn;
}

/**
 * Re-renders when `type` (or anything inside it, if `deep`) changes, returning `select(type)`.
 * The selection is recomputed only after a change, so it may return a fresh array/object.
 */
export function useYSelector<T extends Y.AbstractType<any>, R>(type: T, select: (t: T) => R, deep = false): R {
  const cache = useRef<{ type: T; version: number; value: R } | null>(null);
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) => {
      const handler = () => {
        version.current++;
        notify();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    [type, deep],
  );
  const getSnapshot = () => {
    const c = cache.current;
    if (c && c.type === type && c.version === version.current) return c.value;
    const value = select(type);
    cache.current = { type, version: version.current, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Everyone in the room (including me), keyed by awareness client id. */
export function usePresence(conn: RoomConnection): Map<number, PresenceState> {
  const cache = useRef<Map<number, PresenceState>>(new Map());
  const subscribe = useCallback(
    (notify: () => void) => {
      const h = () => {
        cache.current = new Map(conn.awareness.getStates() as Map<number, PresenceState>);
        notify();
      };
      h();
      conn.awareness.on('change', h);
      return () => conn.awareness.off('change', h);
    },
    [conn],
  );
  return useSyncExternalStore(subscribe, () => cache.current);
}

/** The honest save status of the room. */
export function useSaveStatus(conn: RoomConnection) {
  return useSyncExternalStore(conn.saves.subscribe, conn.saves.getSnapshot);
}
