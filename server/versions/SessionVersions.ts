/**
 * Keeps versions of session documents for the timeline and catch-up: a full state
 * (Y.encodeStateAsUpdate, deflated: versionState.ts) at most every `intervalMs` while a room changes, and when the room unloads
 * (the session's end: the last person left). Captures run on timers, one at a time, never inside a
 * room's write path; a room that did not change since its last version is not captured again. After
 * each capture the session's versions are thinned (thinVersions.ts) so storage stays bounded.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { splitFacilitationRoom } from '../../shared/facilitation/control.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { VersionDto } from '../../shared/knowledge/versions.ts';
import { applyAll } from '../collab/Room.ts';
import { extractContent } from '../knowledge/extractContent.ts';
import type { Logger } from '../log.ts';
import type { SessionRecord, Store, VersionRecord } from '../store/types.ts';
import { replaceContent } from './replaceContent.ts';
import { packState, unpackState } from './versionState.ts';
import { DEFAULT_THINNING, thinVersions, type ThinningPolicy } from './thinVersions.ts';

/** The rooms versions are taken of (RoomRegistry satisfies this). */
export interface VersionedRooms {
  onRoomStored(listener: (room: { name: string }) => void): () => void;
  onRoomUnloaded(listener: (name: string) => void): () => void;
  get(name: string): { doc: Y.Doc; destroyed?: boolean } | undefined;
  change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T>;
}

export type VersionsStore = Pick<Store, 'getSessionByRoom' | 'loadDoc' | 'versions'>;

export interface SessionVersionsOptions {
  /** A changing room is captured at most this often (VERSION_INTERVAL_MS). */
  intervalMs: number;
  /** Marking "seen" captures a changed room only if its last version is at least this old. */
  seenGapMs: number;
  thinning?: ThinningPolicy;
}

/** Counters for logs, metrics and the cost figures in the README. */
export interface VersionMetrics {
  captured: number;
  skipped: number;
  thinned: number;
  failures: number;
  lastBytes: number;
  /** Time to encode (or load and encode) the state, and store it. */
  lastMs: number;
}

/** A stored version as the API shows it. */
export function toVersionDto(v: Omit<VersionRecord, 'state'>): VersionDto {
  return { id: v.id, takenAt: v.takenAt, bytes: v.bytes };
}

/** The content of a stored version's state (null: the empty document). */
export async function versionContent(stored: Uint8Array | null): Promise<SessionContent> {
  const state = stored ? await unpackState(stored) : null;
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return extractContent(doc);
  } finally {
    doc.destroy();
  }
}

/** Tries of a restore when the room changed between keeping its state and restoring. */
const RESTORE_ATTEMPTS = 3;

/** The room changed under every try of a restore (nothing was changed). */
export class RestoreConflictError extends Error {}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
}

export class SessionVersions {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Rooms with stored changes since their last version. */
  private readonly dirty = new Set<string>();
  /** Per room: when its last version was taken (ms) on this node. */
  private readonly lastTaken = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastStamp = 0;
  private unsubscribe: (() => void)[] = [];
  private stopped = false;
  readonly metrics: VersionMetrics = { captured: 0, skipped: 0, thinned: 0, failures: 0, lastBytes: 0, lastMs: 0 };

  constructor(
    private readonly store: VersionsStore,
    private readonly rooms: VersionedRooms,
    private readonly opts: SessionVersionsOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.unsubscribe.length > 0 || this.stopped) return;
    this.unsubscribe = [this.rooms.onRoomStored((room) => this.roomChanged(room.name)), this.rooms.onRoomUnloaded((name) => this.roomUnloaded(name))];
  }

  /** Notes a stored change: the room is captured within `intervalMs` (cheap: a set and a timer). */
  roomChanged(room: string): void {
    // Control and private rooms have no versions; their traffic must not cost a lookup each.
    if (this.stopped || splitFacilitationRoom(room).kind !== null) return;
    this.dirty.add(room);
    if (this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      void this.enqueue(() => this.capture(room, false));
    }, this.opts.intervalMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  /** The session's end on this node: capture what changed since the last version now. */
  private roomUnloaded(room: string): void {
    if (this.stopped) return;
    this.cancelTimer(room);
    // Per-room state is dropped with the room, so memory follows the loaded rooms, not all rooms ever.
    void this.enqueue(async () => {
      await this.capture(room, false);
      this.lastTaken.delete(room);
      return null;
    });
  }

  /** A member marked the session seen: make sure a version close to now exists, within `seenGapMs`. */
  async noteSeen(room: string): Promise<void> {
    if (this.stopped || !this.dirty.has(room)) return;
    if (Date.now() - (this.lastTaken.get(room) ?? 0) < this.opts.seenGapMs) return;
    this.cancelTimer(room);
    await this.enqueue(() => this.capture(room, false));
  }

  /**
   * Restores a version into the live room (host rights are checked by the caller): the current state is
   * kept as a version first, then the old content is written as new changes (RoomRegistry.change), so
   * every client converges and the restore can itself be undone. Null if there is no such version.
   */
  async restore(session: SessionRecord, versionId: string): Promise<{ restored: VersionDto; savedBefore: VersionDto } | null> {
    const version = await this.store.versions.getVersion(session.id, versionId);
    if (!version) return null;
    const source = new Y.Doc();
    try {
      Y.applyUpdate(source, await unpackState(version.state));
      for (let attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
        const saved = await this.enqueue(() => this.capture(session.room, true));
        if (!saved) throw new Error('could not keep the state before the restore');
        // Restore only onto exactly the state just kept: anything added in between would be overwritten
        // without being in that version, so then keep the newer state first. (Deletions do not move the
        // state vector, but a version with more in it loses nothing.)
        const applied = await this.rooms.change(session.room, (doc) => {
          if (!equalBytes(Y.encodeStateVector(doc), saved.stateVector)) return false;
          replaceContent(doc, source);
          return true;
        });
        if (applied) {
          this.log.info('versions.restored', { sessionId: session.id, versionId, savedBefore: saved.version.id });
          return { restored: toVersionDto(version), savedBefore: saved.version };
        }
      }
      throw new RestoreConflictError('The session kept changing while restoring; try again');
    } finally {
      source.destroy();
    }
  }

  /** Captures every room with changes waiting now, and waits for all queued work (tests, shutdown). */
  async flush(): Promise<void> {
    for (const room of [...this.timers.keys()]) this.cancelTimer(room);
    for (const room of [...this.dirty]) void this.enqueue(() => this.capture(room, false));
    await this.queue;
  }

  /** Stops following rooms; captures what changed (call after the rooms' last writes, before the store closes). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    await this.flush();
    this.stopped = true;
  }

  private cancelTimer(room: string) {
    const t = this.timers.get(room);
    if (t) clearTimeout(t);
    this.timers.delete(room);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T | null> {
    const run = this.queue.then(job).catch((err: unknown) => {
      this.metrics.failures++;
      this.log.error('versions.capture_failed', { err });
      return null;
    });
    this.queue = run;
    return run;
  }

  /** Takes a version of `room` if it changed since the last one (or `force`); returns it, or null. */
  private async capture(room: string, force: boolean): Promise<{ version: VersionDto; stateVector: Uint8Array } | null> {
    if (!force && !this.dirty.has(room)) {
      this.metrics.skipped++;
      return null;
    }
    const session = await this.store.getSessionByRoom(room);
    // Cleared before reading: a change stored while this runs marks the room again.
    this.dirty.delete(room);
    if (!session) return null;
    const started = performance.now();
    // Strictly increasing on this node: versions are ordered by time, and two of one millisecond (a
    // restore and the state kept before it) would otherwise list in any order.
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    const takenAt = new Date(this.lastStamp).toISOString();
    const { update, stateVector } = await this.stateOf(room);
    const state = await packState(update);
    const version: VersionRecord = { id: randomUUID(), sessionId: session.id, takenAt, state, bytes: state.byteLength };
    await this.store.versions.addVersion(version);
    this.lastTaken.set(room, Date.now());
    this.metrics.captured++;
    this.metrics.lastBytes = state.byteLength;
    this.metrics.lastMs = performance.now() - started;
    this.log.debug('versions.captured', { sessionId: session.id, bytes: state.byteLength, ms: Math.round(this.metrics.lastMs) });
    await this.thin(session.id);
    return { version: toVersionDto(version), stateVector };
  }

  /** The live document's state when loaded on this node, else the merged stored state (read at one moment). */
  private async stateOf(room: string): Promise<{ update: Uint8Array; stateVector: Uint8Array }> {
    const live = this.rooms.get(room);
    if (live && !live.destroyed) return { update: Y.encodeStateAsUpdate(live.doc), stateVector: Y.encodeStateVector(live.doc) };
    const stored = await this.store.loadDoc(room);
    const doc = new Y.Doc();
    try {
      applyAll(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
      return { update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
    } finally {
      doc.destroy();
    }
  }

  private async thin(sessionId: string) {
    const versions = await this.store.versions.listVersions(sessionId);
    const stamps = versions.map((v) => ({ id: v.id, takenAt: Date.parse(v.takenAt) }));
    const newest = Math.max(...stamps.map((s) => s.takenAt));
    const drop = thinVersions(stamps, newest, this.opts.thinning ?? DEFAULT_THINNING);
    if (drop.length > 0) this.metrics.thinned += await this.store.versions.deleteVersions(sessionId, drop);
  }
}
