/**
 * One live session room on the client: the Y.Doc, its y-websocket provider (which reconnects by
 * itself), y-indexeddb so that offline edits survive a reload, presence, and the honest save status.
 * Components receive a RoomConnection and read Yjs state through small hooks (see client/collab/hooks.ts).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { COLLAB_PATH, EXTENSIONS_PARAM, MessageType } from '../../shared/protocol/messages.ts';
import { CLOSE_REASONS } from '../../shared/protocol/closeCodes.ts';
import { SaveTracker } from './SaveTracker.ts';

/** The person as shown to others (the server overwrites it with the authenticated identity anyway). */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** Awareness state published by Commonplace clients. `user` is also what Tiptap's caret extension reads. */
export interface PresenceState {
  user: PresenceUser;
  /** Pointer position on the board, in board coordinates; null when off the board. */
  cursor?: { x: number; y: number } | null;
}

export class RoomConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly saves: SaveTracker;
  private readonly local: IndexeddbPersistence | null;
  private localReady = false;
  private destroyed = false;

  constructor(
    readonly room: string,
    readonly me: PresenceUser,
    /** Whether the server will accept this person's edits (the UI hides edit controls otherwise). */
    readonly canEdit: boolean,
    origin: string = location.origin,
    /** Keep a copy on this device (offline edits); off for rooms only the server writes (control rooms). */
    persist = true,
  ) {
    this.local = typeof indexedDB === 'undefined' || !persist ? null : new IndexeddbPersistence(`commonplace:${room}`, this.doc);
    this.provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + COLLAB_PATH, room, this.doc, {
      params: { [EXTENSIONS_PARAM]: '1' },
      maxBackoffTime: 5000,
      // Connect only once this device's copy is loaded: otherwise the cached document arrives as one
      // "update" after the handshake (megabytes for a big board), instead of as the small difference
      // that sync step 2 computes against what the server already has.
      connect: this.local === null,
    });
    void this.local?.whenSynced.then(() => {
      this.localReady = true;
      if (!this.destroyed && globalThis.navigator?.onLine !== false) this.provider.connect();
    });
    this.awareness = this.provider.awareness;
    this.saves = new SaveTracker(this.doc, (o) => o === this.provider || o === this.local);

    this.provider.messageHandlers[MessageType.Saved] = (_enc, dec) => this.saves.onStored(decoding.readVarUint8Array(dec));
    this.provider.messageHandlers[MessageType.Notice] = (_enc, dec) => {
      console.info('[commonplace] server notice', decoding.readVarString(dec));
    };
    this.provider.on('status', () => this.syncConnectionState());
    this.provider.on('sync', () => this.syncConnectionState());
    this.provider.on('connection-close', (event) => {
      this.saves.markAttemptFailed();
      if (event && event.code >= 4400 && event.code < 4500) this.saves.setRefused(event.code, event.reason || CLOSE_REASONS[event.code] || 'refused');
    });
    this.provider.on('connection-error', () => this.saves.markAttemptFailed());
    this.awareness.setLocalStateField('user', me);
    // The browser knows at once when the network goes, but an open WebSocket may not notice for a long
    // while (y-websocket gives up after 30 s of silence), showing "Saved" meanwhile: drop the socket
    // now, so edits are counted as kept on this device, and reconnect as soon as the network is back.
    globalThis.addEventListener?.('offline', this.onOffline);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  private onOffline = () => this.provider.disconnect();
  private onOnline = () => {
    if (this.localReady || !this.local) this.provider.connect();
  };

  private syncConnectionState() {
    this.saves.setConnection(this.provider.wsconnected, this.provider.synced);
  }

  /** Publishes this person's board pointer position (board coordinates) or null. */
  setCursor(cursor: { x: number; y: number } | null) {
    this.awareness.setLocalStateField('cursor', cursor);
  }

  destroy() {
    this.destroyed = true;
    globalThis.removeEventListener?.('offline', this.onOffline);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.saves.destroy();
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
  }
}
