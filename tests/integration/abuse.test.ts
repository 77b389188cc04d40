/**
 * Abuse limits on the collaboration endpoint: half-open upgrades (slowloris) are dropped, per-IP caps
 * refuse floods, silent peers are dropped by the heartbeat and their presence goes with them, sockets
 * that never sync are dropped at the sync deadline (SPEC R19), a reader that stops reading is dropped
 * before its send buffer grows past the bound, and none of it disturbs a normal client. The long
 * variants (500 slow sockets at the default deadlines) are in tests/chaos/slow.chaos.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import net from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync } from '../helpers/yclient.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType, SyncStep } from '../../shared/protocol/messages.ts';
import { Connection, MAX_BUFFERED_BYTES } from '../../server/collab/Connection.ts';

let server: TestServer;
let api: ApiClient;
let session: SessionDto;

beforeAll(async () => {
  server = await startTestServer({ HEADERS_TIMEOUT_MS: '1000', MAX_CONNECTIONS_PER_IP: '150', MAX_CONNECTIONS_PER_USER: '400', HEARTBEAT_MS: '300' });
  api = new ApiClient(server.url, server.origin);
  await api.signup('Abe Abuse');
  const c = await api.createCommunity('Limits', 'invite');
  session = await api.createSession(c.id);
});
afterAll(async () => {
  await server?.dispose();
});

describe('abuse limits', () => {
  it('half-open upgrades (slowloris) are dropped without slowing a normal client', async () => {
    const port = Number(new URL(server.url).port);
    const slow: net.Socket[] = [];
    const closedAt: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => {});
      s.on('close', () => closedAt.push(Date.now() - started));
      s.resume(); // read the server's 408 and FIN, or 'close' never fires on our side
      s.write(`GET /collab/${session.room} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`);
      slow.push(s);
    }
    const normal = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
    const t0 = Date.now();
    await waitForSync(normal);
    expect(Date.now() - t0).toBeLessThan(1000);
    getBoard(normal.doc).set('n', toYMap({ id: 'n', type: 'sticky', text: 'fine' }));
    await waitFor(() => closedAt.length === 100, 10_000, 'slow sockets dropped');
    expect(Math.max(...closedAt)).toBeLessThan(5000);
    normal.destroy();
  });

  it('a flood from one address past MAX_CONNECTIONS_PER_IP is refused with 429', async () => {
    const { token } = await api.ticket(session.id);
    const sockets: WebSocket[] = [];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 160 }, () =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${session.room}?token=${token}`);
          sockets.push(ws);
          ws.on('open', () => (statuses.push(101), resolve()));
          ws.on('unexpected-response', (_q, res) => (statuses.push(res.statusCode ?? 0), resolve()));
          ws.on('error', () => resolve());
        }),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBe(10);
    expect(statuses.filter((s) => s === 101).length).toBe(150);
    for (const ws of sockets) ws.terminate();
  });

  it('a peer that stops answering pings is dropped and its presence disappears for the others', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const observer = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
    await waitForSync(observer);
    const silent = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${session.room}?token=${(await api.ticket(session.id)).token}`, { autoPong: false });
    await new Promise((r) => silent.on('open', r));
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 424242);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'ghost' } }));
    encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
    silent.send(encoding.toUint8Array(enc));
    await waitFor(() => observer.provider.awareness.getStates().has(424242), 3000, 'ghost presence');
    const closed = new Promise<void>((r) => silent.on('close', () => r()));
    const t0 = Date.now();
    await closed;
    await waitFor(() => !observer.provider.awareness.getStates().has(424242), 3000, 'ghost presence removed');
    expect(Date.now() - t0).toBeLessThan(5000);
    observer.destroy();
  });
});

/** A raw socket's sync step 1 for an empty document: what every stock client sends first. */
function syncStep1(): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep.Step1);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(enc);
}

// Its own server: a short sync deadline, and the default heartbeat, so that a paused reader is dropped
// for its buffer and not for a missed pong.
describe('sync deadline and slow readers', () => {
  const SYNC_DEADLINE_MS = 600;
  let srv: TestServer;
  let host: ApiClient;
  let reader: ApiClient;
  let slowUserId: string;
  let room: SessionDto;
  const wsUrl = async (who: ApiClient) => `${srv.url.replace('http', 'ws')}/collab/${room.room}?token=${(await who.ticket(room.id)).token}`;

  beforeAll(async () => {
    srv = await startTestServer({ SYNC_DEADLINE_MS: String(SYNC_DEADLINE_MS), MAX_CONNECTIONS_PER_USER: '40' });
    host = new ApiClient(srv.url, srv.origin);
    await host.signup('Hana Host');
    const c = await host.createCommunity('Deadlines', 'open');
    room = await host.createSession(c.id);
    reader = new ApiClient(srv.url, srv.origin);
    slowUserId = (await reader.signup('Sid Slow')).id;
    await reader.join(c.id);
  });
  afterAll(async () => {
    await srv?.dispose();
  });

  it('R19: upgraded sockets that answer pings but never send sync step 1 are closed with 4008 and their slots freed; a syncing one stays', async () => {
    const normal = connectClient(srv.url, room.room, { token: (await host.ticket(room.id)).token });
    await waitForSync(normal);
    const before = srv.collab.connectionCount();
    // 30 idle sockets of one user (cap 40): they would leave that person 10 slots if they stayed.
    const url = await wsUrl(host); // tickets are reusable until they expire
    const closes: { code: number; ms: number }[] = [];
    const t0 = Date.now();
    const idle = Array.from({ length: 30 }, () => {
      const ws = new WebSocket(url);
      ws.on('close', (code) => closes.push({ code, ms: Date.now() - t0 }));
      return new Promise<WebSocket>((r) => ws.once('open', () => r(ws)));
    });
    // A raw socket that syncs (late, but in time) is a client like any other.
    const syncing = new WebSocket(url);
    let syncingClosed = false;
    syncing.on('close', () => (syncingClosed = true));
    await Promise.all([...idle, new Promise((r) => syncing.once('open', r))]);
    expect(srv.collab.connectionCount()).toBe(before + 31);
    await new Promise((r) => setTimeout(r, SYNC_DEADLINE_MS / 2));
    syncing.send(syncStep1());

    await waitFor(() => closes.length === 30, 5000, 'never-syncing sockets closed');
    expect(new Set(closes.map((c) => c.code))).toEqual(new Set([CloseCode.SyncDeadline]));
    expect(Math.max(...closes.map((c) => c.ms))).toBeLessThan(SYNC_DEADLINE_MS + 2000);
    await waitFor(() => srv.collab.connectionCount() === before + 1, 2000, 'slots freed');
    await new Promise((r) => setTimeout(r, SYNC_DEADLINE_MS));
    expect(syncingClosed).toBe(false);
    // The person's slots are back: 30 more connections of theirs are accepted and sync.
    const again = await Promise.all(Array.from({ length: 30 }, async () => connectClient(srv.url, room.room, { token: (await host.ticket(room.id)).token })));
    await Promise.all(again.map((c) => waitForSync(c)));
    // The normal client never noticed.
    getBoard(again[0]!.doc).set('after', toYMap({ id: 'after', type: 'sticky', text: 'still fine' }));
    await waitFor(() => getBoard(normal.doc).has('after'), 3000, 'edit after the deadline');
    for (const c of again) c.destroy();
    syncing.terminate();
    normal.destroy();
  });

  it('a reader that stops reading is closed with 1013 before its send buffer passes the bound; the writer and other readers carry on and nothing is lost', async () => {
    const writer = connectClient(srv.url, room.room, { token: (await host.ticket(room.id)).token });
    const other = connectClient(srv.url, room.room, { token: (await host.ticket(room.id)).token });
    const slow = connectClient(srv.url, room.room, { token: (await reader.ticket(room.id)).token });
    await Promise.all([writer, other, slow].map((c) => waitForSync(c)));
    const healthyCloses: number[] = [];
    for (const c of [writer, other]) c.provider.on('connection-close', (e) => healthyCloses.push(e?.code ?? 0));
    const slowCloses: number[] = [];
    slow.provider.on('connection-close', (e) => slowCloses.push(e?.code ?? 0));
    const serverCloses: number[] = [];
    const onServerClose = srv.collab.onServerClose;
    srv.collab.onServerClose = (code) => (serverCloses.push(code), onServerClose(code));
    // The slow reader's send buffer, measured right after each frame the server queues for it.
    let maxBuffered = 0;
    const send = Connection.prototype.send;
    const spy = vi.spyOn(Connection.prototype, 'send').mockImplementation(function (this: Connection, frame: Uint8Array) {
      send.call(this, frame);
      if (this.ctx.userId === slowUserId && !this.closed) maxBuffered = Math.max(maxBuffered, this.socket.bufferedAmount);
    });
    try {
      // The client's TCP socket stops reading: the kernel buffers fill, then the server's send buffer.
      const raw = (slow.provider.ws as unknown as { _socket: net.Socket })._socket;
      raw.pause();
      const CHUNK = 512 * 1024;
      const written: string[] = [];
      // One big edit at a time, each delivered to the other reader before the next (one frame per tick).
      for (let i = 0; i < 100 && !serverCloses.includes(1013); i++) {
        const id = `big-${i}`;
        getBoard(writer.doc).set(id, toYMap({ id, type: 'sticky', text: String(i % 10).repeat(CHUNK) }));
        written.push(id);
        await waitFor(() => getBoard(other.doc).has(id), 5000, `${id} delivered`);
      }
      expect(serverCloses).toEqual([1013]);
      expect(maxBuffered).toBeGreaterThan(MAX_BUFFERED_BYTES / 2);
      // The bound: the check runs before each send, so at most one frame lands on top of it.
      expect(maxBuffered).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 2 * CHUNK);
      // The writer keeps writing, the other reader keeps receiving.
      getBoard(writer.doc).set('small', toYMap({ id: 'small', type: 'sticky', text: 'after the drop' }));
      written.push('small');
      await waitFor(() => getBoard(other.doc).has('small'), 3000, 'edit after the drop');
      // Reading again, the slow client sees the 1013, reconnects and resyncs everything.
      raw.resume();
      await waitFor(() => slowCloses.includes(1013), 10_000, 'slow reader sees 1013');
      await waitFor(() => slow.provider.synced && written.every((id) => getBoard(slow.doc).has(id)), 20_000, 'slow reader resynced');
      // Nothing lost in the room: a newcomer gets every edit.
      const late = connectClient(srv.url, room.room, { token: (await reader.ticket(room.id)).token });
      await waitForSync(late, 20_000);
      expect(written.filter((id) => !getBoard(late.doc).has(id))).toEqual([]);
      expect(healthyCloses).toEqual([]);
      late.destroy();
    } finally {
      spy.mockRestore();
      srv.collab.onServerClose = onServerClose;
      for (const c of [writer, other, slow]) c.destroy();
    }
  }, 60_000);
});
