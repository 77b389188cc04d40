/**
 * The y-websocket wire protocol as Commonplace speaks it. Types 0–3 are the standard ones every stock
 * `y-websocket` client understands. Types from 100 up are Commonplace extensions and are sent only to
 * connections that opted in with the `ext=1` query parameter, because a stock client logs an error on
 * any type it does not know.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Extension: the room's durably stored state vector; a client is "Saved" when it covers its own. */
  Saved: 100,
  /** Extension: a JSON notice from the server (e.g. `{ "kind": "readOnly" }`). */
  Notice: 101,
} as const;
export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a Sync message (y-protocols/sync). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** Query parameter with which a client asks for the extension messages above. */
export const EXTENSIONS_PARAM = 'ext';

/** Query parameter carrying a ticket from `POST /api/sessions/:id/ticket`. */
export const TOKEN_PARAM = 'token';

/** Path prefix of the collaboration endpoint: `/collab/<room>`. */
export const COLLAB_PATH = '/collab';

/** Room names are server-generated; anything else is refused before any lookup. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Notices the server may send (MessageType.Notice), JSON encoded. */
export type ServerNotice = { kind: 'readOnly' | 'locked'; message: string };
