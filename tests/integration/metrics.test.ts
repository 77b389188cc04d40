/**
 * Operations endpoints on the real server: /readyz follows the database, and /metrics counts what the
 * collaboration layer does — rooms, connections, stored updates, frame sizes, refused frames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType } from '../../shared/protocol/messages.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';

let server: TestServer;
let host: ApiClient;
let session: SessionDto;
const clients: YClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  host = new ApiClient(server.url, server.origin);
  await host.signup('Hana Host');
  const community = await host.createCommunity();
  session = await host.createSession(community.id);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\S+) (\S+)$/.exec(line);
    if (m && !line.startsWith('#')) samples.set(m[1]!, Number(m[2]));
  }
  return samples;
}

/** Sends one binary frame on a fresh socket and resolves with the server's close code. */
async function closeCodeAfter(frame: Uint8Array): Promise<number> {
  const { token } = await host.ticket(session.id);
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${session.room}?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.send(frame);
  return closed;
}

describe('operations endpoints on the real server', () => {
  it('/readyz is 200 with the database check', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok' } });
  });

  it('/metrics follows rooms, connections, stored updates and incoming frames', async () => {
    const before = await scrape();
    expect(before.get('commonplace_rooms_loaded')).toBe(0);
    expect(before.get('commonplace_connections_open')).toBe(0);

    const c = connectClient(server.url, session.room, { token: (await host.ticket(session.id)).token });
    clients.push(c);
    await waitForSync(c);
    c.doc.getText('notes').insert(0, 'metrics please');
    await waitFor(() => server.registry.writer.metrics.updates > (before.get('commonplace_updates_stored_total') ?? 0));

    const after = await scrape();
    // The session room and its control room (loaded with it for its board locks, SPEC R12).
    expect(after.get('commonplace_rooms_loaded')).toBe(2);
    expect(after.get('commonplace_connections_open')).toBe(1);
    expect(after.get('commonplace_updates_stored_total')).toBeGreaterThanOrEqual(1);
    expect(after.get('commonplace_update_bytes_stored_total')).toBeGreaterThan(0);
    expect(after.get('commonplace_write_batches_total')).toBeGreaterThanOrEqual(1);
    expect(after.get('commonplace_write_failures_total')).toBe(0);
    expect(after.get('commonplace_write_batch_duration_seconds_count')).toBe(after.get('commonplace_write_batches_total'));
    expect(after.get('commonplace_write_batch_last_seconds')).toBeGreaterThan(0);
    expect(after.get('commonplace_room_load_duration_seconds_count')).toBe(2); // with its control room
    expect(after.get('commonplace_collab_message_bytes_count{type="sync"}')).toBeGreaterThanOrEqual(2); // step 1 and the edit
    expect(after.get('commonplace_collab_message_bytes_sum{type="sync"}')).toBeGreaterThan(0);
  });

  it('counts refused frames by kind and server closes by reason', async () => {
    const before = await scrape();
    expect(await closeCodeAfter(new Uint8Array([MessageType.Sync, 9]))).toBe(CloseCode.InvalidMessage);

    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Awareness);
    encoding.writeVarUint8Array(enc, new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])); // invalid JSON state
    expect(await closeCodeAfter(encoding.toUint8Array(enc))).toBe(CloseCode.AwarenessRejected);

    const after = await scrape();
    const delta = (k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
    expect(delta('commonplace_errors_total{kind="bad_frame"}')).toBe(1);
    expect(delta('commonplace_errors_total{kind="awareness_rejected"}')).toBe(1);
    expect(delta('commonplace_collab_closes_total{reason="invalid_message"}')).toBe(1);
    expect(delta('commonplace_collab_closes_total{reason="awareness_rejected"}')).toBe(1);
    expect(delta('commonplace_collab_message_bytes_count{type="awareness"}')).toBeGreaterThanOrEqual(1);
  });
});
