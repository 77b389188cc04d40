/**
 * Scale-out: three nodes behind the load balancer, sharing the store and Redis. Thirty clients edit one
 * room; one node is killed with SIGKILL mid-edit; its clients reconnect through the balancer to the
 * others; in the end every client, and a node started later, holds the union of all edits.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { freePort, makeDataDir, spawnServer, type ChildServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { LoadBalancer } from '../../server/cluster/LoadBalancer.ts';
import { getAgenda, getBoard, toYMap } from '../../shared/doc/layout.ts';
import { clusterStoreEnv } from '../helpers/clusterStore.ts';

const ORIGIN = 'http://commonplace.test';
const dataDir = makeDataDir();
const nodes: ChildServer[] = [];
const clients: YClient[] = [];
let lb: LoadBalancer | null = null;
let store: Awaited<ReturnType<typeof clusterStoreEnv>> | null = null;

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const n of nodes) n.child.kill('SIGKILL');
  await lb?.close();
  await store?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cluster of three nodes', () => {
  it('30 clients over 3 nodes converge; a SIGKILLed node loses no edit; a late node catches up', async () => {
    store = await clusterStoreEnv();
    const env = { ...store.env, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `cp-cluster-${randomBytes(6).toString('hex')}`, ROOM_UNLOAD_DELAY_MS: '1000' };
    const ports = [await freePort(), await freePort(), await freePort()];
    nodes.push(await spawnServer(dataDir, { ...env, PORT: String(ports[0]) }));
    nodes.push(...(await Promise.all(ports.slice(1).map((p) => spawnServer(dataDir, { ...env, PORT: String(p) })))));
    lb = new LoadBalancer(ports.map((port) => ({ host: '127.0.0.1', port })), 200);
    const lbUrl = `http://127.0.0.1:${await lb.listen(0)}`;

    const host = new ApiClient(lbUrl, ORIGIN);
    await host.signup('Cleo Cluster');
    const community = await host.createCommunity('Scale-out', 'open');
    const session = await host.createSession(community.id, 'Busy hour');
    const people = [host, new ApiClient(lbUrl, ORIGIN), new ApiClient(lbUrl, ORIGIN)];
    for (const [i, p] of people.slice(1).entries()) {
      await p.signup(`Member ${i}`);
      await p.join(community.id);
    }
    for (let i = 0; i < 30; i++) {
      const person = people[i % people.length];
      clients.push(connectClient(lbUrl, session.room, { token: (await person.ticket(session.id)).token }));
    }
    await Promise.all(clients.map((c) => waitForSync(c, 15_000)));

    // Everyone edits; node 2 dies in the middle.
    const written: string[] = [];
    let round = 0;
    const edit = () => {
      clients.forEach((c, i) => {
        const id = `c${i}-r${round}`;
        written.push(id);
        if (round % 3 === 0) getAgenda(c.doc).push([toYMap({ id, title: id, minutes: 1 })]);
        else getBoard(c.doc).set(id, toYMap({ id, type: 'sticky', text: id }));
      });
      round++;
    };
    const timer = setInterval(edit, 50);
    await new Promise((r) => setTimeout(r, 800));
    nodes[1].child.kill('SIGKILL');
    await nodes[1].exited;
    await new Promise((r) => setTimeout(r, 800));
    clearInterval(timer);

    const tokensOf = (doc: Y.Doc) => new Set([...getBoard(doc).keys(), ...getAgenda(doc).toArray().map((m) => m.get('id') as string)]);
    await waitFor(() => clients.every((c) => c.provider.synced && tokensOf(c.doc).size === written.length), 30_000, 'all clients to hold every edit');
    const sv = Y.encodeStateVector(clients[0].doc);
    for (const c of clients) expect(Y.encodeStateVector(c.doc)).toEqual(sv);

    // A node started later loads the room from the store and has everything.
    const latePort = await freePort();
    nodes.push(await spawnServer(dataDir, { ...env, PORT: String(latePort) }));
    const late = connectClient(`http://127.0.0.1:${latePort}`, session.room, { token: (await host.ticket(session.id)).token });
    clients.push(late);
    await waitForSync(late, 15_000);
    const lateTokens = tokensOf(late.doc);
    const missing = written.filter((t) => !lateTokens.has(t));
    expect(missing).toEqual([]);
    expect(getBoard(late.doc).toJSON()).toEqual(getBoard(clients[0].doc).toJSON());
  }, 90_000);
});
