/**
 * Abuse limits on the collaboration endpoint: half-open upgrades (slowloris) are dropped, per-IP caps
 * refuse floods, silent peers are dropped by the heartbeat and their presence goes with them, and none
 * of it disturbs a normal client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync } from '../helpers/yclient.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';

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
