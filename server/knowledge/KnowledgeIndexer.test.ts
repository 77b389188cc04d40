/**
 * KnowledgeIndexer against a real SQLite store and a real RoomRegistry fed through in-memory sockets:
 * debounced indexing of live rooms, the background pass over stored documents, and shutdown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';
import { Connection } from '../collab/Connection.ts';
import type { CollabSocket } from '../collab/CollabSocket.ts';
import { RoomRegistry } from '../collab/RoomRegistry.ts';
import { createLogger } from '../log.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import type { SessionRecord } from '../store/types.ts';
import { INDEX_VERSION } from './indexEntries.ts';
import { KnowledgeIndexer, type IndexerStore } from './KnowledgeIndexer.ts';

const log = createLogger('silent');
const limits = { maxAwarenessBytes: 64 * 1024, maxAwarenessClientsPerConnection: 4, maxDocBytes: 1024 * 1024 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class MemorySocket implements CollabSocket {
  bufferedAmount = 0;
  send() {}
  close() {}
}

function updateFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep.Update);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** An update adding a sticky note. */
function sticky(id: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  getBoard(doc).set(id, toYMap({ id, type: 'sticky', text }));
  return Y.encodeStateAsUpdate(doc);
}

let store: SqliteStore;
let registry: RoomRegistry;
let indexers: KnowledgeIndexer[];
let sessions: SessionRecord[];

beforeEach(async () => {
  store = SqliteStore.open({ filename: ':memory:' });
  registry = new RoomRegistry(store, { unloadDelayMs: 30, compactAfterUpdates: 1000, limits }, log);
  indexers = [];
  await store.createUser({ id: 'u1', name: 'Ada', email: 'ada@example.org', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCommunity({ id: 'c1', name: 'Nurses', domain: 'd', groundRules: '', visibility: 'open', createdBy: 'u1', createdAt: '2026-01-01T00:00:00.000Z' });
  sessions = [];
  for (const [i, title] of ['Handover huddle', 'Night shift circle', 'Rota review'].entries()) {
    const s: SessionRecord = { id: `s${i}`, communityId: 'c1', title, startsAt: '2026-05-01T09:00:00.000Z', durationMinutes: 60, format: 'open_discussion', room: `room${i}`, createdBy: 'u1', createdAt: `2026-01-0${i + 1}T00:00:00.000Z` };
    await store.createSession(s);
    sessions.push(s);
  }
});

afterEach(async () => {
  for (const i of indexers) await i.stop();
  await registry.shutdown();
  await store.close();
});

function indexer(debounceMs: number, s: IndexerStore = store) {
  const i = new KnowledgeIndexer(s, registry, { debounceMs, sweepIntervalMs: 0 }, log);
  indexers.push(i);
  return i;
}

const found = async (text: string) => (await store.searchIndex.search(['c1'], { text }, 20)).map((h) => `${h.sessionId}:${h.kind}:${h.itemId ?? ''}`);

describe('KnowledgeIndexer', () => {
  it('indexes a live room once per debounce window, from the live document', async () => {
    const ix = indexer(150);
    await ix.sweep(); // everything indexed once (titles), so only the live change remains
    const indexedBefore = ix.metrics.indexed;
    ix.start();
    const conn = new Connection(new MemorySocket(), { userId: 'u1', name: 'Ada', color: '#123456', room: 'room0', sessionId: 's0', communityId: 'c1', readOnly: false, extensions: false });
    const room = (await registry.join('room0', conn))!;
    room.receive(conn, updateFrame(sticky('n1', 'Escalation ladder')));
    await sleep(20);
    room.receive(conn, updateFrame(sticky('n2', 'Buddy checks')));
    await sleep(40);
    expect(await found('escalation')).toEqual([]); // still inside the window
    await sleep(250);
    expect(await found('escalation')).toEqual(['s0:board:n1']);
    expect(await found('buddy')).toEqual(['s0:board:n2']);
    expect(ix.metrics.indexed - indexedBefore).toBe(1);
  });

  it('indexes never-indexed and out-of-date sessions from their stored documents in the background pass', async () => {
    const notes = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Pressure ulcer audit')]);
    getNotes(notes).insert(0, [p]);
    await store.appendUpdates([{ room: 'room1', update: Y.encodeStateAsUpdate(notes) }]);

    const ix = indexer(10_000);
    await ix.sweep();
    expect(await found('audit')).toEqual(['s1:notes:']);
    expect((await found('rota')).sort()).toEqual(['s2:title:']);
    expect(await store.searchIndex.listSessionsToIndex(INDEX_VERSION, 10)).toEqual([]);
    expect(registry.get('room1')).toBeUndefined(); // read from the store, never loaded as a room

    // A change stored while nobody indexed it (e.g. before a crash) is caught by the next pass.
    await sleep(5);
    await store.appendUpdates([{ room: 'room2', update: sticky('x', 'Weekend cover') }]);
    expect((await store.searchIndex.listSessionsToIndex(INDEX_VERSION, 10)).map((s) => s.sessionId)).toEqual(['s2']);
    const before = ix.metrics.indexed;
    await ix.sweep();
    expect(ix.metrics.indexed - before).toBe(1);
    expect(await found('weekend')).toEqual(['s2:board:x']);
  });

  it('keeps going past a session whose document cannot be read', async () => {
    const failing = { ...store, getSession: store.getSession.bind(store), getSessionByRoom: store.getSessionByRoom.bind(store), loadDoc: (room: string) => (room === 'room0' ? Promise.reject(new Error('unreadable')) : store.loadDoc(room)) };
    const ix = indexer(10_000, failing);
    await ix.sweep();
    expect(ix.metrics.failures).toBe(1);
    expect((await store.searchIndex.listSessionsToIndex(INDEX_VERSION, 10)).map((s) => s.sessionId)).toEqual(['s0']);
    expect((await found('rota')).sort()).toEqual(['s2:title:']);
  });

  it('on stop, indexes pending changes at once and then follows no more rooms', async () => {
    const ix = indexer(60_000);
    ix.start();
    await ix.sweep();
    const conn = new Connection(new MemorySocket(), { userId: 'u1', name: 'Ada', color: '#123456', room: 'room2', sessionId: 's2', communityId: 'c1', readOnly: false, extensions: false });
    const room = (await registry.join('room2', conn))!;
    room.receive(conn, updateFrame(sticky('a', 'Annual leave')));
    await registry.writer.flush();
    expect(await found('annual')).toEqual([]);
    await ix.stop();
    expect(await found('annual')).toEqual(['s2:board:a']);
    room.receive(conn, updateFrame(sticky('b', 'Bank holiday')));
    await registry.writer.flush();
    await sleep(20);
    expect(await found('holiday')).toEqual([]);
  });
});
