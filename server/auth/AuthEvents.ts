/**
 * What the HTTP layer tells the collaboration layer when someone's rights change, so that open
 * WebSockets are closed (CloseCode.AuthorizationChanged) and reconnect with the new rights.
 */

/** Implemented by the collab layer; every method must return quickly and never throw. */
export interface AuthEvents {
  /** The user signed out: their sockets no longer have a session behind them. */
  userLoggedOut(userId: string): void;
  /** The user's role in the community changed: sockets opened with the old role must reconnect. */
  membershipChanged(communityId: string, userId: string): void;
  /** A guest link was revoked: its guests' sockets are closed, and their reconnects refused. */
  guestLinkRevoked?(linkId: string): void;
}
