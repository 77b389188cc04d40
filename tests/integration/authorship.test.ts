/**
 * SPEC R18 over real sockets: a stock y-websocket client that creates a board item naming someone else as
 * its author, or re-authors an existing item, is put back by the server in the same tick — no other
 * client ever sees the forged state, and it is never stored. An honest client's items go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';

let server: TestServer;
let host: ApiClient;
let mallory: ApiClient;
let hostUser: UserDto;
let malloryUser: UserDto;
let session: SessionDto;
const clients: YClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  host = new ApiClient(server.url, server.origin);
  mallory = new ApiClient(server.url, server.origin);
  hostUser = await host.signup('Hana Host');
  malloryUser = await mallory.signup('Mallory Member');
  const community = await host.createCommunity('Authorship', 'open');
  await mallory.join(community.id);
  session = await host.createSession(community.id, 'Who wrote what');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

async function open(api: ApiClient): Promise<YClient> {
  const c = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

const sticky = (id: string, createdBy: string) => toYMap({ id, type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: id, color: '#fff3a3', z: 1, createdBy, createdAt: Date.now() });

async function storedBoard(): Promise<Y.Map<Y.Map<unknown>>> {
  const stored = await server.store.loadDoc(session.room);
  const doc = new Y.Doc();
  for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(doc, u);
  return getBoard(doc);
}

describe('board item authorship (SPEC R18)', () => {
  it('R18: a forged createdBy is refused — other clients never see the item; an honest client works', async () => {
    const observer = await open(host);
    const forger = await open(mallory);
    // Every state the observer's document is ever in, checked after each transaction.
    let sawForged = false;
    observer.doc.on('afterTransaction', () => {
      const b = getBoard(observer.doc);
      if (b.has('forged') || b.get('honest-host')?.get('createdBy') === malloryUser.id) sawForged = true;
    });

    getBoard(forger.doc).set('forged', sticky('forged', hostUser.id));
    getBoard(forger.doc).set('honest', sticky('honest', malloryUser.id));
    await waitFor(() => getBoard(observer.doc).has('honest'), 5000, 'the honest item');
    // The forger's own copy is put back as well; its socket stays open.
    await waitFor(() => !getBoard(forger.doc).has('forged'), 5000, "the forger's copy put back");
    expect(forger.provider.wsconnected).toBe(true);
    expect(getBoard(observer.doc).get('honest')!.get('createdBy')).toBe(malloryUser.id);

    // Re-authoring someone else's item is put back too.
    getBoard(observer.doc).set('honest-host', sticky('honest-host', hostUser.id));
    await waitFor(() => getBoard(forger.doc).has('honest-host'), 5000, "the host's item at the forger");
    getBoard(forger.doc).get('honest-host')!.set('createdBy', malloryUser.id);
    getBoard(forger.doc).get('honest-host')!.set('text', 'Mallory was here');
    await waitFor(() => getBoard(observer.doc).get('honest-host')?.get('text') === 'Mallory was here', 5000, 'the text edit');
    await waitFor(() => getBoard(forger.doc).get('honest-host')?.get('createdBy') === hostUser.id, 5000, 'the author put back');
    expect(getBoard(observer.doc).get('honest-host')!.get('createdBy')).toBe(hostUser.id);
    expect(sawForged).toBe(false);

    // The forger keeps working: its later honest items arrive.
    getBoard(forger.doc).set('later', sticky('later', malloryUser.id));
    await waitFor(() => getBoard(observer.doc).has('later'), 5000, 'a later honest item');

    // Nothing forged was stored; a late joiner gets the same board.
    await new Promise((r) => setTimeout(r, 100));
    const board = await storedBoard();
    expect(board.has('forged')).toBe(false);
    expect(board.get('honest')!.get('createdBy')).toBe(malloryUser.id);
    expect(board.get('honest-host')!.get('createdBy')).toBe(hostUser.id);
    const late = await open(host);
    expect(getBoard(late.doc).has('forged')).toBe(false);
    expect([...getBoard(late.doc).keys()].sort()).toEqual(['honest', 'honest-host', 'later']);
  });
});
