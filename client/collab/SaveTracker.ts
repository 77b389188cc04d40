/**
 * Honest save status. The server tells opted-in clients its durably stored state vector after every
 * write (MessageType.Saved); we are "saved" only when that vector covers everything this device knows.
 * While disconnected we count local changes, which y-indexeddb keeps on this device until they sync.
 */
import * as Y from 'yjs';

export type SaveStatus =
  | { kind: 'connecting' }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'offline'; pending: number }
  | { kind: 'refused'; code: number; reason: string };

/** True when every client clock in `local` is ≤ the same client's clock in `stored`. */
export function stateVectorCovers(stored: Map<number, number>, local: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

export class SaveTracker {
  private stored = new Map<number, number>();
  private pendingLocal = 0;
  private connected = false;
  private synced = false;
  /** Until the first sync or the first failed attempt, "not connected" means "connecting", not offline. */
  private everSynced = false;
  private attemptFailed = false;
  private refused: { code: number; reason: string } | null = null;
  private status: SaveStatus = { kind: 'connecting' };
  private listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    /** Origins of transactions that did not come from this person (the provider, y-indexeddb). */
    private readonly isRemoteOrigin: (origin: unknown) => boolean,
  ) {
    doc.on('afterTransaction', this.onTransaction);
  }

  private onTransaction = (tr: Y.Transaction) => {
    if (tr.local && !this.isRemoteOrigin(tr.origin) && tr.afterState.size > 0 && changed(tr)) this.pendingLocal++;
    this.recompute();
  };

  /** Server message: the stored state vector. */
  onStored(sv: Uint8Array) {
    this.stored = Y.decodeStateVector(sv);
    this.recompute();
  }

  setConnection(connected: boolean, synced: boolean) {
    this.connected = connected;
    this.synced = synced;
    if (synced) this.everSynced = true;
    if (connected) this.refused = null;
    this.recompute();
  }

  /** A connection attempt failed or a connection dropped: from now on, "not connected" is offline. */
  markAttemptFailed() {
    this.attemptFailed = true;
    this.recompute();
  }

  setRefused(code: number, reason: string) {
    this.refused = { code, reason };
    this.recompute();
  }

  private recompute() {
    let next: SaveStatus;
    const covered = stateVectorCovers(this.stored, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
    if (covered && this.synced) this.pendingLocal = 0;
    if (this.refused) next = { kind: 'refused', ...this.refused };
    else if (!this.connected && !this.everSynced && !this.attemptFailed) next = { kind: 'connecting' };
    else if (!this.connected) next = { kind: 'offline', pending: this.pendingLocal };
    else if (!this.synced) next = { kind: 'connecting' };
    else next = covered ? { kind: 'saved' } : { kind: 'saving' };
    if (!sameStatus(next, this.status)) {
      this.status = next;
      for (const l of this.listeners) l();
    }
  }

  getSnapshot = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy() {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }
}

function changed(tr: Y.Transaction): boolean {
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return tr.deleteSet.clients.size > 0;
}

function sameStatus(a: SaveStatus, b: SaveStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
