/**
 * The rooms loaded on this node. Concurrent joins share one load (R2); a room unloads some seconds after
 * its last connection left, once nothing is waiting to be written (R8); a room's log is compacted in
 * the background when it grows (R9).
 */
import type { DocStore } from '../store/types.ts';
import * as Y from 'yjs';
import { Room, SERVER_ORIGIN, mergeIntoSnapshotInSlices, type RoomLimits, type RoomPublisher } from './Room.ts';
import { LocalFanout, type Fanout } from '../fanout/Fanout.ts';
import type { Connection } from './Connection.ts';
import { UpdateWriter } from './UpdateWriter.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { controlRoomOf, splitFacilitationRoom } from '../../shared/facilitation/control.ts';
import { boardLockGuard } from './lockGuard.ts';
import { withAudienceMode } from './audienceGate.ts';
import type { Logger } from '../log.ts';

export interface RegistryOptions {
  unloadDelayMs: number;
  compactAfterUpdates: number;
  limits: RoomLimits;
}

export class RoomLoadError extends Error {}

/** A room's way to the other nodes (a class, not closures: one stays in memory per loaded room). */
class FanoutPublisher implements RoomPublisher {
  constructor(
    private readonly fanout: Fanout,
    private readonly room: string,
  ) {}

  publishUpdate(update: Uint8Array) {
    this.fanout.publishUpdate(this.room, update);
  }

  publishAwareness(update: Uint8Array) {
    this.fanout.publishAwareness(this.room, update);
  }
}

/** How often outdated presence is looked for (what y-protocols' Awareness does on a timer of its own). */
const PRESENCE_SWEEP_MS = 3000;
/** A room loaded with its stored bytes unapplied builds its doc within this long (see Room.materialize). */
const MATERIALIZE_WITHIN_MS = 100;
/** A room unloading with this many log rows after its snapshot is compacted (see unload). */
const UNLOAD_COMPACT_MIN_ROWS = 2;

export class RoomRegistry {
  private rooms = new Map<string, Room>();
  private loading = new Map<string, Promise<Room>>();
  private unloadTimers = new Map<string, NodeJS.Timeout>();
  private compacting = new Set<string>();
  readonly writer: UpdateWriter;
  private closed = false;
  private readonly presenceSweep: NodeJS.Timeout;
  private storedListeners = new Set<(room: Room) => void>();
  private unloadedListeners = new Set<(name: string) => void>();
  private loadedListeners = new Set<(name: string) => void>();
  /** Fan-out unsubscriptions in flight: a reload of the same room waits for them (else it would be cut off). */
  private unsubscribing = new Map<string, Promise<void>>();
  /** Control rooms kept loaded while their session room is (its locks are checked on every change, R12). */
  private pinned = new Set<string>();

  constructor(
    private readonly store: DocStore,
    private readonly opts: RegistryOptions,
    private readonly log: Logger,
    private readonly fanout: Fanout = new LocalFanout(),
  ) {
    this.writer = new UpdateWriter(store, log);
    fanout.onResync(() => void this.resyncFromStore());
    // One timer for every room's outdated presence, instead of one per room (see Room.removeOutdatedAwareness).
    this.presenceSweep = setInterval(() => {
      const now = Date.now();
      for (const room of this.rooms.values()) room.removeOutdatedAwareness(now);
    }, PRESENCE_SWEEP_MS);
    this.presenceSweep.unref();
    this.writer.onStored = (room) => {
      if (room.rowsSinceSnapshot >= opts.compactAfterUpdates) this.scheduleCompaction(room);
      for (const listener of this.storedListeners) listener(room);
    };
  }

  /**
   * Calls `listener` after each write of a room's changes (e.g. the knowledge indexer). Listeners must be
   * cheap: debounce real work. Returns an unsubscribe function.
   */
  onRoomStored(listener: (room: Room) => void): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  /**
   * Calls `listener` with a room's name after it unloaded (its last connection left and every change of
   * it is stored — e.g. the session's end for version capture). Listeners must be cheap. Returns an
   * unsubscribe function.
   */
  onRoomUnloaded(listener: (name: string) => void): () => void {
    this.unloadedListeners.add(listener);
    return () => this.unloadedListeners.delete(listener);
  }

  /**
   * Calls `listener` with a room's name once it has loaded (e.g. to put carried-forward actions on a
   * session's agenda). Runs inside the load: listeners must only schedule work. Returns an unsubscribe.
   */
  onRoomLoaded(listener: (name: string) => void): () => void {
    this.loadedListeners.add(listener);
    return () => this.loadedListeners.delete(listener);
  }

  /** Loaded rooms (for metrics and authorisation changes). */
  loadedRooms(): IterableIterator<Room> {
    return this.rooms.values();
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /**
   * Adds a connection to a room, loading the room first if needed. On a load failure the connection is
   * closed with RoomUnavailable and the failure is not cached, so a later join retries.
   */
  async join(name: string, conn: Connection): Promise<Room | null> {
    let room: Room;
    try {
      room = await this.load(name);
    } catch (err) {
      this.log.error('collab.room_load_failed', { room: name, err });
      conn.close(CloseCode.RoomUnavailable);
      return null;
    }
    if (conn.closed) {
      this.scheduleUnloadIfEmpty(room);
      return null;
    }
    this.cancelUnload(name);
    room.join(conn);
    return room;
  }

  /**
   * Changes a room's document on the server's behalf (SPEC R11): loads the room if needed (without a
   * connection), runs `fn` in one transaction with SERVER_ORIGIN — so the change is stored, then
   * broadcast, like any other (R3) — and lets the room unload later if nobody is in it. `fn` runs
   * synchronously, so a read-check-write inside it cannot interleave with another change; if it throws,
   * validate before writing (Yjs keeps whatever was written before the throw) — the error is rethrown.
   */
  async change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.load(name);
    try {
      let result!: T;
      Y.transact(room.doc, () => {
        result = fn(room.doc);
      }, SERVER_ORIGIN);
      return result;
    } finally {
      this.scheduleUnloadIfEmpty(room);
    }
  }

  /** Reads a room's document (loading it if needed, without a connection); `fn` must not change it. */
  async read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.load(name);
    try {
      return fn(room.doc);
    } finally {
      this.scheduleUnloadIfEmpty(room);
    }
  }

  /**
   * The people in a loaded room, from its awareness (so other nodes' clients count too: their presence
   * arrives through the fan-out). Identities are the server's (R6). Empty when the room is not loaded.
   */
  presentUsers(name: string): { id: string; name: string }[] {
    const room = this.rooms.get(name);
    const out = new Map<string, string>();
    for (const state of room?.awareness.getStates().values() ?? []) {
      const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
      if (typeof user?.id === 'string' && !out.has(user.id)) out.set(user.id, typeof user.name === 'string' ? user.name : '');
    }
    return [...out].map(([id, n]) => ({ id, name: n }));
  }

  leave(room: Room, conn: Connection) {
    room.leave(conn);
    this.scheduleUnloadIfEmpty(room);
  }

  private load(name: string): Promise<Room> {
    if (this.closed) return Promise.reject(new RoomLoadError('server is shutting down'));
    const loaded = this.rooms.get(name);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.loadFresh(name).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /**
   * Subscribes to the other nodes' traffic first, then reads the store: nothing published in between is
   * missed (messages that arrive during the read are applied after it; updates are idempotent).
   */
  private async loadFresh(name: string): Promise<Room> {
    let room: Room | null = null;
    const early: { kind: 'update' | 'awareness'; data: Uint8Array }[] = [];
    await this.unsubscribing.get(name);
    await this.fanout.subscribe(name, {
      onUpdate: (u) => (room ? room.applyRemoteUpdate(u) : early.push({ kind: 'update', data: u })),
      onAwareness: (u) => (room ? room.applyRemoteAwareness(u) : early.push({ kind: 'awareness', data: u })),
    });
    try {
      // A session room's locks live in its control room: load that first and keep it while this one is.
      const ctlName = splitFacilitationRoom(name).kind === null ? controlRoomOf(name) : null;
      if (ctlName) {
        await this.load(ctlName);
        this.pinned.add(ctlName);
        this.cancelUnload(ctlName);
      }
      const stored = await this.store.loadDoc(name);
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      const publisher = new FanoutPublisher(this.fanout, name);
      const ctlDoc = () => (ctlName ? (this.rooms.get(ctlName)?.doc ?? null) : null);
      const guard = ctlName ? withAudienceMode(boardLockGuard(ctlDoc), ctlDoc) : null;
      const created = new Room(name, { parts, bytes: stored.bytes, rows: stored.updates.length }, this.writer, this.opts.limits, this.log, publisher, guard);
      for (const m of early) {
        if (m.kind === 'update') created.applyRemoteUpdate(m.data);
        else created.applyRemoteAwareness(m.data);
      }
      room = created;
      this.rooms.set(name, created);
      // Joiners are answered from the stored bytes and the doc is built right after the first answer,
      // while they decode (Room.materialize); at the latest after this delay.
      setTimeout(() => created.materialize(), MATERIALIZE_WITHIN_MS).unref();
      for (const listener of this.loadedListeners) listener(name);
      if (created.rowsSinceSnapshot >= this.opts.compactAfterUpdates) this.scheduleCompaction(created);
      return created;
    } catch (err) {
      if (!room) {
        const ctlName = splitFacilitationRoom(name).kind === null ? controlRoomOf(name) : null;
        const ctl = ctlName ? this.rooms.get(ctlName) : undefined;
        if (ctlName && this.pinned.delete(ctlName) && ctl) this.scheduleUnloadIfEmpty(ctl);
      }
      void this.fanout.unsubscribe(name).catch(() => {});
      throw err;
    }
  }

  /** After fan-out messages may have been lost: re-read every loaded room's stored state. */
  private async resyncFromStore() {
    for (const room of [...this.rooms.values()]) {
      try {
        const stored = await this.store.loadDoc(room.name);
        if (!room.destroyed) room.applyStoredParts(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
      } catch (err) {
        this.log.error('collab.resync_failed', { room: room.name, err });
      }
    }
  }

  private cancelUnload(name: string) {
    const t = this.unloadTimers.get(name);
    if (t) {
      clearTimeout(t);
      this.unloadTimers.delete(name);
    }
  }

  private scheduleUnloadIfEmpty(room: Room) {
    if (room.connections.size > 0 || this.pinned.has(room.name) || this.unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      void this.unload(room);
    }, this.opts.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  private async unload(room: Room) {
    while (this.writer.isBusy(room) || this.compacting.has(room.name)) {
      await this.writer.flush();
      if (this.compacting.has(room.name)) await new Promise((r) => setTimeout(r, 20));
    }
    // A connection may have joined while we waited for the write.
    if (room.connections.size > 0 || this.pinned.has(room.name) || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
    // The next load is then one stored part, which new joiners get as it is (Room.materialize): the
    // merge runs now, while nobody waits, instead of on every load of a long tail.
    if (room.rowsSinceSnapshot >= UNLOAD_COMPACT_MIN_ROWS) this.scheduleCompaction(room);
    for (const listener of this.unloadedListeners) listener(room.name);
    const ctlName = splitFacilitationRoom(room.name).kind === null ? controlRoomOf(room.name) : null;
    const ctl = ctlName ? this.rooms.get(ctlName) : undefined;
    if (ctlName && this.pinned.delete(ctlName) && ctl) this.scheduleUnloadIfEmpty(ctl);
    const unsubscribed = this.fanout
      .unsubscribe(room.name)
      .catch((err: unknown) => this.log.warn('collab.unsubscribe_failed', { room: room.name, err }))
      .finally(() => this.unsubscribing.delete(room.name));
    this.unsubscribing.set(room.name, unsubscribed);
    await unsubscribed;
    this.log.debug('collab.room_unloaded', { room: room.name });
  }

  private scheduleCompaction(room: Room) {
    if (this.compacting.has(room.name)) return;
    this.compacting.add(room.name);
    room.rowsSinceSnapshot = 0;
    setImmediate(() => {
      this.store
        .compact(room.name, mergeIntoSnapshotInSlices)
        .catch((err: unknown) => this.log.error('collab.compaction_failed', { room: room.name, err }))
        .finally(() => this.compacting.delete(room.name));
    });
  }

  /** Closes every socket of `userId` (optionally only in one community's rooms) — R10. */
  closeUserConnections(userId: string, code: number, communityId?: string): number {
    let n = 0;
    for (const room of this.rooms.values()) {
      for (const conn of [...room.connections]) {
        if (conn.ctx.userId === userId && (!communityId || conn.ctx.communityId === communityId)) {
          conn.close(code);
          n++;
        }
      }
    }
    return n;
  }

  /** Stops loading rooms, flushes every pending write, closes all sockets, and unloads. */
  async shutdown(): Promise<boolean> {
    this.closed = true;
    clearInterval(this.presenceSweep);
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    await Promise.allSettled(this.loading.values());
    const drained = await this.writer.drain();
    for (const room of this.rooms.values()) room.closeAll(CloseCode.GoingAway);
    while (this.compacting.size > 0) await new Promise((r) => setTimeout(r, 10));
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
    return drained;
  }
}
