/**
 * Fast variants of the chaos suites (tests/chaos, `npm run test:chaos`) that the other integration tests
 * do not already cover: unload/reconnect races, a database that cannot be read or written, and rooms
 * leaving memory after connect/disconnect churn — each in seconds, with stock clients over real sockets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';
import { prng } from '../chaos/fuzzCorpus.ts';
import { PLACES, countTokens, tokenOf, writeToken } from '../chaos/tokens.ts';

let server: TestServer;
let api: ApiClient;
const sessions: SessionDto[] = [];
const clients: YClient[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startTestServer({ ROOM_UNLOAD_DELAY_MS: '0', MAX_CONNECTIONS_PER_USER: '200' });
  api = new ApiClient(server.url, server.origin);
  await api.signup('Fay Faults');
  const community = await api.createCommunity('Faults', 'invite');
  for (let i = 0; i < 4; i++) sessions.push(await api.createSession(community.id, `Faults ${i}`));
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

async function client(session: number): Promise<YClient> {
  const c = connectClient(server.url, sessions[session]!.room, { token: (await api.ticket(sessions[session]!.id)).token });
  clients.push(c);
  return c;
}

/** The update log hidden from the server (as a broken disk would), from a second connection. */
const dbFile = () => path.join(server.dataDir, 'commonplace.sqlite');
function setUpdateLog(visible: boolean) {
  const db = new Database(dbFile());
  const hidden = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'doc_updates_hidden'").get();
  if (visible && hidden) db.exec('ALTER TABLE doc_updates_hidden RENAME TO doc_updates');
  if (!visible && !hidden) db.exec('ALTER TABLE doc_updates RENAME TO doc_updates_hidden');
  db.close();
}

describe('faults, fast', () => {
  afterEach(() => setUpdateLog(true));

  it('R8: the last client leaves and a new one joins 0–100 ms later (ROOM_UNLOAD_DELAY_MS 0): never an empty or partial document', async () => {
    const rand = prng(7);
    const written: string[] = [];
    for (let race = 0; race < 30; race++) {
      const c = await client(0);
      await waitForSync(c);
      const have = countTokens(c.doc);
      expect(written.filter((t) => !have.has(t)), `race ${race}`).toEqual([]);
      // Written just before leaving: still being stored when the room starts to unload.
      for (let n = 0; n < 2; n++) {
        const t = tokenOf('race', written.length);
        written.push(t);
        writeToken(c.doc, t, PLACES[written.length % 3]!, rand);
      }
      c.destroy();
      await sleep(rand() * 100);
    }
  });

  it('R3: while writes fail, a client that joins is not served edits that are not stored yet; they arrive once stored', async () => {
    const writer = await client(1);
    await waitForSync(writer);
    setUpdateLog(false);
    writeToken(writer.doc, 'tk-unstored-1', 'board', Math.random);
    await sleep(200);
    const joiner = await client(1);
    await sleep(500);
    expect(joiner.provider.synced).toBe(false);
    expect(countTokens(joiner.doc).has('tk-unstored-1')).toBe(false);
    setUpdateLog(true);
    // The writer retries with a backoff (100 ms, 200 ms, …): the held reply follows the write.
    await waitFor(() => joiner.provider.synced && countTokens(joiner.doc).has('tk-unstored-1'), 10_000, 'the stored edit to reach the joiner');
    writer.destroy();
    joiner.destroy();
  });

  it('R2: with the update log unreadable, a room not in memory is refused with 4503 and never served empty; then loads in full', async () => {
    const writer = await client(2);
    await waitForSync(writer);
    const tokens = Array.from({ length: 10 }, (_, i) => tokenOf('down', i));
    tokens.forEach((t, i) => writeToken(writer.doc, t, PLACES[i % 3]!, Math.random));
    const observer = await client(2);
    await waitFor(() => tokens.every((t) => countTokens(observer.doc).has(t)));
    writer.destroy();
    observer.destroy();
    await waitFor(() => !server.registry.get(sessions[2]!.room), 5000, 'the room to unload');

    setUpdateLog(false);
    const c = await client(2);
    const closes: number[] = [];
    let synced = false;
    c.provider.on('connection-close', (e) => closes.push(e?.code ?? 0));
    c.provider.on('sync', (s: boolean) => (synced ||= s));
    await waitFor(() => closes.includes(CloseCode.RoomUnavailable), 5000, '4503');
    expect(synced).toBe(false);
    expect(countTokens(c.doc).size).toBe(0);
    setUpdateLog(true);
    await waitForSync(c, 10_000);
    expect(tokens.filter((t) => !countTokens(c.doc).has(t))).toEqual([]);
    c.destroy();
  });

  it('R8: after 200 connect/disconnect cycles over 4 rooms, no room and no socket stays in memory', async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < 200) {
          const i = next++;
          const c = await client(i % 4);
          await waitForSync(c);
          if (i % 5 === 0) writeToken(c.doc, tokenOf('cycle', i), PLACES[i % 3]!, Math.random);
          c.destroy();
        }
      }),
    );
    await waitFor(() => [...server.registry.loadedRooms()].length === 0 && server.collab.connectionCount() === 0, 5000, 'rooms to leave memory');
  });
});
