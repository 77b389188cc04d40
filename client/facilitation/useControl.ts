/**
 * Reads a session's facilitation state from its control room, and estimates the server's clock so
 * that every client counts the timer down from the same moment.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getControl, readControl, type ControlSnapshot } from '../../shared/facilitation/control.ts';
import type { MyFacilitationDto } from '../../shared/api/facilitationSchemas.ts';
import { api } from '../api/http.ts';
import type { RoomConnection } from '../collab/RoomConnection.ts';

const EMPTY: ControlSnapshot = readControl({ get: () => undefined } as never);

/** The control doc as plain data (empty until connected); re-renders when the server changes it. */
export function useControl(conn: RoomConnection | null): ControlSnapshot {
  const cache = useRef<{ conn: RoomConnection | null; value: ControlSnapshot }>({ conn: null, value: EMPTY });
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!conn) return () => {};
      const map = getControl(conn.doc);
      const h = () => {
        cache.current = { conn, value: readControl(map) };
        notify();
      };
      map.observe(h);
      return () => map.unobserve(h);
    },
    [conn],
  );
  return useSyncExternalStore(subscribe, () => {
    if (cache.current.conn !== conn) cache.current = { conn, value: conn ? readControl(getControl(conn.doc)) : EMPTY };
    return cache.current.value;
  });
}

/**
 * My private facilitation state (ballot, poll answers) and the server clock offset (server − local, ms),
 * refetched whenever `version` changes (e.g. the vote round).
 */
export function useMyFacilitation(sessionId: string, version: string): { mine: MyFacilitationDto | null; offsetMs: number; refresh: () => void } {
  const [mine, setMine] = useState<MyFacilitationDto | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    const sent = Date.now();
    api
      .get<MyFacilitationDto>(`/api/sessions/${encodeURIComponent(sessionId)}/votes/mine`, ctrl.signal)
      .then((dto) => {
        const received = Date.now();
        // The server read its clock about halfway through the round trip.
        setOffset(dto.serverNow - (sent + received) / 2);
        setMine(dto);
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [sessionId, version, tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { mine, offsetMs, refresh };
}
