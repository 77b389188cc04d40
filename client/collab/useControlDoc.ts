/**
 * Opens a session's control room (`<room>-ctl`, SPEC R11): read-only for everyone, written by the
 * server on facilitators' and members' validated requests. No device copy: the server's is the truth.
 */
import { useEffect, useState } from 'react';
import { controlRoomOf } from '../../shared/facilitation/control.ts';
import { RoomConnection, type PresenceUser } from './RoomConnection.ts';

/** The control room's connection while the component is mounted (null until then). */
export function useControlDoc(room: string | null, me: PresenceUser | null): RoomConnection | null {
  const [conn, setConn] = useState<RoomConnection | null>(null);
  useEffect(() => {
    if (!room || !me) return;
    const c = new RoomConnection(controlRoomOf(room), me, false, location.origin, false);
    setConn(c);
    return () => {
      setConn(null);
      c.destroy();
    };
  }, [room, me?.id, me?.name, me?.color]);
  return conn;
}
