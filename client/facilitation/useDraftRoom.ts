/**
 * Private mode (SPEC R13): the draft room this person may open. A member gets their own draft room
 * (editable) from the first time private mode is turned on, and keeps it open after the reveal so a
 * note typed at that moment still reaches the server (which reveals it at once); a facilitator gets the
 * server-written mirror of everyone's drafts (read-only) while private mode is on.
 */
import { useEffect, useState } from 'react';
import { draftRoomOf, draftsRoomOf, type PrivateModeState } from '../../shared/facilitation/privateMode.ts';
import { RoomConnection, type PresenceUser } from '../collab/RoomConnection.ts';
import type { BoardDrafts } from '../board/DraftLayer.tsx';

export function useDraftRoom(room: string, me: PresenceUser | null, mode: PrivateModeState | null, role: { facilitator: boolean; canEdit: boolean }): BoardDrafts | null {
  const [drafts, setDrafts] = useState<BoardDrafts | null>(null);
  const name = !me || !mode ? null : role.facilitator ? (mode.on ? draftsRoomOf(room) : null) : role.canEdit ? draftRoomOf(room, me.id) : null;
  const mine = !role.facilitator;
  useEffect(() => {
    if (!name || !me) return;
    // No device copy: a draft must not outlive the reveal in this browser's storage.
    const c = new RoomConnection(name, me, mine, location.origin, false);
    setDrafts({ doc: c.doc, mine });
    return () => {
      setDrafts(null);
      c.destroy();
    };
  }, [name, mine, me?.id, me?.name, me?.color]);
  return drafts;
}
