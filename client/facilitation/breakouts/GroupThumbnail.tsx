/**
 * A live thumbnail of one breakout group's board for the facilitator's overview: a read-only view of
 * the group's room (no device copy, no presence, never written) drawn with the archive's board preview.
 */
import { useEffect, useState } from 'react';
import { getBoard, readBoardItem } from '../../../shared/doc/layout.ts';
import { RoomConnection, type PresenceUser } from '../../collab/RoomConnection.ts';
import { useYSelector } from '../../collab/hooks.ts';
import { BoardPreview } from '../../pages/archive/BoardPreview.tsx';

/** Opens `room` for reading while mounted; invisible to the people in it. */
function useReadOnlyRoom(room: string, me: PresenceUser): RoomConnection | null {
  const [conn, setConn] = useState<RoomConnection | null>(null);
  useEffect(() => {
    const c = new RoomConnection(room, me, false, location.origin, false);
    // No presence: watching a group must not show the facilitator among its members.
    c.awareness.setLocalState(null);
    setConn(c);
    return () => {
      setConn(null);
      c.destroy();
    };
  }, [room, me.id]);
  return conn;
}

function LiveBoard({ conn }: { conn: RoomConnection }) {
  const items = useYSelector(getBoard(conn.doc), (b) => [...b.values()].map(readBoardItem), true);
  return (
    <div className="bo-thumb__board" data-items={items.length}>
      {items.length === 0 ? <span className="bo-thumb__empty">Empty board</span> : <BoardPreview items={items} />}
      <span className="sr-only">{items.length === 1 ? '1 item' : `${items.length} items`}</span>
    </div>
  );
}

/** The thumbnail of `room`'s board, updating live. */
export function GroupThumbnail({ room, me }: { room: string; me: PresenceUser }) {
  const conn = useReadOnlyRoom(room, me);
  return conn ? <LiveBoard conn={conn} /> : <div className="bo-thumb__board" aria-busy="true" />;
}
