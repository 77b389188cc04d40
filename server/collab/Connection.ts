/**
 * One client's WebSocket in one room: its identity, the awareness client ids it owns, and a guarded
 * send that drops slow readers before their buffer grows without bound.
 */
import type { CollabSocket, ConnectionContext } from './CollabSocket.ts';
import { CLOSE_REASONS } from '../../shared/protocol/closeCodes.ts';

/** A reader that lets this much pile up in its send buffer is disconnected (it reconnects and resyncs). */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Close code for a slow reader: 1013 "try again later"; the stock provider reconnects. */
const SLOW_READER_CODE = 1013;

export class Connection {
  /** Awareness client ids this connection has published. */
  readonly awarenessIds = new Set<number>();
  closed = false;
  /**
   * Changes of this connection were refused while audience mode made it view-only (SPEC R14): its copy
   * is ahead of the room's, so once it may write again it is reconnected to send them in a fresh sync.
   */
  refusedWrites = false;

  constructor(
    readonly socket: CollabSocket,
    readonly ctx: ConnectionContext,
  ) {}

  send(frame: Uint8Array) {
    if (this.closed) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(SLOW_READER_CODE, 'reader too slow');
      return;
    }
    try {
      this.socket.send(frame);
    } catch {
      this.close(1011, CLOSE_REASONS[1011]);
    }
  }

  close(code: number, reason = CLOSE_REASONS[code] ?? '') {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch {
      // Already closed underneath us: nothing left to tell the client.
    }
  }
}
