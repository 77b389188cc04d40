/**
 * The minimal socket a room talks to. Rooms never see `ws` directly, so they can be unit-tested with an
 * in-memory socket and served over any transport.
 */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network (slow-reader protection). */
  readonly bufferedAmount: number;
}

/** Who is on the other end of a connection, decided once at connect (see authorizeUpgrade). */
export interface ConnectionContext {
  userId: string;
  name: string;
  color: string;
  room: string;
  sessionId: string;
  communityId: string;
  readOnly: boolean;
  /** Host or facilitator: board locks (SPEC R12) do not apply. */
  facilitator?: boolean;
  /** A guest's connection: the guest link it came through (revoking the link closes it, SPEC R15). */
  guestLinkId?: string;
  /** When this connection's access ends (ms since the epoch; a guest link's expiry): it is closed then. */
  accessUntil?: number;
  /** Opted in to Commonplace extension messages (`ext=1`). */
  extensions: boolean;
}
