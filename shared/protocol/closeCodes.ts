/**
 * Every reason the server closes a collaboration WebSocket, defined once. Codes 1000–1015 are the
 * standard ones; 4000–4999 are ours. The client maps them to what it tells the person.
 *
 * The ranges follow the stock y-websocket client's convention: 4400–4499 mirror HTTP 4xx ("reconnecting
 * cannot fix this", the provider stops), every other code is transient and the provider reconnects.
 */
export const CloseCode = {
  /** Server is shutting down; reconnect later (the stock provider does). */
  GoingAway: 1001,
  /** A frame that is not a valid y-websocket message, or an update Yjs cannot apply. */
  InvalidMessage: 1007,
  /** A frame over the configured size limit (ws closes with this code itself). */
  MessageTooBig: 1009,
  /** Unexpected server error while handling this connection. */
  InternalError: 1011,
  /** A read-only connection (viewer) sent a document update; it was dropped, not stored. */
  ReadOnly: 4403,
  /** The person's role or session changed (logout, demotion): reconnect to get the new rights. */
  AuthorizationChanged: 4001,
  /**
   * The socket did not start syncing (send sync step 1) within `SYNC_DEADLINE_MS` of its upgrade (SPEC
   * R19). Transient on purpose: a stock client syncs at once, so a real one only hits this on a stalled
   * network, and reconnecting is the cure.
   */
  SyncDeadline: 4008,
  /** Awareness state too big or claiming too many client ids. */
  AwarenessRejected: 4400,
  /** The room's document would grow past the per-document size cap. */
  DocumentTooLarge: 4413,
  /** Too many open connections for this user. */
  TooManyConnections: 4429,
  /** The room's stored state could not be loaded; we refuse rather than serve an empty document. */
  RoomUnavailable: 4503,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

/** Human-readable reason sent with each close code (also the `reason` string of the close frame). */
export const CLOSE_REASONS: Record<number, string> = {
  [CloseCode.GoingAway]: 'server restarting',
  [CloseCode.InvalidMessage]: 'invalid message',
  [CloseCode.MessageTooBig]: 'message too big',
  [CloseCode.InternalError]: 'internal error',
  [CloseCode.ReadOnly]: 'read-only: you cannot edit this room',
  [CloseCode.AuthorizationChanged]: 'authorization changed',
  [CloseCode.SyncDeadline]: 'sync not started in time',
  [CloseCode.AwarenessRejected]: 'awareness state rejected',
  [CloseCode.DocumentTooLarge]: 'document size limit reached',
  [CloseCode.TooManyConnections]: 'too many connections',
  [CloseCode.RoomUnavailable]: 'room could not be loaded',
};
