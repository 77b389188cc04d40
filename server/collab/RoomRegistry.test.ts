/**
 * Room and RoomRegistry against a real SQLite store (in memory) and in-memory sockets: loading, store
 * before broadcast, read-only filtering, presence rules, unloading and compaction (SPEC.md rules).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import type { DocStore, Store } from '../store/types.ts';
import { RoomRegistry } from './RoomRegistry.ts';
import { Connection } from './Connection.ts';
import type { CollabSocket, ConnectionContext } from './CollabSocket.ts';
import { createLogger } from '../log.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';

const log = createLogger('silent');
const limits = { maxAwarenessBytes: 64 * 1024, maxAwarenessClientsPerConnection: 4, maxDocBytes: 1024 * 1024 };

class MemorySocket implements CollabSocket {
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  bufferedAmount = 0;
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
  }
  /** Decoded sync updates received (type 0, step 2 or update). */
  updates(): Uint8Array[] {
    return this.sent.flatMap((f) => {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) !== MessageType.Sync) return [];
      const step = decoding.readVarUint(d);
      return step === SyncStep.Update || step === SyncStep.Step2 ? [decoding.readVarUint8Array(d)] : [];
    });
  }
  types(): number[] {
    return this.sent.map((f) => f[0]);
  }
}

function ctx(over: Partial<ConnectionContext> = {}): ConnectionContext {
  return { userId: 'u1', name: 'Ada', color: '#123456', room: 'r1', sessionId: 's1', communityId: 'c1', readOnly: false, extensions: false, ...over };
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

function awarenessFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Awareness);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

function stickyUpdate(id: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  getBoard(doc).set(id, toYMap({ id, type: 'sticky', text }));
  return Y.encodeStateAsUpdate(doc);
}

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function docOf(store: DocStore, room: string) {
  return store.loadDoc(room).then((s) => {
    const d = new Y.Doc();
    for (const u of [s.snapshot, ...s.updates]) if (u) Y.applyUpdate(d, u);
    return d;
  });
}

let store: Store;
let registry: RoomRegistry;

beforeEach(() => {
  store = SqliteStore.open({ filename: ':memory:' });
  registry = new RoomRegistry(store, { unloadDelayMs: 30, compactAfterUpdates: 5, limits }, log);
});
afterEach(async () => {
  await registry.shutdown();
  await store.close();
});

describe('RoomRegistry', () => {
  it('R2: concurrent joins share one load and nothing is answered before the room is loaded', async () => {
    await store.appendUpdates([{ room: 'r1', update: stickyUpdate('a', 'stored') }]);
    let loads = 0;
    const counting: DocStore = { ...store, loadDoc: (r) => (r === 'r1' && loads++, store.loadDoc(r)), appendUpdates: (b) => store.appendUpdates(b), compact: (r, m) => store.compact(r, m), countUpdates: (r) => store.countUpdates(r), listRooms: () => store.listRooms() };
    const reg = new RoomRegistry(counting, { unloadDelayMs: 30, compactAfterUpdates: 100, limits }, log);
    const socks = [new MemorySocket(), new MemorySocket(), new MemorySocket()];
    const joins = socks.map((s) => reg.join('r1', new Connection(s, ctx())));
    expect(socks.every((s) => s.sent.length === 0)).toBe(true);
    const rooms = await Promise.all(joins);
    expect(loads).toBe(1);
    expect(new Set(rooms).size).toBe(1);
    expect(getBoard(rooms[0]!.doc).get('a')?.get('text')).toBe('stored');
    await reg.shutdown();
  });

  it('R2: a room whose stored state cannot be loaded is refused, never served empty, and retried later', async () => {
    let fail = true;
    const flaky: DocStore = { ...store, loadDoc: (r) => (fail ? Promise.reject(new Error('disk on fire')) : store.loadDoc(r)), appendUpdates: (b) => store.appendUpdates(b), compact: (r, m) => store.compact(r, m), countUpdates: (r) => store.countUpdates(r), listRooms: () => store.listRooms() };
    const reg = new RoomRegistry(flaky, { unloadDelayMs: 30, compactAfterUpdates: 100, limits }, log);
    const sock = new MemorySocket();
    expect(await reg.join('r1', new Connection(sock, ctx()))).toBeNull();
    expect(sock.closedWith).toBe(CloseCode.RoomUnavailable);
    expect(sock.sent).toHaveLength(0);
    fail = false;
    const again = new MemorySocket();
    expect(await reg.join('r1', new Connection(again, ctx()))).not.toBeNull();
    await reg.shutdown();
  });

  it('R3: an update is stored before anyone receives it, and broadcast once merged', async () => {
    const a = new MemorySocket();
    const b = new MemorySocket();
    const connA = new Connection(a, ctx());
    const room = (await registry.join('r1', connA))!;
    await registry.join('r1', new Connection(b, ctx({ userId: 'u2' })));
    b.sent = [];
    room.receive(connA, syncFrame(SyncStep.Update, stickyUpdate('x', 'one')));
    room.receive(connA, syncFrame(SyncStep.Update, stickyUpdate('y', 'two')));
    expect(b.updates()).toHaveLength(0);
    await tick();
    await tick();
    expect(b.updates()).toHaveLength(1);
    const stored = await docOf(store, 'r1');
    expect(getBoard(stored).get('x')?.get('text')).toBe('one');
    expect(getBoard(stored).get('y')?.get('text')).toBe('two');
  });

  it('R3/R8: a failed write broadcasts nothing, keeps the update and retries until stored', async () => {
    let failing = true;
    const flaky: DocStore = { ...store, loadDoc: (r) => store.loadDoc(r), appendUpdates: (batch) => (failing ? Promise.reject(new Error('database locked')) : store.appendUpdates(batch)), compact: (r, m) => store.compact(r, m), countUpdates: (r) => store.countUpdates(r), listRooms: () => store.listRooms() };
    const reg = new RoomRegistry(flaky, { unloadDelayMs: 10, compactAfterUpdates: 100, limits }, log);
    const a = new MemorySocket();
    const b = new MemorySocket();
    const connA = new Connection(a, ctx());
    const room = (await reg.join('r1', connA))!;
    await reg.join('r1', new Connection(b, ctx({ userId: 'u2' })));
    b.sent = [];
    room.receive(connA, syncFrame(SyncStep.Update, stickyUpdate('k', 'kept')));
    await sleep(150);
    expect(b.updates()).toHaveLength(0);
    expect(reg.writer.metrics.failures).toBeGreaterThan(0);
    failing = false;
    await sleep(400);
    expect(b.updates()).toHaveLength(1);
    expect(getBoard(await docOf(store, 'r1')).get('k')?.get('text')).toBe('kept');
    await reg.shutdown();
  });

  it('R3: a sync step 2 reply that carries changes not yet stored is held until they are', async () => {
    let failing = true;
    const flaky: DocStore = { ...store, loadDoc: (r) => store.loadDoc(r), appendUpdates: (batch) => (failing ? Promise.reject(new Error('database locked')) : store.appendUpdates(batch)), compact: (r, m) => store.compact(r, m), countUpdates: (r) => store.countUpdates(r), listRooms: () => store.listRooms() };
    const reg = new RoomRegistry(flaky, { unloadDelayMs: 10, compactAfterUpdates: 100, limits }, log);
    const connA = new Connection(new MemorySocket(), ctx());
    const room = (await reg.join('r1', connA))!;
    room.receive(connA, syncFrame(SyncStep.Update, stickyUpdate('k', 'unstored')));
    const b = new MemorySocket();
    const connB = new Connection(b, ctx({ userId: 'u2' }));
    await reg.join('r1', connB);
    room.receive(connB, syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
    const seenByB = () => {
      const d = new Y.Doc();
      for (const u of b.updates()) Y.applyUpdate(d, u);
      return getBoard(d).get('k')?.get('text');
    };
    await sleep(150);
    // Had B been answered now, a crash would lose an edit someone else has seen.
    expect(seenByB()).toBeUndefined();
    failing = false;
    await sleep(400);
    expect(seenByB()).toBe('unstored');
    // With everything stored, a step 1 is answered at once.
    const c = new MemorySocket();
    const connC = new Connection(c, ctx({ userId: 'u3' }));
    await reg.join('r1', connC);
    room.receive(connC, syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
    expect(c.updates()).toHaveLength(1);
    await reg.shutdown();
  });

  it('R4: a read-only connection’s step 2 is ignored and its update closes it without applying', async () => {
    const viewerSock = new MemorySocket();
    const viewer = new Connection(viewerSock, ctx({ readOnly: true, userId: 'v' }));
    const room = (await registry.join('r1', viewer))!;
    room.receive(viewer, syncFrame(SyncStep.Step2, stickyUpdate('s2', 'from step 2')));
    expect(viewerSock.closedWith).toBeNull();
    room.receive(viewer, syncFrame(SyncStep.Update, stickyUpdate('up', 'forged')));
    expect(viewerSock.closedWith).toBe(CloseCode.ReadOnly);
    await tick();
    expect(getBoard(room.doc).size).toBe(0);
    expect((await store.loadDoc('r1')).updates).toHaveLength(0);
  });

  it('R5: garbage closes only the sender with InvalidMessage', async () => {
    const good = new MemorySocket();
    const bad = new MemorySocket();
    const badConn = new Connection(bad, ctx({ userId: 'b' }));
    const room = (await registry.join('r1', new Connection(good, ctx())))!;
    await registry.join('r1', badConn);
    room.receive(badConn, new Uint8Array([0, 2, 99, 1]));
    expect(bad.closedWith).toBe(CloseCode.InvalidMessage);
    expect(good.closedWith).toBeNull();
  });

  it('R6: presence carries the authenticated identity, refuses foreign client ids and is removed on leave', async () => {
    const aSock = new MemorySocket();
    const bSock = new MemorySocket();
    const a = new Connection(aSock, ctx({ userId: 'alice', name: 'Alice' }));
    const b = new Connection(bSock, ctx({ userId: 'bob', name: 'Bob' }));
    const room = (await registry.join('r1', a))!;
    await registry.join('r1', b);
    const clientDoc = new Y.Doc();
    const aw = new Awareness(clientDoc);
    aw.setLocalState({ user: { id: 'bob', name: 'Bob (fake)', color: '#000' }, cursor: { x: 1, y: 2 } });
    room.receive(a, awarenessFrame(encodeAwarenessUpdate(aw, [clientDoc.clientID])));
    const state = room.awareness.getStates().get(clientDoc.clientID) as { user: { id: string; name: string } };
    expect(state.user).toMatchObject({ id: 'alice', name: 'Alice' });
    // Bob cannot publish under Alice's client id: his echo of her state (stock clients re-send what they
    // receive) is ignored, and he stays connected.
    aw.setLocalState({ user: { id: 'bob', name: 'Bob' }, cursor: { x: 9, y: 9 } });
    room.receive(b, awarenessFrame(encodeAwarenessUpdate(aw, [clientDoc.clientID])));
    expect(bSock.closedWith).toBeNull();
    expect((room.awareness.getStates().get(clientDoc.clientID) as { user: { id: string } }).user.id).toBe('alice');
    registry.leave(room, a);
    expect(room.awareness.getStates().has(clientDoc.clientID)).toBe(false);
    // A late echo of Alice's departed id from Bob does not resurrect it under Bob's name.
    room.receive(b, awarenessFrame(encodeAwarenessUpdate(aw, [clientDoc.clientID])));
    expect(room.awareness.getStates().has(clientDoc.clientID)).toBe(false);
    // Alice reconnecting with the same client id gets it back.
    const a2 = new Connection(new MemorySocket(), ctx({ userId: 'alice', name: 'Alice' }));
    await registry.join('r1', a2);
    room.receive(a2, awarenessFrame(encodeAwarenessUpdate(aw, [clientDoc.clientID])));
    expect((room.awareness.getStates().get(clientDoc.clientID) as { user: { id: string } }).user.id).toBe('alice');
  });

  it('R6: echoes of the same person’s departed connections are never claimed: their other tab stays connected', async () => {
    // Alice keeps one tab open while another of her tabs (a phone that keeps dropping) comes and goes
    // without a goodbye. Her open tab, a stock client, echoes every presence change it receives.
    const tabSock = new MemorySocket();
    const tab = new Connection(tabSock, ctx({ userId: 'alice', name: 'Alice' }));
    const room = (await registry.join('r1', tab))!;
    const own = new Awareness(new Y.Doc());
    own.setLocalState({ cursor: { x: 0, y: 0 } });
    room.receive(tab, awarenessFrame(encodeAwarenessUpdate(own, [own.clientID])));
    for (let i = 0; i < 12; i++) {
      const phone = new Connection(new MemorySocket(), ctx({ userId: 'alice', name: 'Alice' }));
      await registry.join('r1', phone);
      const aw = new Awareness(new Y.Doc());
      aw.setLocalState({ cursor: { x: i, y: i } });
      const announced = encodeAwarenessUpdate(aw, [aw.clientID]);
      room.receive(phone, awarenessFrame(announced));
      registry.leave(room, phone);
      // The tab's echo of the phone's state arrives late, then its echo of the departure.
      room.receive(tab, awarenessFrame(announced));
      aw.setLocalState(null);
      room.receive(tab, awarenessFrame(encodeAwarenessUpdate(aw, [aw.clientID])));
      expect(room.awareness.getStates().has(aw.clientID)).toBe(false);
    }
    expect(tabSock.closedWith).toBeNull();
    expect(tab.awarenessIds).toEqual(new Set([own.clientID]));
  });

  it('R6: presence bookkeeping does not grow with every connection that ever came and went', async () => {
    const stay = new Connection(new MemorySocket(), ctx());
    const room = (await registry.join('r1', stay))!;
    for (let i = 0; i < 3000; i++) {
      const conn = new Connection(new MemorySocket(), ctx({ userId: `u${i}` }));
      await registry.join('r1', conn);
      const aw = new Awareness(new Y.Doc());
      aw.setLocalState({ cursor: { x: i, y: i } });
      room.receive(conn, awarenessFrame(encodeAwarenessUpdate(aw, [aw.clientID])));
      registry.leave(room, conn);
    }
    // y-protocols keeps a clock for every client id it has seen; the room keeps only the recent
    // departures' (1,000), plus its own.
    expect(room.awareness.getStates().size).toBe(0);
    expect(room.awareness.meta.size).toBeLessThanOrEqual(1001);
  });

  it('R6: one connection claiming thousands of client ids is rejected', async () => {
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await registry.join('r1', conn))!;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1000);
    for (let i = 0; i < 1000; i++) {
      encoding.writeVarUint(enc, 10_000 + i);
      encoding.writeVarUint(enc, 1);
      encoding.writeVarString(enc, '{}');
    }
    room.receive(conn, awarenessFrame(encoding.toUint8Array(enc)));
    expect(sock.closedWith).toBe(CloseCode.AwarenessRejected);
    expect(room.awareness.getStates().size).toBe(0);
  });

  it('R6: oversized awareness states are rejected', async () => {
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await registry.join('r1', conn))!;
    const aw = new Awareness(new Y.Doc());
    aw.setLocalState({ blob: 'x'.repeat(70 * 1024) });
    room.receive(conn, awarenessFrame(encodeAwarenessUpdate(aw, [aw.clientID])));
    expect(sock.closedWith).toBe(CloseCode.AwarenessRejected);
  });

  it('R7: opted-in connections get the stored state vector after each write; stock ones never do', async () => {
    const ext = new MemorySocket();
    const stock = new MemorySocket();
    const extConn = new Connection(ext, ctx({ extensions: true }));
    const room = (await registry.join('r1', extConn))!;
    await registry.join('r1', new Connection(stock, ctx({ userId: 'u2' })));
    const beforeWrite = ext.sent.length;
    room.receive(extConn, syncFrame(SyncStep.Update, stickyUpdate('z', 'saved?')));
    await sleep(20);
    const savedFrames = ext.sent.slice(beforeWrite).filter((f) => f[0] === MessageType.Saved);
    expect(savedFrames.length).toBe(1);
    const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoding.createDecoder(savedFrames[0].subarray(1))));
    expect(sv).toEqual(Y.decodeStateVector(Y.encodeStateVector(room.doc)));
    expect(stock.types()).not.toContain(MessageType.Saved);
  });

  it('R7: an opted-in connection joining a room with stored content is told the stored state vector at once', async () => {
    const writer = new Connection(new MemorySocket(), ctx());
    const room = (await registry.join('r1', writer))!;
    room.receive(writer, syncFrame(SyncStep.Update, stickyUpdate('kept', 'already stored')));
    await sleep(20);
    const ext = new MemorySocket();
    const stock = new MemorySocket();
    await registry.join('r1', new Connection(ext, ctx({ userId: 'u2', extensions: true })));
    await registry.join('r1', new Connection(stock, ctx({ userId: 'u3' })));
    const savedFrames = ext.sent.filter((f) => f[0] === MessageType.Saved);
    expect(savedFrames.length).toBe(1);
    const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoding.createDecoder(savedFrames[0].subarray(1))));
    expect(sv).toEqual(Y.decodeStateVector(Y.encodeStateVector(room.doc)));
    expect(stock.types()).not.toContain(MessageType.Saved);
  });

  it('R7: a connection joining while a write is not yet stored is not told it is saved before it is', async () => {
    const writer = new Connection(new MemorySocket(), ctx());
    const room = (await registry.join('r1', writer))!;
    room.receive(writer, syncFrame(SyncStep.Update, stickyUpdate('unstored', 'in the queue')));
    const ext = new MemorySocket();
    await registry.join('r1', new Connection(ext, ctx({ userId: 'u2', extensions: true })));
    expect(ext.types()).not.toContain(MessageType.Saved);
    await sleep(20);
    // The write's acknowledgement follows once it is stored, covering the write.
    const saved = ext.sent.filter((f) => f[0] === MessageType.Saved);
    expect(saved.length).toBe(1);
    const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoding.createDecoder(saved[0].subarray(1))));
    expect(sv).toEqual(Y.decodeStateVector(Y.encodeStateVector(room.doc)));
  });

  it('R8: a room unloads after its last connection leaves, and reloads with everything', async () => {
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await registry.join('r1', conn))!;
    room.receive(conn, syncFrame(SyncStep.Update, stickyUpdate('persist', 'me')));
    registry.leave(room, conn);
    await sleep(120);
    expect(registry.get('r1')).toBeUndefined();
    expect(room.destroyed).toBe(true);
    const again = (await registry.join('r1', new Connection(new MemorySocket(), ctx())))!;
    expect(getBoard(again.doc).get('persist')?.get('text')).toBe('me');
  });

  it('R8: a reconnect during the unload delay keeps the same room', async () => {
    const c1 = new Connection(new MemorySocket(), ctx());
    const room = (await registry.join('r1', c1))!;
    registry.leave(room, c1);
    await sleep(5);
    const room2 = await registry.join('r1', new Connection(new MemorySocket(), ctx()));
    await sleep(80);
    expect(room2).toBe(room);
    expect(room.destroyed).toBe(false);
  });

  it('R9: the log is compacted into a snapshot once it passes the threshold, keeping every change', async () => {
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await registry.join('r1', conn))!;
    for (let i = 0; i < 12; i++) {
      room.receive(conn, syncFrame(SyncStep.Update, stickyUpdate(`n${i}`, `note ${i}`)));
      await sleep(2);
    }
    await sleep(50);
    const stored = await store.loadDoc('r1');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(12);
    const d = await docOf(store, 'r1');
    for (let i = 0; i < 12; i++) expect(getBoard(d).get(`n${i}`)?.get('text')).toBe(`note ${i}`);
  });

  it('R3: the per-document size cap closes the connection that would exceed it', async () => {
    const reg = new RoomRegistry(store, { unloadDelayMs: 10, compactAfterUpdates: 100, limits: { ...limits, maxDocBytes: 2000 } }, log);
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await reg.join('r2', conn))!;
    room.receive(conn, syncFrame(SyncStep.Update, stickyUpdate('huge', 'x'.repeat(5000))));
    expect(sock.closedWith).toBe(CloseCode.DocumentTooLarge);
    expect(getBoard(room.doc).has('huge')).toBe(false);
    await reg.shutdown();
  });

  it('R3: updates whose dependencies never arrive count against the per-document size cap', async () => {
    const reg = new RoomRegistry(store, { unloadDelayMs: 10, compactAfterUpdates: 100, limits: { ...limits, maxDocBytes: 100_000 } }, log);
    const sock = new MemorySocket();
    const conn = new Connection(sock, ctx());
    const room = (await reg.join('r3', conn))!;
    // Each update builds on a character the server never gets: Yjs keeps it aside, waiting, in memory.
    for (let i = 0; i < 20 && sock.closedWith === null; i++) {
      const d = new Y.Doc();
      d.getText('t').insert(0, 'x');
      const sv = Y.encodeStateVector(d);
      d.getText('t').insert(1, 'y'.repeat(20_000));
      room.receive(conn, syncFrame(SyncStep.Update, Y.encodeStateAsUpdate(d, sv)));
    }
    expect(sock.closedWith).toBe(CloseCode.DocumentTooLarge);
    expect(room.doc.store.pendingStructs?.update.byteLength ?? 0).toBeLessThanOrEqual(100_000);
    await reg.shutdown();
  });
});
