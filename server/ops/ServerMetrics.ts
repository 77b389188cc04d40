/**
 * The server's Prometheus metrics: process, storage and collaboration. Built once by the composition
 * root, which wraps the document store with `docStore()` and hands the collab layer to `observeCollab()`.
 * Components keep their own plain counters; these read them at scrape time.
 */
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType } from '../../shared/protocol/messages.ts';
import type { DocStore } from '../store/types.ts';
import type { CollabServer } from '../collab/CollabServer.ts';
import type { RoomRegistry } from '../collab/RoomRegistry.ts';
import { MetricsRegistry, exponentialBuckets, type Counter, type Histogram } from './metrics.ts';
import { registerProcessMetrics } from './processMetrics.ts';

/** Kinds of `commonplace_errors_total`. */
export type ErrorKind =
  | 'bad_frame'
  | 'awareness_rejected'
  | 'document_too_large'
  | 'read_only_write'
  | 'connection_limit'
  | 'slow_reader'
  | 'internal_error'
  | 'room_load_failed'
  | 'compaction_failed';

/** Close code of a reader dropped for letting its send buffer grow (server/collab/Connection.ts). */
const SLOW_READER_CODE = 1013;

/** Server-initiated closes that mean something went wrong, and the error kind each counts as. */
const ERROR_BY_CLOSE_CODE = new Map<number, ErrorKind>([
  [CloseCode.InvalidMessage, 'bad_frame'],
  [CloseCode.AwarenessRejected, 'awareness_rejected'],
  [CloseCode.DocumentTooLarge, 'document_too_large'],
  [CloseCode.ReadOnly, 'read_only_write'],
  [CloseCode.TooManyConnections, 'connection_limit'],
  [SLOW_READER_CODE, 'slow_reader'],
  [CloseCode.InternalError, 'internal_error'],
]);

/** `reason` label of each close code: the CloseCode name in snake_case. */
const CLOSE_REASON = new Map<number, string>([
  ...Object.entries(CloseCode).map(([name, code]) => [code, name.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase())] as const),
  [SLOW_READER_CODE, 'slow_reader'],
]);

const FRAME_TYPES = ['sync', 'awareness', 'query_awareness', 'other'] as const;
type FrameType = (typeof FRAME_TYPES)[number];

function frameType(frame: Uint8Array): FrameType {
  // Message types are varuints below 128, so the first byte is the type.
  switch (frame[0]) {
    case MessageType.Sync:
      return 'sync';
    case MessageType.Awareness:
      return 'awareness';
    case MessageType.QueryAwareness:
      return 'query_awareness';
    default:
      return 'other';
  }
}

/** Seconds since `start` (a performance.now() reading). */
const since = (start: number) => (performance.now() - start) / 1000;

export class ServerMetrics {
  readonly registry = new MetricsRegistry();
  private readonly errors: Counter<'kind'>;
  private readonly loadSeconds: Histogram;
  private readonly writeSeconds: Histogram;

  constructor() {
    registerProcessMetrics(this.registry);
    this.errors = this.registry.counter({
      name: 'commonplace_errors_total',
      help: 'Errors by kind: frames refused, limits hit, rooms that failed to load, failed compactions.',
      labelNames: ['kind'],
    });
    // Every kind starts at 0, so that rate() and alerts see the series before the first error.
    for (const kind of [...new Set(ERROR_BY_CLOSE_CODE.values()), 'room_load_failed', 'compaction_failed'] as ErrorKind[]) {
      this.errors.inc({ kind }, 0);
    }
    this.loadSeconds = this.registry.histogram({
      name: 'commonplace_room_load_duration_seconds',
      help: "Time to read a room's stored state (snapshot and log) when it is first opened.",
      buckets: exponentialBuckets(0.001, 2, 14),
    });
    this.writeSeconds = this.registry.histogram({
      name: 'commonplace_write_batch_duration_seconds',
      help: 'Time to store one batch of updates (one transaction): how long changes wait before they are broadcast.',
      buckets: exponentialBuckets(0.0005, 2, 14),
    });
  }

  /** Counts one error of `kind`. */
  countError(kind: ErrorKind): void {
    this.errors.inc({ kind });
  }

  /**
   * The document store with timing and failure counting around loads, batch writes and compactions.
   * Behaviour is unchanged: every result and error passes through.
   */
  docStore(store: DocStore): DocStore {
    return {
      loadDoc: async (room) => {
        const start = performance.now();
        try {
          const doc = await store.loadDoc(room);
          this.loadSeconds.observe(since(start));
          return doc;
        } catch (err) {
          this.countError('room_load_failed');
          throw err;
        }
      },
      appendUpdates: async (batch) => {
        const start = performance.now();
        await store.appendUpdates(batch);
        // Failures are counted by the writer (commonplace_write_failures_total).
        this.writeSeconds.observe(since(start));
      },
      countUpdates: (room) => store.countUpdates(room),
      compact: async (room, merge) => {
        try {
          await store.compact(room, merge);
        } catch (err) {
          this.countError('compaction_failed');
          throw err;
        }
      },
      listRooms: () => store.listRooms(),
    };
  }

  /** Exposes the rooms, connections and writer of this node, and hooks the collab server's frames and closes. */
  observeCollab(rooms: RoomRegistry, collab: CollabServer): void {
    const m = this.registry;
    const writer = rooms.writer.metrics;
    m.gauge({
      name: 'commonplace_rooms_loaded',
      help: 'Rooms whose document is in memory on this node.',
      collect: () => {
        let n = 0;
        for (const _ of rooms.loadedRooms()) n++;
        return n;
      },
    });
    m.gauge({ name: 'commonplace_connections_open', help: 'Open collaboration WebSockets on this node.', collect: () => collab.connectionCount() });
    m.counter({ name: 'commonplace_updates_stored_total', help: 'Document updates stored (one merged update per room per batch).', collect: () => writer.updates });
    m.counter({ name: 'commonplace_update_bytes_stored_total', help: 'Bytes of document updates stored.', collect: () => writer.bytes });
    m.counter({ name: 'commonplace_write_batches_total', help: 'Write transactions that stored a batch of updates.', collect: () => writer.batches });
    m.counter({ name: 'commonplace_write_failures_total', help: 'Batch writes that failed (their updates are kept and retried).', collect: () => writer.failures });
    m.gauge({ name: 'commonplace_write_batch_last_seconds', help: 'Duration of the last successful batch write.', collect: () => writer.lastBatchMs / 1000 });

    const sizes = m.histogram<'type'>({
      name: 'commonplace_collab_message_bytes',
      help: 'Sizes of incoming collaboration frames, by message type.',
      labelNames: ['type'],
      buckets: exponentialBuckets(16, 4, 10),
    });
    const byType = Object.fromEntries(FRAME_TYPES.map((type) => [type, sizes.labels({ type })])) as Record<FrameType, { observe(v: number): void }>;
    collab.onFrame = (frame) => byType[frameType(frame)].observe(frame.byteLength);

    const closes = m.counter<'reason'>({
      name: 'commonplace_collab_closes_total',
      help: 'Collaboration sockets closed by the server, by reason.',
      labelNames: ['reason'],
    });
    collab.onServerClose = (code) => {
      closes.inc({ reason: CLOSE_REASON.get(code) ?? 'other' });
      const kind = ERROR_BY_CLOSE_CODE.get(code);
      if (kind) this.countError(kind);
    };
  }
}
