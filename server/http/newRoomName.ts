/** Room names are generated here, never chosen by clients, so they always match ROOM_NAME_PATTERN. */
import { randomBytes } from 'node:crypto';

/** A new room name: `s_` + 16 base64url characters (96 random bits). */
export function newRoomName(): string {
  return `s_${randomBytes(12).toString('base64url')}`;
}
