/**
 * Fan-out of room traffic between server nodes. A node publishes each update after it is stored and each
 * presence change as it happens; every other node with the room loaded applies them and relays them to
 * its own clients. One node needs none of this (LocalFanout); several share Redis (RedisFanout).
 */

/** What a node receives for one room from the other nodes. */
export interface RoomFanoutHandlers {
  /** A document update another node has already stored. */
  onUpdate(update: Uint8Array): void;
  /** An encoded awareness update from another node's clients. */
  onAwareness(update: Uint8Array): void;
}

export interface Fanout {
  /** Starts receiving a room's traffic. Resolves once subscribed, so that a load after it misses nothing. */
  subscribe(room: string, handlers: RoomFanoutHandlers): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  publishUpdate(room: string, update: Uint8Array): void;
  publishAwareness(room: string, update: Uint8Array): void;
  /**
   * Called after the connection to the other nodes was lost and restored: messages may have been missed
   * in between, so rooms must re-read their stored state (updates are idempotent).
   */
  onResync(listener: () => void): void;
  /** Health check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Single node: nothing to share. */
export class LocalFanout implements Fanout {
  async subscribe() {}
  async unsubscribe() {}
  publishUpdate() {}
  publishAwareness() {}
  onResync() {}
  async ping() {}
  async close() {}
}
