/**
 * A live session room: one Y.Doc, its presence, and the connections in it. Implements the rules in
 * SPEC.md: it is only constructed after its stored state has loaded (R2), applies clients' changes and
 * hands them to the UpdateWriter, which stores them before the room broadcasts them (R3).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, outdatedTimeout, removeAwarenessStates } from 'y-protocols/awareness';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import type { Connection } from './Connection.ts';
import { awarenessFrame, isEmptyStateVector, noticeFrame, savedFrame, step2FrameOf, syncStep1Frame, syncStep2Frame, updateFrame } from './frames.ts';
import { AwarenessRejectedError, boundEphemeral, decodeAwarenessUpdate, encodeAwarenessEntries, reactionLimiter, stampIdentity } from './presence.ts';
import type { Logger } from '../log.ts';
import type { UpdateGuard } from './lockGuard.ts';
import { guardAuthorship } from './authorshipGuard.ts';

/** A frame may carry everyone's states (stock clients echo them); far above any real room's presence. */
const AWARENESS_ENTRIES_PER_FRAME = 2000;
const MAX_RETIRED_AWARENESS_IDS = 1000;
/** A stored state this big is sent to new joiners before the room's doc is built from it (see `unapplied`). */
const DEFER_APPLY_BYTES = 64 * 1024;
/** A full-state reply this big is kept for the next joiner until the doc changes (see fullState). */
const CACHE_FULL_STATE_BYTES = 4096;

export interface RoomLimits {
  maxAwarenessBytes: number;
  maxAwarenessClientsPerConnection: number;
  maxDocBytes: number;
}

/** Receives a room's changes to store (UpdateWriter in production). */
export interface UpdateSink {
  enqueue(room: Room): void;
}

/** Where a room sends its traffic for the other server nodes (see server/fanout). */
export interface RoomPublisher {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
}

/**
 * Transaction origin of changes that came from another node: already stored there, so they are relayed
 * to this node's clients at once and neither stored nor published again.
 */
export const REMOTE_ORIGIN = Symbol('remote-node');

/**
 * Transaction origin of changes the server makes itself (RoomRegistry.change, SPEC R11): stored and
 * broadcast like a client's change.
 */
export const SERVER_ORIGIN = Symbol('server');

/** One write taken by the writer: the change count it makes durable, and who may skip its echo. */
interface InFlightWrite {
  upTo: number;
  /** The only connection whose changes the write carries: it has them already (null: several, or the server). */
  soleSender: Connection | null;
}

export class Room {
  private readonly ydoc = new Y.Doc({ gc: true });
  /** Created with the first presence (see `awareness`): a pinned control room nobody joins never needs one. */
  private presence: Awareness | null = null;
  readonly connections = new Set<Connection>();
  /** Updates applied to the doc but not yet handed to storage. */
  private pending: Uint8Array[] = [];
  /** Who the pending updates came from: a connection while they all came from it, else null. */
  private pendingSender: Connection | null = null;
  /** Set while applying a client update that may release other clients' waiting updates (see receiveSync). */
  private applyingMixed = false;
  /**
   * Local changes are numbered as they are applied; `storedChanges` is the number of them known to be
   * stored, and each write taken by the writer and not yet stored or put back records the count it will
   * make durable (a room's writes complete in order).
   */
  private changes = 0;
  private storedChanges = 0;
  private inFlight: InFlightWrite[] = [];
  /** Sync step 2 replies that carry changes not yet stored, with the count that must be stored first (R3). */
  private heldReplies = new Map<Connection, { frame: Uint8Array; upTo: number }>();
  /** Bytes stored or pending for this room (for the per-document cap). */
  bytes: number;
  /** Log rows written since the last snapshot (compaction trigger). */
  rowsSinceSnapshot: number;
  destroyed = false;
  /** Awareness ids of connections that left → their user (see claimAwarenessId). */
  private retiredAwarenessIds = new Map<number, string>();
  /** Awareness ids owned by clients of other nodes. */
  private remoteAwarenessIds = new Set<number>();
  /**
   * The stored state as loaded, not yet applied to the doc. A room loaded from one stored part (a
   * snapshot and no tail) answers new joiners from these bytes and builds its doc right after, so the
   * joiner's decoding overlaps the server's. Any use of `doc` builds it first.
   */
  private unapplied: Uint8Array | null = null;
  /** Connections that joined before the doc was built: their sync step 1 (and saved ack) follow it. */
  private awaitingDoc: Connection[] = [];
  /** Sync step 2 frame answering an empty state vector (a new joiner); dropped on every change. */
  private fullStateFrame: Uint8Array | null = null;
  // Bound methods rather than arrow-function fields: the server runs under tsx, whose keepNames wraps
  // every named function expression and so costs ~300 bytes more per room and listener.
  private readonly onDocUpdate = this.handleDocUpdate.bind(this);
  private readonly onAwarenessUpdate = this.handleAwarenessUpdate.bind(this);

  constructor(
    readonly name: string,
    loaded: { parts: Uint8Array[]; bytes: number; rows: number },
    private readonly sink: UpdateSink,
    private readonly limits: RoomLimits,
    private readonly log: Logger,
    private readonly publisher: RoomPublisher | null = null,
    /** Board locks (SPEC R12): checks changes from connections that may not facilitate. */
    private readonly guard: UpdateGuard | null = null,
  ) {
    this.bytes = loaded.bytes;
    this.rowsSinceSnapshot = loaded.rows;
    // R18: board items' authors are the server's word. Watching before the load: stored items' authors are known.
    this.unwatchAuthorship = guardAuthorship(this.ydoc, {
      authorOf: (origin) => (this.connections.has(origin as Connection) ? (origin as Connection).ctx.userId : null),
      repairOrigin: SERVER_ORIGIN,
      onRefused: (origin, items) => this.log.warn('collab.authorship_refused', { room: this.name, userId: (origin as Connection).ctx.userId, items }),
    });
    if (loaded.parts.length === 1 && loaded.parts[0].byteLength >= DEFER_APPLY_BYTES) {
      this.unapplied = loaded.parts[0];
      this.fullStateFrame = step2FrameOf(loaded.parts[0]);
    } else {
      applyAll(this.ydoc, loaded.parts);
      // Registered after loading so that the stored state is not written back (R2).
      this.ydoc.on('update', this.onDocUpdate);
    }
    this.unwatchGuard = guard?.watch?.(this.resyncRefusedWriters) ?? (() => {});
  }

  private readonly unwatchGuard: () => void;
  private readonly unwatchAuthorship: () => void;

  /** The room's presence (created on first use). */
  get awareness(): Awareness {
    if (this.presence) return this.presence;
    const awareness = new Awareness(this.ydoc);
    // A timer per room adds up over thousands of idle rooms: RoomRegistry sweeps outdated presence of all
    // rooms on one timer instead (removeOutdatedAwareness).
    clearInterval((awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval);
    // The server itself has no presence.
    awareness.setLocalState(null);
    awareness.on('update', this.onAwarenessUpdate);
    this.presence = awareness;
    return awareness;
  }

  /** The room's document (built from the stored state on first use). */
  get doc(): Y.Doc {
    if (this.unapplied) this.materialize();
    return this.ydoc;
  }

  /** Builds the doc from the stored state, if not done yet, and completes the joins that waited for it. */
  materialize() {
    if (!this.unapplied || this.destroyed) return;
    const state = this.unapplied;
    this.unapplied = null;
    applyAll(this.ydoc, [state]);
    this.ydoc.on('update', this.onDocUpdate);
    const waiting = this.awaitingDoc;
    this.awaitingDoc = [];
    for (const conn of waiting) if (this.connections.has(conn)) this.sendHandshake(conn);
  }

  private handleDocUpdate(update: Uint8Array, origin: unknown) {
    this.bytes += update.byteLength;
    this.fullStateFrame = null;
    if (origin === REMOTE_ORIGIN) {
      // Another node stored it before publishing (R3 holds cluster-wide): relay it now.
      this.relay(update, this.allStored() && this.wantsSavedAcks() ? Y.encodeStateVector(this.ydoc) : null, null);
      return;
    }
    const sender = !this.applyingMixed && this.connections.has(origin as Connection) ? (origin as Connection) : null;
    this.pendingSender = this.pending.length === 0 || this.pendingSender === sender ? sender : null;
    this.changes++;
    this.pending.push(update);
    this.sink.enqueue(this);
  }

  /** Applies an update another node has stored (see REMOTE_ORIGIN). */
  applyRemoteUpdate(update: Uint8Array) {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /** Re-applies stored parts after fan-out messages may have been missed (idempotent). */
  applyStoredParts(parts: Uint8Array[]) {
    Y.transact(this.doc, () => {
      for (const p of parts) Y.applyUpdate(this.doc, p);
    }, REMOTE_ORIGIN);
  }

  /** Applies presence from another node's clients. */
  applyRemoteAwareness(update: Uint8Array) {
    const entries = decodeAwarenessUpdate(update, AWARENESS_ENTRIES_PER_FRAME);
    for (const e of entries) {
      if (e.state === null) this.remoteAwarenessIds.delete(e.clientId);
      else this.remoteAwarenessIds.add(e.clientId);
    }
    applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** Takes the changes to store now, merged into one update (called by the writer). */
  takePending(): Uint8Array | null {
    if (this.pending.length === 0) return null;
    const merged = mergeInChunks(this.pending);
    this.pending = [];
    this.inFlight.push({ upTo: this.changes, soleSender: this.pendingSender });
    this.pendingSender = null;
    return merged;
  }

  /** Puts back changes whose write failed, ahead of anything newer (R8). */
  restorePending(update: Uint8Array) {
    this.inFlight.shift();
    // Whose they were is not kept: everyone gets them, which is always correct.
    this.pendingSender = null;
    this.pending.unshift(update);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** True when everything in the doc is stored: nothing waits for the writer and nothing is being written. */
  private allStored(): boolean {
    return this.pending.length === 0 && this.inFlight.length === 0;
  }

  /** Called by the writer once `update` is durably stored: now everyone may see it (R3, R7). */
  broadcastStored(update: Uint8Array, storedStateVector: Uint8Array | null) {
    const write = this.inFlight.shift();
    this.storedChanges = Math.max(this.storedChanges, write?.upTo ?? 0);
    this.rowsSinceSnapshot++;
    this.publisher?.publishUpdate(update);
    // Taken while nobody wanted acknowledgements, but someone joined since: tell them once all is stored.
    const sv = storedStateVector ?? (this.allStored() && this.wantsSavedAcks() ? Y.encodeStateVector(this.doc) : null);
    this.relay(update, sv, write?.soleSender ?? null);
    for (const [conn, held] of this.heldReplies) {
      if (held.upTo > this.storedChanges) continue;
      this.heldReplies.delete(conn);
      conn.send(held.frame);
    }
  }

  /**
   * Sends a stored update to everyone except `skip`, the only author of everything in it, which has it
   * already (it still gets the saved ack that tells it so, R7). Each frame is encoded once per room.
   */
  private relay(update: Uint8Array, storedStateVector: Uint8Array | null, skip: Connection | null) {
    const frame = skip && this.connections.size === 1 ? null : updateFrame(update);
    const saved = storedStateVector ? savedFrame(storedStateVector) : null;
    for (const conn of this.connections) {
      if (frame && conn !== skip) conn.send(frame);
      if (saved && conn.ctx.extensions) conn.send(saved);
    }
  }

  /** Whether any connection wants saved acknowledgements (so the writer can skip encoding them). */
  wantsSavedAcks(): boolean {
    for (const c of this.connections) if (c.ctx.extensions) return true;
    return false;
  }

  /**
   * Adds a connection and starts the sync handshake (server step 1, current presence). An opted-in
   * connection also learns what is stored already (R7): without it, a client that opens a room with
   * content and changes nothing would never see a write, and so never learn that it is saved.
   */
  join(conn: Connection) {
    this.connections.add(conn);
    // A room still holding its stored bytes unapplied sends step 1 once the doc is built (materialize).
    if (this.unapplied) this.awaitingDoc.push(conn);
    else this.sendHandshake(conn);
    const states = this.awareness.getStates();
    if (states.size > 0) conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  private sendHandshake(conn: Connection) {
    conn.send(syncStep1Frame(this.ydoc));
    // Only when everything in the doc is stored; otherwise the pending write's acknowledgement follows.
    if (conn.ctx.extensions && this.allStored()) conn.send(savedFrame(Y.encodeStateVector(this.ydoc)));
  }

  /** Removes a connection and its presence (R6). */
  leave(conn: Connection) {
    if (!this.connections.delete(conn)) return;
    this.heldReplies.delete(conn);
    if (this.pendingSender === conn) this.pendingSender = null;
    for (const w of this.inFlight) if (w.soleSender === conn) w.soleSender = null;
    if (conn.awarenessIds.size === 0) return;
    for (const id of conn.awarenessIds) this.retiredAwarenessIds.set(id, conn.ctx.userId);
    // Bounded: only recent departures matter for late echoes.
    while (this.retiredAwarenessIds.size > MAX_RETIRED_AWARENESS_IDS) {
      const oldest = this.retiredAwarenessIds.keys().next().value as number;
      this.retiredAwarenessIds.delete(oldest);
      // The awareness keeps a clock for every client id it has ever seen (against stale updates): forget
      // it with the departure, or a room that stays loaded grows with every connection that came and went.
      if (!this.awareness.getStates().has(oldest)) this.awareness.meta.delete(oldest);
    }
    removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  /** Handles one binary frame from a connection. Never throws: a bad frame closes that connection (R5). */
  receive(conn: Connection, data: Uint8Array) {
    if (conn.closed || this.destroyed) return;
    try {
      const dec = decoding.createDecoder(data);
      const type = decoding.readVarUint(dec);
      switch (type) {
        case MessageType.Sync:
          return this.receiveSync(conn, dec);
        case MessageType.Awareness:
          return this.receiveAwareness(conn, decoding.readVarUint8Array(dec));
        case MessageType.QueryAwareness: {
          const ids = [...this.awareness.getStates().keys()];
          if (ids.length > 0) conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, ids)));
          return;
        }
        default:
          return conn.close(CloseCode.InvalidMessage, `unknown message type ${type}`);
      }
    } catch (err) {
      this.log.warn('collab.bad_frame', { room: this.name, userId: conn.ctx.userId, err: (err as Error).message });
      conn.close(CloseCode.InvalidMessage);
    }
  }

  private receiveSync(conn: Connection, dec: decoding.Decoder) {
    const step = decoding.readVarUint(dec);
    if (step === SyncStep.Step1) {
      const sv = decoding.readVarUint8Array(dec);
      const reply = isEmptyStateVector(sv) ? this.fullState() : syncStep2Frame(this.doc, sv);
      // R3: the reply is the doc as it is now, which may include changes still waiting for the writer.
      // Nobody may see those before they are stored, so the reply waits for the writes that store them.
      if (this.storedChanges >= this.changes) conn.send(reply);
      // Answered from the stored bytes: build the doc now, once the reply is on its way (see `unapplied`).
      if (this.unapplied) setImmediate(() => this.materialize());
      else this.heldReplies.set(conn, { frame: reply, upTo: this.changes });
      return;
    }
    if (step !== SyncStep.Step2 && step !== SyncStep.Update) {
      conn.close(CloseCode.InvalidMessage, `unknown sync step ${step}`);
      return;
    }
    // R4: filter read-only connections before anything is applied.
    if (conn.ctx.readOnly) {
      if (step === SyncStep.Update) {
        if (conn.ctx.extensions) conn.send(noticeFrame({ kind: 'readOnly', message: 'You can view this room but not edit it.' }));
        conn.close(CloseCode.ReadOnly);
      }
      return;
    }
    const update = decoding.readVarUint8Array(dec);
    // R14: audience mode makes the connection view-only for now, without closing it.
    if (this.guard?.mayWrite && !this.guard.mayWrite(conn.ctx)) {
      this.refuseAudienceWrite(conn, step === SyncStep.Update, update);
      return;
    }
    // Updates waiting for missing dependencies are held by Yjs in memory without ever reaching the
    // document (or `bytes`): they count against the cap too, or it can be bypassed without limit.
    const store = this.doc.store;
    const waiting = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
    if (this.bytes + waiting + update.byteLength > this.limits.maxDocBytes) {
      conn.close(CloseCode.DocumentTooLarge);
      return;
    }
    const snapshot = this.guard && !conn.ctx.facilitator ? this.guard.before(this.doc) : null;
    // Applying it may also integrate other clients' updates that were waiting for it: then the change is
    // not this connection's alone, and its echo must not be skipped.
    this.applyingMixed = waiting > 0;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      this.applyingMixed = false;
    }
    if (!snapshot) return;
    let restored = 0;
    Y.transact(this.doc, () => {
      restored = this.guard!.restore(this.doc, snapshot);
    }, SERVER_ORIGIN);
    if (restored > 0 && conn.ctx.extensions) conn.send(noticeFrame({ kind: 'locked', message: 'The facilitator has locked this part of the board.' }));
  }

  /**
   * The step 2 reply for a new joiner (nothing yet): encoded once per change of the doc, not per joiner.
   * Small documents are cheap to encode and not worth keeping in every idle room.
   */
  private fullState(): Uint8Array {
    if (this.fullStateFrame) return this.fullStateFrame;
    const frame = step2FrameOf(Y.encodeStateAsUpdate(this.doc));
    if (frame.byteLength >= CACHE_FULL_STATE_BYTES) this.fullStateFrame = frame;
    return frame;
  }

  private receiveAwareness(conn: Connection, update: Uint8Array) {
    if (update.byteLength > this.limits.maxAwarenessBytes) {
      conn.close(CloseCode.AwarenessRejected, 'awareness state too large');
      return;
    }
    try {
      const entries = decodeAwarenessUpdate(update, AWARENESS_ENTRIES_PER_FRAME);
      // Stock y-websocket clients re-send every awareness change they receive, including other people's
      // states: entries for ids owned by another connection (or that left) are echoes, ignored silently.
      const own = entries.filter((e) => this.claimAwarenessId(conn, e.clientId, e.state));
      if (own.length === 0) return;
      const bounded = boundEphemeral(own, {
        facilitator: conn.ctx.facilitator === true,
        previous: (id) => this.awareness.getStates().get(id),
        allowReaction: () => reactionLimiter.allow(conn.ctx.userId),
      });
      const stamped = stampIdentity(bounded, { id: conn.ctx.userId, name: conn.ctx.name, color: conn.ctx.color });
      applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), conn);
    } catch (err) {
      if (!(err instanceof AwarenessRejectedError)) throw err;
      this.log.warn('collab.awareness_rejected', { room: this.name, userId: conn.ctx.userId, reason: err.message });
      conn.close(CloseCode.AwarenessRejected);
    }
  }

  /**
   * Whether `conn` may publish awareness for `clientId`: ids it already owns, or unclaimed new ones up
   * to its limit. An id that left the room may be reclaimed only by the same user (a reconnect), so
   * a late echo of someone's old state never reappears under another name.
   */
  private claimAwarenessId(conn: Connection, clientId: number, state: Record<string, unknown> | null): boolean {
    if (conn.awarenessIds.has(clientId)) return true;
    // Removing a state one does not own is an echo of someone leaving, never a claim.
    if (state === null) return false;
    if (this.ownedByOther(conn, clientId) || this.remoteAwarenessIds.has(clientId)) return false;
    const retiredBy = this.retiredAwarenessIds.get(clientId);
    // A reconnect announces its own id before it echoes anyone else's. A connection that already has an
    // id is echoing the same person's other, departed connection: claiming that would count against its
    // limit and, after a few departures, close a healthy connection for good (4400 is terminal).
    if (retiredBy !== undefined && (retiredBy !== conn.ctx.userId || conn.awarenessIds.size > 0)) return false;
    if (conn.awarenessIds.size >= this.limits.maxAwarenessClientsPerConnection) {
      throw new AwarenessRejectedError('too many awareness client ids');
    }
    this.retiredAwarenessIds.delete(clientId);
    conn.awarenessIds.add(clientId);
    return true;
  }

  private ownedByOther(conn: Connection, clientId: number): boolean {
    for (const c of this.connections) if (c !== conn && c.awarenessIds.has(clientId)) return true;
    return false;
  }

  private handleAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const update = encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== REMOTE_ORIGIN && this.publisher) {
      // Only this node's clients' presence goes to the other nodes: states received from them (even when
      // this node times them out) are theirs to publish, or they would echo back and forth.
      const local = this.remoteAwarenessIds.size === 0 ? changed : changed.filter((id) => !this.remoteAwarenessIds.has(id));
      if (local.length > 0) this.publisher.publishAwareness(local === changed ? update : encodeAwarenessUpdate(this.awareness, local));
    }
    for (const id of removed) this.remoteAwarenessIds.delete(id);
    if (this.connections.size === 0) return;
    const frame = awarenessFrame(update);
    for (const c of this.connections) c.send(frame);
  }

  /**
   * Removes presence not renewed for `outdatedTimeout` (clients renew every 15 s; a node that vanished
   * stops renewing its clients'): what y-protocols' per-instance timer does, run by RoomRegistry for
   * every room on one timer.
   */
  removeOutdatedAwareness(now = Date.now()) {
    if (!this.presence) return;
    const outdated: number[] = [];
    for (const [id, meta] of this.awareness.meta) {
      if (outdatedTimeout <= now - meta.lastUpdated && this.awareness.states.has(id)) outdated.push(id);
    }
    if (outdated.length > 0) removeAwarenessStates(this.awareness, outdated, 'timeout');
  }

  /**
   * A change from a connection audience mode holds view-only (R14): dropped, never applied, stored or
   * broadcast. A sync step 2 that brings nothing new is just the handshake. The connection stays open
   * (the person may still follow and publish presence); it is marked so that it resyncs later.
   */
  private refuseAudienceWrite(conn: Connection, isUpdate: boolean, update: Uint8Array) {
    if (!isUpdate && !bringsNewContent(this.doc, update)) return;
    if (!conn.refusedWrites && conn.ctx.extensions) {
      conn.send(noticeFrame({ kind: 'audience', message: 'Audience mode: you can follow the session but not edit it right now.' }));
    }
    conn.refusedWrites = true;
  }

  /**
   * After the audience state changed: connections whose changes were refused and that may write now
   * are closed with AuthorizationChanged, so they reconnect and their sync step 2 brings those changes.
   */
  private resyncRefusedWriters = () => {
    for (const c of [...this.connections]) {
      if (c.refusedWrites && (this.guard?.mayWrite?.(c.ctx) ?? true)) c.close(CloseCode.AuthorizationChanged);
    }
  };

  /** Closes every connection (shutdown, authorisation change) without touching the stored state. */
  closeAll(code: number, reason?: string) {
    for (const c of [...this.connections]) c.close(code, reason);
  }

  destroy() {
    this.destroyed = true;
    this.unwatchGuard();
    this.unwatchAuthorship();
    this.unapplied = null;
    this.fullStateFrame = null;
    this.awaitingDoc = [];
    this.heldReplies.clear();
    this.ydoc.off('update', this.onDocUpdate);
    this.presence?.destroy();
    this.ydoc.destroy();
  }
}

/**
 * Applies stored parts (snapshot + log) in one transaction. Much faster than Y.mergeUpdates on long logs
 * of small updates (measured: 20,000 keystrokes in ~30 ms instead of ~4.5 s), and the doc keeps updates
 * that still wait for missing dependencies.
 */
export function applyAll(doc: Y.Doc, parts: Uint8Array[]) {
  if (parts.length === 0) return;
  Y.transact(doc, () => {
    for (const p of parts) Y.applyUpdate(doc, p);
  });
}

/** Whether `update` has changes `doc` lacks (new items of some client; deletions are not counted). */
function bringsNewContent(doc: Y.Doc, update: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if (clock > (have.get(client) ?? 0)) return true;
  }
  return false;
}

/** Compaction merge: the parts' content as one update (see applyAll for why not Y.mergeUpdates). */
export function mergeIntoSnapshot(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  applyAll(doc, parts);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/** Longest run of merge work before mergeIntoSnapshotInSlices yields to the event loop. */
const MERGE_SLICE_MS = 8;

/**
 * mergeIntoSnapshot for a live server (R9: compaction off the hot path): applies the parts in slices of
 * about MERGE_SLICE_MS and yields in between, so that a room's compaction does not hold every room's
 * broadcasts for the whole merge. (One part is applied at once: an update cannot be split.)
 */
export async function mergeIntoSnapshotInSlices(parts: Uint8Array[]): Promise<Uint8Array> {
  const doc = new Y.Doc();
  let next = 0;
  while (next < parts.length) {
    const until = performance.now() + MERGE_SLICE_MS;
    Y.transact(doc, () => {
      do Y.applyUpdate(doc, parts[next++]);
      while (next < parts.length && performance.now() < until);
    });
    if (next < parts.length) await new Promise((resolve) => setImmediate(resolve));
  }
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/**
 * Y.mergeUpdates grows faster than linearly with the number of updates (measured: 1,000 in 37 ms,
 * 10,000 in 1.6 s), so a flood could make one tick's merge longer than the tick and never catch up.
 * Merging in chunks of 32 and then merging the chunk results gives the same update in near-linear time
 * (1,000 in 10 ms, 10,000 in 200 ms).
 */
export function mergeInChunks(updates: Uint8Array[], chunk = 32): Uint8Array {
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += chunk) {
      const slice = level.slice(i, i + chunk);
      next.push(slice.length === 1 ? slice[0] : Y.mergeUpdates(slice));
    }
    level = next;
  }
  return level[0];
}
