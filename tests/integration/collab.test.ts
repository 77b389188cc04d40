/**
 * The real server on a free port with stock y-websocket clients in Node: convergence, late joiners,
 * read-only enforcement, refused upgrades, bad frames, saved acknowledgements (server/collab/SPEC.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType } from '../../shared/protocol/messages.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';

let server: TestServer;
let host: ApiClient;
let member: ApiClient;
let viewer: ApiClient;
let stranger: ApiClient;
let session: SessionDto;
let otherSession: SessionDto;
let memberUser: UserDto;
const clients: YClient[] = [];

function client(room: string, params: Record<string, string>): YClient {
  const c = connectClient(server.url, room, params);
  clients.push(c);
  return c;
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + path, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => {});
  });
}

/** Opens a raw socket with a ticket and resolves once it is closed, with the close code. */
function rawSocket(room: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${room}?token=${encodeURIComponent(token)}`);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}
const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

beforeAll(async () => {
  server = await startTestServer();
  host = new ApiClient(server.url, server.origin);
  member = new ApiClient(server.url, server.origin);
  viewer = new ApiClient(server.url, server.origin);
  stranger = new ApiClient(server.url, server.origin);
  const hostUser = await host.signup('Hana Host');
  memberUser = await member.signup('Mo Member');
  const viewerUser = await viewer.signup('Vi Viewer');
  await stranger.signup('Stan Stranger');
  expect(hostUser.id).toBeTruthy();
  const community = await host.createCommunity('Prevention Workers', 'open');
  await member.join(community.id);
  await viewer.join(community.id);
  await host.setRole(community.id, viewerUser.id, 'viewer');
  session = await host.createSession(community.id, 'Power Hour');
  otherSession = await host.createSession(community.id, 'Special Topics Cafe');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

describe('collaboration endpoint', () => {
  it('R3: two stock clients converge on agenda, notes and board, and a late joiner gets the full state', async () => {
    const a = client(session.room, { token: (await host.ticket(session.id)).token });
    const b = client(session.room, { token: (await member.ticket(session.id)).token });
    await Promise.all([waitForSync(a), waitForSync(b)]);

    a.doc.transact(() => getAgenda(a.doc).push([toYMap({ id: 'ag1', title: 'Welcome', minutes: 5, owner: 'Hana', done: false })]));
    b.doc.transact(() => getBoard(b.doc).set('st1', toYMap({ id: 'st1', type: 'sticky', x: 10, y: 20, w: 200, h: 160, text: 'Idea', color: '#fff3a3', z: 1 })));
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('Hello from A')]);
    getNotes(a.doc).insert(0, [para]);

    await waitFor(() => getBoard(a.doc).has('st1') && getAgenda(b.doc).length === 1 && getNotes(b.doc).length === 1, 5000, 'convergence');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(getNotes(b.doc).toString()).toContain('Hello from A');

    const late = client(session.room, { token: (await member.ticket(session.id)).token });
    await waitForSync(late);
    expect(getAgenda(late.doc).get(0).get('title')).toBe('Welcome');
    expect(getBoard(late.doc).get('st1')?.get('text')).toBe('Idea');
    expect(getNotes(late.doc).toString()).toContain('Hello from A');
  });

  it('R4: a viewer sees the room live but its updates are rejected, never stored or broadcast', async () => {
    const editor = client(session.room, { token: (await member.ticket(session.id)).token });
    const view = client(session.room, { token: (await viewer.ticket(session.id)).token });
    await Promise.all([waitForSync(editor), waitForSync(view)]);
    const closed = new Promise<number>((resolve) => view.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));

    getBoard(view.doc).set('forged', toYMap({ id: 'forged', type: 'sticky', text: 'viewer was here' }));
    expect(await closed).toBe(CloseCode.ReadOnly);

    // The editor's later change arrives everywhere; the forged item never does.
    getBoard(editor.doc).set('after', toYMap({ id: 'after', type: 'text', text: 'later' }));
    const observer = client(session.room, { token: (await host.ticket(session.id)).token });
    await waitForSync(observer);
    await waitFor(() => getBoard(observer.doc).has('after'));
    expect(getBoard(observer.doc).has('forged')).toBe(false);
    expect(getBoard(editor.doc).has('forged')).toBe(false);
    const stored = await server.store.loadDoc(session.room);
    const restored = new Y.Doc();
    for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(restored, u);
    expect(getBoard(restored).has('after')).toBe(true);
    expect(getBoard(restored).has('forged')).toBe(false);
  });

  it('R4: a viewer receives live updates', async () => {
    const editor = client(session.room, { token: (await member.ticket(session.id)).token });
    const view = client(session.room, { token: (await viewer.ticket(session.id)).token });
    await Promise.all([waitForSync(editor), waitForSync(view)]);
    getAgenda(editor.doc).push([toYMap({ id: 'ag-live', title: 'Live item', minutes: 3 })]);
    await waitFor(() => getAgenda(view.doc).toArray().some((m) => m.get('id') === 'ag-live'));
  });

  it('R1: refuses upgrades without a ticket, with a ticket for another room, a forged or expired ticket, and strangers', async () => {
    expect(await upgradeStatus(`/collab/${session.room}`)).toBe(401);
    const t = await member.ticket(otherSession.id);
    expect(await upgradeStatus(`/collab/${session.room}?token=${t.token}`)).toBe(403);
    expect(await upgradeStatus(`/collab/${session.room}?token=${t.token.slice(0, -2)}xx`)).toBe(401);
    expect(await upgradeStatus(`/collab/${session.room}?token=garbage`)).toBe(401);
    // Room-name injection: traversal (normalised away by the URL parser → not a collab path), encoded
    // traversal, NUL and overlong names are refused before any lookup.
    expect(await upgradeStatus(`/collab/../../etc/passwd`)).toBe(404);
    expect(await upgradeStatus(`/collab/..%2F..%2Fetc%2Fpasswd`)).toBe(400);
    expect(await upgradeStatus(`/collab/room%00name`)).toBe(400);
    expect(await upgradeStatus(`/collab/${'a'.repeat(200)}`)).toBe(400);
    expect(await upgradeStatus(`/collab/s_doesnotexist?token=${t.token}`)).toBe(403);
    // A stranger with a valid cookie but no membership: the room answers like a missing one.
    const origin = { origin: server.origin, cookie: stranger.cookie };
    expect(await upgradeStatus(`/collab/${session.room}`, origin)).toBe(404);
    expect(await upgradeStatus(`/collab/${session.room}`, { origin: server.origin, cookie: member.cookie })).toBe(101);
  });

  it('R1: cookie-authenticated upgrades need an allowed Origin (cross-site WebSocket hijacking)', async () => {
    const path = `/collab/${session.room}`;
    expect(await upgradeStatus(path, { cookie: member.cookie })).toBe(403);
    expect(await upgradeStatus(path, { cookie: member.cookie, origin: 'null' })).toBe(403);
    expect(await upgradeStatus(path, { cookie: member.cookie, origin: 'http://evil.test' })).toBe(403);
    expect(await upgradeStatus(path, { cookie: member.cookie, origin: `${server.origin}.evil.test` })).toBe(403);
    expect(await upgradeStatus(path, { cookie: member.cookie, origin: server.origin })).toBe(101);
  });

  it('R5: an oversized frame and garbage frames close only that connection; the room carries on', async () => {
    const observer = client(session.room, { token: (await host.ticket(session.id)).token });
    await waitForSync(observer);
    let observerClosed = false;
    observer.provider.on('connection-close', () => (observerClosed = true));

    const big = await rawSocket(session.room, (await member.ticket(session.id)).token);
    const bigClosed = closeCode(big);
    big.send(new Uint8Array(3 * 1024 * 1024));
    expect(await bigClosed).toBe(CloseCode.MessageTooBig);

    const frames = [
      new Uint8Array([]),
      new Uint8Array([0]),
      new Uint8Array([0, 2, 200]),
      new Uint8Array([7, 1, 2, 3]),
      new Uint8Array([0, 9, 0]),
      new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]),
      new Uint8Array([1, 250, 255, 255, 255, 15]),
    ];
    for (const frame of frames) {
      const ws = await rawSocket(session.room, (await member.ticket(session.id)).token);
      const closed = closeCode(ws);
      ws.send(frame);
      expect([CloseCode.InvalidMessage, CloseCode.AwarenessRejected]).toContain(await closed);
    }
    const text = await rawSocket(session.room, (await member.ticket(session.id)).token);
    const textClosed = closeCode(text);
    text.send('hello');
    expect(await textClosed).toBe(CloseCode.InvalidMessage);

    // The observer stayed connected and still receives edits.
    const editor = client(session.room, { token: (await member.ticket(session.id)).token });
    await waitForSync(editor);
    getBoard(editor.doc).set('still-alive', toYMap({ id: 'still-alive', type: 'sticky', text: 'ok' }));
    await waitFor(() => getBoard(observer.doc).has('still-alive'));
    expect(observerClosed).toBe(false);
  });

  it('R6: stock clients see each other’s presence under their authenticated names and stay connected', async () => {
    const a = client(session.room, { token: (await host.ticket(session.id)).token });
    const b = client(session.room, { token: (await member.ticket(session.id)).token });
    let closes = 0;
    for (const c of [a, b]) c.provider.on('connection-close', () => closes++);
    a.provider.awareness.setLocalStateField('user', { name: 'Someone Else', color: '#000000' });
    b.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await Promise.all([waitForSync(a), waitForSync(b)]);
    const nameOf = (c: YClient, id: number) => (c.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name;
    await waitFor(() => nameOf(b, a.doc.clientID) === 'Hana Host' && nameOf(a, b.doc.clientID) === 'Mo Member', 5000, 'presence');
    // Echoes back and forth (stock clients re-send what they receive) never close anyone.
    for (let i = 0; i < 5; i++) b.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    await new Promise((r) => setTimeout(r, 200));
    expect(closes).toBe(0);
    b.destroy();
    await waitFor(() => !a.provider.awareness.getStates().has(b.doc.clientID), 5000, 'presence removed on disconnect');
  });

  it('R7: clients that opt in receive the stored state vector after their change is written', async () => {
    const ws = await rawSocket(session.room, (await member.ticket(session.id)).token).catch(() => null);
    ws?.close();
    const token = (await member.ticket(session.id)).token;
    const sock = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${session.room}?token=${token}&ext=1`);
    const doc = new Y.Doc();
    getBoard(doc).set('acked', toYMap({ id: 'acked', type: 'sticky', text: 'ack me' }));
    const saved: Uint8Array[] = [];
    sock.on('message', (data: Buffer) => {
      if (data[0] === MessageType.Saved) saved.push(new Uint8Array(data.subarray(1)));
    });
    await new Promise((r) => sock.on('open', r));
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    encoding.writeVarUint(enc, 2);
    encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(doc));
    sock.send(encoding.toUint8Array(enc));
    await waitFor(() => saved.length > 0);
    sock.close();
  });

  it('R10: a demotion closes the member’s open sockets with AuthorizationChanged', async () => {
    const c = client(otherSession.room, { token: (await member.ticket(otherSession.id)).token });
    await waitForSync(c);
    const closed = new Promise<number>((resolve) => c.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    await host.setRole(session.communityId, memberUser.id, 'viewer');
    expect(await closed).toBe(CloseCode.AuthorizationChanged);
    await host.setRole(session.communityId, memberUser.id, 'member');
  });
});

describe('ticket expiry', () => {
  it('R1: an expired ticket is refused with 401', async () => {
    const short = await startTestServer({ TICKET_TTL_SECONDS: '1' });
    try {
      const api = new ApiClient(short.url, short.origin);
      await api.signup('Ezra Expiry');
      const c = await api.createCommunity('Short-lived', 'invite');
      const s = await api.createSession(c.id);
      const { token } = await api.ticket(s.id);
      const status = (t: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(`${short.url.replace('http', 'ws')}/collab/${s.room}?token=${t}`);
          ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
          ws.on('open', () => {
            resolve(101);
            ws.close();
          });
          ws.on('error', () => {});
        });
      expect(await status(token)).toBe(101);
      await new Promise((r) => setTimeout(r, 1100));
      expect(await status(token)).toBe(401);
    } finally {
      await short.dispose();
    }
  });
});

describe('logout', () => {
  it('R10: logout closes the person’s open sockets and revokes the tickets issued under that sign-in', async () => {
    const solo = await startTestServer();
    try {
      const api = new ApiClient(solo.url, solo.origin);
      await api.signup('Lou Logout');
      const c = await api.createCommunity('Leaving', 'invite');
      const s = await api.createSession(c.id);
      const { token } = await api.ticket(s.id);
      const yc = connectClient(solo.url, s.room, { token });
      await waitForSync(yc);
      const closed = new Promise<number>((resolve) => yc.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
      const started = Date.now();
      expect((await api.request('POST', '/api/auth/logout')).status).toBe(204);
      expect(await closed).toBe(CloseCode.AuthorizationChanged);
      expect(Date.now() - started).toBeLessThan(5000);
      yc.destroy();
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${solo.url.replace('http', 'ws')}/collab/${s.room}?token=${token}`);
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => (resolve(101), ws.close()));
        ws.on('error', () => {});
      });
      expect(status).toBe(401);
    } finally {
      await solo.dispose();
    }
  });
});
