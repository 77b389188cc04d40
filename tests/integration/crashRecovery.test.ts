/**
 * Durability across a hard crash: a server child process is killed with SIGKILL mid-session and
 * restarted on the same data folder; every update the server had received (and so broadcast) is there.
 * Also: SIGTERM flushes and exits promptly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { freePort, makeDataDir, spawnServer, type ChildServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';

const ORIGIN = 'http://commonplace.test';
const dataDir = makeDataDir();
const children: ChildServer[] = [];
const clients: YClient[] = [];

afterAll(() => {
  for (const c of clients) c.destroy();
  for (const c of children) c.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

let port = 0;
async function start(): Promise<ChildServer> {
  port ||= await freePort();
  const s = await spawnServer(dataDir, { PORT: String(port) });
  children.push(s);
  return s;
}

describe('crash recovery', () => {
  it('kill -9 mid-session loses no update the server had received; clients reconnect by themselves and merge', async () => {
    let server = await start();
    const api = new ApiClient(server.url, ORIGIN);
    await api.signup('Kim Crash');
    const community = await api.createCommunity('Researchers', 'invite');
    const session = await api.createSession(community.id, 'Crash test');

    const writer = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
    const observer = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
    clients.push(writer, observer);
    await Promise.all([waitForSync(writer), waitForSync(observer)]);

    // Keep writing while the server is killed; count what the observer saw (= broadcast = stored).
    const text = new Y.XmlText();
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [text]);
    getNotes(writer.doc).insert(0, [para]);
    let written = 0;
    const typing = setInterval(() => {
      text.insert(text.length, `w${written} `);
      getBoard(writer.doc).set(`item${written}`, toYMap({ id: `item${written}`, type: 'sticky', text: `n${written}` }));
      written++;
    }, 3);
    await waitFor(() => getBoard(observer.doc).size >= 40, 10_000, 'observer to see 40 items');
    server.child.kill('SIGKILL');
    const exit = await server.exited;
    clearInterval(typing);
    expect(exit.signal).toBe('SIGKILL');

    const seenByObserver = [...getBoard(observer.doc).keys()];
    expect(seenByObserver.length).toBeGreaterThanOrEqual(40);
    observer.destroy();

    // Restart on the same data; a fresh client (no local state) must get everything the observer saw.
    server = await start();
    const api2 = new ApiClient(server.url, ORIGIN);
    api2.cookie = api.cookie;
    const fresh = connectClient(server.url, session.room, { token: (await api2.ticket(session.id)).token });
    clients.push(fresh);
    await waitForSync(fresh);
    const board = getBoard(fresh.doc);
    for (const key of seenByObserver) expect(board.has(key), `item ${key} survived`).toBe(true);

    // The writer reconnected by itself with the edits the dead server never got; they merge.
    await waitFor(() => board.size === written, 10_000, 'writer edits to merge after restart');
    expect(fresh.doc.getXmlFragment('notes').toString()).toBe(writer.doc.getXmlFragment('notes').toString());

    server.child.kill('SIGTERM');
    const started = Date.now();
    const graceful = await server.exited;
    expect(graceful.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
