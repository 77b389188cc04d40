/**
 * The room's fast paths keep the SPEC rules: a big room is answered from its stored bytes before its doc
 * is built (R2, R3), a sender is not sent back what only it wrote but still gets its saved ack (R3, R7),
 * an unloading room is compacted (R8, R9), and presence received from other nodes is never published
 * back to them (R6 across nodes).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import type { Store } from '../store/types.ts';
import { RoomRegistry } from './RoomRegistry.ts';
import { Connection } from './Connection.ts';
import type { CollabSocket, ConnectionContext } from './CollabSocket.ts';
import type { Fanout } from '../fanout/Fanout.ts';
import { createLogger } from '../log.ts';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';

const log = createLogger('silent');
const limits = { maxAwarenessBytes: 64 * 1024, maxAwarenessClientsPerConnection: 4, maxDocBytes: 8 * 1024 * 1024 };

class MemorySocket implements CollabSocket {
  sent: Uint8Array[] = [];
  bufferedAmount = 0;
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {}
  /** [type, sync step or -1, payload] of every frame received. */
  frames(): [number, number, Uint8Array][] {
    return this.sent.map((f) => {
      const d = decoding.createDecoder(f);
      const type = decoding.readVarUint(d);
      const step = type === MessageType.Sync ? decoding.readVarUint(d) : -1;
      return [type, step, decoding.readVarUint8Array(d)];
    });
  }
}

const ctx = (over: Partial<ConnectionContext> = {}): ConnectionContext => ({
  userId: 'u1', name: 'Ada', color: '#123456', room: 'r1', sessionId: 's1', communityId: 'c1', readOnly: false, extensions: false, ...over,
});

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A document of about 100 KB (above the size from which a room defers building its doc). */
function bigState(): Uint8Array {
  const doc = new Y.Doc();
  const m = doc.getMap('m');
  doc.transact(() => {
    for (let i = 0; i < 2000; i++) m.set(`k${i}`, `value ${i} `.padEnd(48, 'x'));
  });
  return Y.encodeStateAsUpdate(doc);
}

function mapUpdate(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

let store: Store;
let registry: RoomRegistry;
beforeEach(() => {
  store = SqliteStore.open({ filename: ':memory:' });
  registry = new RoomRegistry(store, { unloadDelayMs: 20, compactAfterUpdates: 100, limits }, log);
});
afterEach(async () => {
  await registry.shutdown();
  await store.close();
});

describe('room fast paths', () => {
  it('R2/R3: a big stored room answers a new joiner with its stored bytes, then builds its doc and syncs on', async () => {
    const state = bigState();
    await store.appendUpdates([{ room: 'r1', update: state }]);
    const a = new MemorySocket();
    const connA = new Connection(a, ctx({ extensions: true }));
    const room = (await registry.join('r1', connA))!;
    room.receive(connA, syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
    const step2 = a.frames().find(([t, s]) => t === MessageType.Sync && s === SyncStep.Step2);
    expect(Buffer.from(step2![2]).equals(Buffer.from(state))).toBe(true);

    await tick(); // the doc is built: step 1 and the saved ack follow
    const types = a.frames().map(([t, s]) => `${t}/${s}`);
    expect(types).toContain(`${MessageType.Sync}/${SyncStep.Step1}`);
    expect(types).toContain(`${MessageType.Saved}/-1`);
    expect((room.doc.getMap('m').get('k1999') as string).startsWith('value 1999')).toBe(true);

    // A change invalidates the cached full state: the next joiner gets it too.
    const b = new MemorySocket();
    const connB = new Connection(b, ctx({ userId: 'u2' }));
    await registry.join('r1', connB);
    room.receive(connA, syncFrame(SyncStep.Update, mapUpdate('new', 'after load')));
    await registry.writer.flush();
    const c = new MemorySocket();
    const connC = new Connection(c, ctx({ userId: 'u3' }));
    await registry.join('r1', connC);
    room.receive(connC, syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
    const joined = new Y.Doc();
    for (const [t, s, payload] of c.frames()) if (t === MessageType.Sync && s === SyncStep.Step2) Y.applyUpdate(joined, payload);
    expect(joined.getMap('m').get('new')).toBe('after load');
    expect(joined.getMap('m').size).toBe(2001);
  });

  it('R3/R7: the only author of a write is not sent it back, but gets its saved ack; others get the update', async () => {
    const a = new MemorySocket();
    const b = new MemorySocket();
    const connA = new Connection(a, ctx({ extensions: true }));
    const room = (await registry.join('r1', connA))!;
    await registry.join('r1', new Connection(b, ctx({ userId: 'u2' })));
    a.sent = [];
    b.sent = [];
    room.receive(connA, syncFrame(SyncStep.Update, mapUpdate('x', 'one')));
    await registry.writer.flush();
    expect(a.frames().map(([t]) => t)).toEqual([MessageType.Saved]);
    expect(b.frames().filter(([t, s]) => t === MessageType.Sync && s === SyncStep.Update)).toHaveLength(1);

    // Two authors in one tick: each needs the other's change, so both get the merged update.
    const connB = [...room.connections].find((c) => c !== connA)!;
    a.sent = [];
    b.sent = [];
    room.receive(connA, syncFrame(SyncStep.Update, mapUpdate('y', 'two')));
    room.receive(connB, syncFrame(SyncStep.Update, mapUpdate('z', 'three')));
    await registry.writer.flush();
    expect(a.frames().filter(([t]) => t === MessageType.Sync)).toHaveLength(1);
    expect(b.frames().filter(([t]) => t === MessageType.Sync)).toHaveLength(1);
  });

  it('R9: a room that unloads with a tail of log rows is compacted, so the next load is one part', async () => {
    const a = new MemorySocket();
    const connA = new Connection(a, ctx());
    const room = (await registry.join('r1', connA))!;
    for (let i = 0; i < 5; i++) {
      room.receive(connA, syncFrame(SyncStep.Update, mapUpdate(`k${i}`, `v${i}`)));
      await registry.writer.flush();
    }
    expect(await store.countUpdates('r1')).toBe(5);
    registry.leave(room, connA);
    for (let i = 0; i < 50 && (await store.countUpdates('r1')) > 0; i++) await sleep(10);
    const stored = await store.loadDoc('r1');
    expect(stored.updates).toHaveLength(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(doc.getMap('m').get('k4')).toBe('v4');
  });

  it('R9: an asynchronous compaction whose snapshot was replaced meanwhile writes nothing and loses nothing', async () => {
    await store.appendUpdates([{ room: 'r3', update: mapUpdate('a', '1') }, { room: 'r3', update: mapUpdate('b', '2') }]);
    const merge = (parts: Uint8Array[]) => Y.mergeUpdates(parts);
    const slow = store.compact('r3', async (parts) => {
      // Meanwhile: a row is appended and another compaction (e.g. another process) runs to the end.
      await store.appendUpdates([{ room: 'r3', update: mapUpdate('c', '3') }]);
      await store.compact('r3', merge);
      await store.appendUpdates([{ room: 'r3', update: mapUpdate('d', '4') }]);
      return merge(parts);
    });
    await slow;
    const stored = await store.loadDoc('r3');
    const doc = new Y.Doc();
    for (const part of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(doc, part);
    expect(doc.getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    expect(stored.updates).toHaveLength(1);
  });

  it('R6: presence received from another node is relayed to local clients but never published back', async () => {
    const published: Uint8Array[] = [];
    const handlers = new Map<string, { onAwareness(u: Uint8Array): void }>();
    const fanout: Fanout = {
      subscribe: async (name, h) => void handlers.set(name, h),
      unsubscribe: async () => {},
      publishUpdate: () => {},
      publishAwareness: (_room, u) => void published.push(u),
      onResync: () => {},
      ping: async () => {},
      close: async () => {},
    };
    const reg = new RoomRegistry(store, { unloadDelayMs: 20, compactAfterUpdates: 100, limits }, log, fanout);
    const a = new MemorySocket();
    const room = (await reg.join('r2', new Connection(a, ctx({ room: 'r2' }))))!;
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState({ cursor: 1, user: { id: 'u9', name: 'Remote', color: '#000000' } });
    handlers.get('r2')!.onAwareness(encodeAwarenessUpdate(remote, [remote.clientID]));
    expect(a.frames().some(([t]) => t === MessageType.Awareness)).toBe(true);
    expect(published).toHaveLength(0);
    // Timed out here (its node stopped renewing it): removed locally, still not published.
    room.awareness.meta.get(remote.clientID)!.lastUpdated = Date.now() - 60_000;
    room.removeOutdatedAwareness();
    expect(room.awareness.getStates().has(remote.clientID)).toBe(false);
    expect(published).toHaveLength(0);
    remote.destroy();
    await reg.shutdown();
  });
});
