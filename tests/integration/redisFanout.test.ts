/**
 * Two nodes sharing one store and Redis: updates and presence made on node A reach clients of node B,
 * each exactly once, and a node that loads the room later catches up from the store.
 * Uses the local Redis on 127.0.0.1:6379 with a key prefix unique to this run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { makeDataDir, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = { REDIS_URL, REDIS_PREFIX: `cp-test-${randomBytes(6).toString('hex')}` };
const dataDir = makeDataDir();
let a: TestServer;
let b: TestServer;
let api: ApiClient;
let session: SessionDto;
const clients: YClient[] = [];

beforeAll(async () => {
  a = await startTestServer(env, dataDir);
  b = await startTestServer(env, dataDir);
  api = new ApiClient(a.url, a.origin);
  await api.signup('Nadia Node');
  const community = await api.createCommunity('Engineers', 'invite');
  session = await api.createSession(community.id, 'Cluster session');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await b?.close();
  await a?.dispose();
});

async function clientOn(server: TestServer): Promise<YClient> {
  const c = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

describe('Redis fan-out between nodes', () => {
  it('an update on node A reaches a client on node B, applied once, and presence crosses too', async () => {
    const onA = await clientOn(a);
    const onB = await clientOn(b);
    let updatesOnB = 0;
    onB.doc.on('update', () => updatesOnB++);

    getBoard(onA.doc).set('x', toYMap({ id: 'x', type: 'sticky', text: 'from A' }));
    await waitFor(() => getBoard(onB.doc).get('x')?.get('text') === 'from A', 5000, 'update across nodes');
    await new Promise((r) => setTimeout(r, 100));
    expect(updatesOnB).toBe(1);

    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('typed on B')]);
    getNotes(onB.doc).insert(0, [para]);
    await waitFor(() => getNotes(onA.doc).toString().includes('typed on B'), 5000, 'reverse direction');

    onA.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => (onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Nadia Node', 5000, 'presence across nodes');
    onA.destroy();
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 5000, 'presence removed across nodes');
    expect(Y.encodeStateVector(onB.doc)).toEqual(Y.encodeStateVector((await clientOn(a)).doc));
  });

  it('a room loaded later on a node catches up from the store, then follows live', async () => {
    for (const c of clients.splice(0)) c.destroy();
    const writer = await clientOn(a);
    for (let i = 0; i < 20; i++) getBoard(writer.doc).set(`late${i}`, toYMap({ id: `late${i}`, type: 'text', text: `t${i}` }));
    // Wait until node B has nobody in the room and unloads it, then join fresh.
    await waitFor(() => b.registry.get(session.room) === undefined, 5000, 'room unloaded on B');
    const late = await clientOn(b);
    for (let i = 0; i < 20; i++) expect(getBoard(late.doc).has(`late${i}`)).toBe(true);
    getBoard(writer.doc).set('live', toYMap({ id: 'live', type: 'text', text: 'live' }));
    await waitFor(() => getBoard(late.doc).has('live'), 5000, 'live after catch-up');
  });
});
