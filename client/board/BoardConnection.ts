/**
 * What the board needs from a room connection. RoomConnection satisfies it; naming only these members
 * keeps the board independent of the provider (and lets a test page drive it with a plain Y.Doc).
 */
import type { RoomConnection } from '../collab/RoomConnection.ts';

/** The slice of RoomConnection the board uses: the document, presence, who I am and whether I may edit. */
export type BoardConnection = Pick<RoomConnection, 'doc' | 'awareness' | 'me' | 'canEdit' | 'setCursor'>;
