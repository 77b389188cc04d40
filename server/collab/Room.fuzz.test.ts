/**
 * R5 under a seeded corpus of 10,000 malformed frames fed straight into a room: the room never throws,
 * closes only the sending connection, keeps serving a healthy connection, and its stored state reloads.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { RoomRegistry } from './RoomRegistry.ts';
import { Connection } from './Connection.ts';
import type { CollabSocket, ConnectionContext } from './CollabSocket.ts';
import { createLogger } from '../log.ts';
import { fuzzCorpus } from '../../tests/chaos/fuzzCorpus.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';

class Sink implements CollabSocket {
  bufferedAmount = 0;
  sent = 0;
  closed: number | null = null;
  send() {
    this.sent++;
  }
  close(code: number) {
    this.closed = code;
  }
}
const ctx = (userId: string): ConnectionContext => ({ userId, name: userId, color: '#000000', room: 'fuzz', sessionId: 's', communityId: 'c', readOnly: false, extensions: true });

describe('protocol fuzzing (R5)', () => {
  it('R5: 10,000 seeded malformed frames never crash the room and close only their sender', async () => {
    const store = SqliteStore.open({ filename: ':memory:' });
    const registry = new RoomRegistry(store, { unloadDelayMs: 10, compactAfterUpdates: 200, limits: { maxAwarenessBytes: 65536, maxAwarenessClientsPerConnection: 8, maxDocBytes: 8 * 1024 * 1024 } }, createLogger('silent'));
    const canarySock = new Sink();
    const canary = new Connection(canarySock, ctx('canary'));
    const room = (await registry.join('fuzz', canary))!;
    const counts: Record<string, number> = {};
    let unclosedValid = 0;
    for (const f of fuzzCorpus(20261123, 10_000)) {
      const sock = new Sink();
      const conn = new Connection(sock, ctx(`attacker`));
      await registry.join('fuzz', conn);
      expect(() => room.receive(conn, f.data)).not.toThrow();
      counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      if (sock.closed === null) unclosedValid++;
      registry.leave(room, conn);
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(canarySock.closed).toBeNull();
    // Some mutated frames are still valid Yjs (a flipped bit in text): those are accepted, not fatal.
    expect(unclosedValid).toBeLessThan(10_000);

    // The room still works for the canary and its state round-trips through the store.
    const clientDoc = new Y.Doc();
    getBoard(clientDoc).set('after-fuzz', toYMap({ id: 'after-fuzz', type: 'sticky', text: 'still here' }));
    const { updateFrame } = await import('./frames.ts');
    room.receive(canary, updateFrame(Y.encodeStateAsUpdate(clientDoc)));
    await registry.writer.flush();
    const stored = await store.loadDoc('fuzz');
    const reloaded = new Y.Doc();
    for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(reloaded, u);
    expect(getBoard(reloaded).get('after-fuzz')?.get('text')).toBe('still here');
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(room.doc));
    await registry.shutdown();
    await store.close();
  }, 60_000);
});
