/**
 * Keeps the search index current. After a room's changes are stored it waits `debounceMs` (collecting
 * every further change), then extracts the live document and replaces that session's entries (search
 * index, decisions and actions, resource library occurrences) — on a
 * timer, never inside the room's write path. A background pass indexes sessions whose index is missing
 * or out of date (never opened, changed before a crash, older extraction version): at start-up and
 * every `sweepIntervalMs`, one session at a time, yielding between sessions.
 */
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import { INDEX_VERSION, buildIndexEntries } from './indexEntries.ts';
import { readRoomContent, type LiveRooms } from './readRoomContent.ts';
import { syncActions } from './syncActions.ts';
import { syncResources } from './syncResources.ts';

/** The rooms the indexer follows (RoomRegistry satisfies this). */
export interface IndexedRooms extends LiveRooms {
  onRoomStored(listener: (room: { name: string }) => void): () => void;
}

/** The storage the indexer uses. */
export type IndexerStore = Pick<Store, 'getSession' | 'getSessionByRoom' | 'loadDoc' | 'searchIndex' | 'actions' | 'resources'>;

export interface KnowledgeIndexerOptions {
  /** Index a room at most this long after the first of its stored changes (INDEX_DEBOUNCE_MS). */
  debounceMs: number;
  /** Interval of the background pass; 0 runs it at start-up only (INDEX_SWEEP_INTERVAL_MS). */
  sweepIntervalMs: number;
  /** Wait before the start-up pass (default STARTUP_SWEEP_DELAY_MS), so that it does not slow a restart. */
  startDelayMs?: number;
}

/**
 * A restart first reloads the rooms people are in; the start-up pass (which may load big documents
 * from the store one after another) waits this long so that it does not compete with them.
 */
const STARTUP_SWEEP_DELAY_MS = 10_000;
/** Longest pause between two sessions of a pass (it pauses as long as the last one took, see runSweep). */
const MAX_SWEEP_PAUSE_MS = 250;

/** Sessions fetched per query of the background pass. */
const SWEEP_BATCH = 25;
/** Most sessions one background pass indexes; the next pass continues. */
const SWEEP_MAX = 5000;

interface SessionRef {
  sessionId: string;
  communityId: string;
  room: string;
  title: string;
}

/** Counters for logs and metrics. */
export interface IndexerMetrics {
  indexed: number;
  failures: number;
  lastMs: number;
}

export class KnowledgeIndexer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Index jobs run one after another, in order. */
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private stopped = false;
  readonly metrics: IndexerMetrics = { indexed: 0, failures: 0, lastMs: 0 };

  constructor(
    private readonly store: IndexerStore,
    private readonly rooms: IndexedRooms,
    private readonly opts: KnowledgeIndexerOptions,
    private readonly log: Logger,
  ) {}

  /** Follows stored room changes and starts the background pass. */
  start(): void {
    if (this.unsubscribe || this.stopped) return;
    this.unsubscribe = this.rooms.onRoomStored((room) => this.roomChanged(room.name));
    this.scheduleSweep(this.opts.startDelayMs ?? STARTUP_SWEEP_DELAY_MS);
  }

  /** Notes that a room's document changed; it is indexed within `debounceMs`. */
  roomChanged(room: string): void {
    if (this.stopped || this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      void this.enqueue(() => this.indexRoom(room));
    }, this.opts.debounceMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  /** Indexes a session now (e.g. after its title changed); resolves when its entries are stored. */
  indexSession(sessionId: string): Promise<void> {
    return this.enqueue(async () => {
      const s = await this.store.getSession(sessionId);
      if (s) await this.index({ sessionId: s.id, communityId: s.communityId, room: s.room, title: s.title });
    });
  }

  /** Indexes every room with changes waiting for their debounce now, and waits for all queued work. */
  async flush(): Promise<void> {
    const rooms = [...this.timers.keys()];
    for (const room of rooms) clearTimeout(this.timers.get(room));
    this.timers.clear();
    for (const room of rooms) void this.enqueue(() => this.indexRoom(room));
    await this.queue;
  }

  /** Stops following rooms and the background pass, and indexes what is still pending. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    await this.flush();
    this.stopped = true;
    await this.sweeping;
    await this.queue;
  }

  /** Runs one background pass now (also what start-up does); resolves when it is done. */
  sweep(): Promise<void> {
    // A store that cannot be read (a corrupt file, a lost connection) fails this pass, not the process:
    // the timer that runs it has nobody to hand the rejection to. The next pass tries again.
    this.sweeping ??= this.runSweep()
      .catch((err: unknown) => {
        this.metrics.failures++;
        this.log.error('knowledge.sweep_failed', { err });
      })
      .finally(() => {
        this.sweeping = null;
        if (this.opts.sweepIntervalMs > 0) this.scheduleSweep(this.opts.sweepIntervalMs);
      });
    return this.sweeping;
  }

  private scheduleSweep(delayMs: number) {
    if (this.stopped) return;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null;
      void this.sweep();
    }, delayMs);
    this.sweepTimer.unref();
  }

  private async runSweep() {
    // Sessions tried in this pass are not retried in it, so one that keeps failing cannot stall it.
    const tried = new Set<string>();
    let done = 0;
    while (!this.stopped && done < SWEEP_MAX) {
      const batch = (await this.store.searchIndex.listSessionsToIndex(INDEX_VERSION, tried.size + SWEEP_BATCH)).filter((s) => !tried.has(s.sessionId));
      if (batch.length === 0) break;
      for (const s of batch) {
        if (this.stopped) break;
        tried.add(s.sessionId);
        done++;
        // A room with a debounce running is indexed by it anyway.
        const started = performance.now();
        if (!this.timers.has(s.room)) await this.enqueue(() => this.index(s));
        // Yield as long as the session took (a big document is decoded on the event loop): the pass
        // takes at most about half of the server's time while rooms are being served.
        const pause = Math.min(performance.now() - started, MAX_SWEEP_PAUSE_MS);
        await new Promise((resolve) => (pause >= 1 ? setTimeout(resolve, pause) : setImmediate(resolve)));
      }
    }
    if (done > 0) this.log.info('knowledge.sweep_done', { sessions: done });
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job).catch((err: unknown) => {
      this.metrics.failures++;
      this.log.error('knowledge.index_failed', { err });
    });
    this.queue = run;
    return run;
  }

  private async indexRoom(room: string) {
    const s = await this.store.getSessionByRoom(room);
    if (s) await this.index({ sessionId: s.id, communityId: s.communityId, room: s.room, title: s.title });
  }

  private async index(s: SessionRef) {
    const started = performance.now();
    // Taken before reading: anything stored after this moment marks the session out of date again.
    const indexedAt = new Date().toISOString();
    const content = await readRoomContent(s.room, { store: this.store, rooms: this.rooms });
    await this.store.searchIndex.replaceSessionEntries(s.sessionId, s.communityId, buildIndexEntries(s.title, content), {
      version: INDEX_VERSION,
      indexedAt,
    });
    await syncActions(this.store, s, content);
    await syncResources(this.store, s, content, indexedAt);
    this.metrics.indexed++;
    this.metrics.lastMs = performance.now() - started;
    this.log.debug('knowledge.indexed', { sessionId: s.sessionId, ms: Math.round(this.metrics.lastMs) });
  }
}
