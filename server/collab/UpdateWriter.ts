/**
 * Stores every room's changes before they are broadcast (SPEC R3). Changes that arrive in one event-loop
 * tick, across all rooms, are written in one transaction, then each room broadcasts its merged update
 * once. A failed write puts the changes back and retries with backoff; nothing is broadcast or lost
 * meanwhile (R8).
 */
import * as Y from 'yjs';
import type { DocStore, PendingUpdate } from '../store/types.ts';
import type { Room, UpdateSink } from './Room.ts';
import type { Logger } from '../log.ts';

export interface WriterMetrics {
  batches: number;
  updates: number;
  bytes: number;
  failures: number;
  lastBatchMs: number;
}

export class UpdateWriter implements UpdateSink {
  private queued = new Set<Room>();
  private scheduled = false;
  private inFlight: Promise<void> | null = null;
  private retryDelayMs = 0;
  readonly metrics: WriterMetrics = { batches: 0, updates: 0, bytes: 0, failures: 0, lastBatchMs: 0 };
  /** Called after a room's rows were written (compaction trigger). */
  onStored: (room: Room) => void = () => {};

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
  ) {}

  enqueue(room: Room) {
    this.queued.add(room);
    this.schedule();
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this tick: every frame that arrived in the same
    // poll phase lands in one batch.
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (this.retryDelayMs > 0) setTimeout(run, this.retryDelayMs);
    else setImmediate(run);
  }

  /** Writes everything queued now; resolves when it is stored (or has been put back after a failure). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.queued.size === 0) return;
    const rooms = [...this.queued];
    this.queued.clear();
    const batch: PendingUpdate[] = [];
    const taken: { room: Room; update: Uint8Array; sv: Uint8Array | null }[] = [];
    for (const room of rooms) {
      const update = room.takePending();
      if (!update) continue;
      // The state vector at the moment of taking is what this write makes durable.
      taken.push({ room, update, sv: room.wantsSavedAcks() ? Y.encodeStateVector(room.doc) : null });
      batch.push({ room: room.name, update });
    }
    if (batch.length === 0) return;
    const started = performance.now();
    this.inFlight = this.store.appendUpdates(batch).then(
      () => {
        this.retryDelayMs = 0;
        this.metrics.batches++;
        this.metrics.updates += batch.length;
        for (const t of taken) this.metrics.bytes += t.update.byteLength;
        this.metrics.lastBatchMs = performance.now() - started;
        for (const t of taken) {
          if (!t.room.destroyed) t.room.broadcastStored(t.update, t.sv);
          this.onStored(t.room);
        }
      },
      (err: unknown) => {
        this.metrics.failures++;
        this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, 100), 5000);
        this.log.error('collab.write_failed', { rooms: taken.length, retryInMs: this.retryDelayMs, err });
        for (const t of taken) {
          t.room.restorePending(t.update);
          this.queued.add(t.room);
        }
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.queued.size > 0) this.schedule();
  }

  /** True while `room` has changes queued or being written (unload must wait, R8). */
  isBusy(room: Room): boolean {
    return this.queued.has(room) || room.hasPending() || this.inFlight !== null;
  }

  /** Flushes until nothing is queued (shutdown). Gives up after `timeoutMs` and reports it. */
  async drain(timeoutMs = 8000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while ((this.queued.size > 0 || this.inFlight) && Date.now() < deadline) {
      this.retryDelayMs = 0;
      await this.flush();
      if (this.queued.size > 0) await new Promise((r) => setTimeout(r, 50));
    }
    return this.queued.size === 0 && !this.inFlight;
  }
}
