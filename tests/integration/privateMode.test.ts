/**
 * Private mode (issue 4 item 6, SPEC R13) against the real server with stock y-websocket clients: a
 * member's hidden sticky never reaches another member's socket — in any room that member may open —
 * until the facilitator reveals it; the reveal moves every draft onto the board and clears the drafts;
 * an anonymous reveal leaves no trace of the author in the session document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { controlRoomOf, getControl, privateRoomOf, readControl } from '../../shared/facilitation/control.ts';
import { ANONYMOUS_AUTHOR, draftRoomOf, draftsRoomOf } from '../../shared/facilitation/privateMode.ts';
import { getBoard, readBoardItem, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { RevealDraftsDto } from '../../shared/api/facilitationSchemas.ts';

let server: TestServer;
const clients: YClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

interface World {
  fac: ApiClient;
  a: ApiClient;
  b: ApiClient;
  aUser: UserDto;
  bUser: UserDto;
  session: SessionDto;
  base: string;
}

async function world(): Promise<World> {
  const mk = () => new ApiClient(server.url, server.origin);
  const host = mk(), fac = mk(), a = mk(), b = mk();
  await host.signup('Host Person');
  const facUser = await fac.signup('Facilitator Person');
  const aUser = await a.signup('Alice Author');
  const bUser = await b.signup('Bob Bystander');
  const community = await host.createCommunity('Private mode', 'open');
  const invite = (await host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  for (const u of [fac, a, b]) await u.json('POST', `/api/invites/${invite}/accept`, {});
  await host.setRole(community.id, facUser.id, 'facilitator');
  const session = await host.createSession(community.id);
  return { fac, a, b, aUser, bUser, session, base: `/api/sessions/${session.id}` };
}

async function open(api: ApiClient, session: SessionDto, room: string): Promise<YClient> {
  const { token } = await api.ticket(session.id);
  const c = connectClient(server.url, room, { token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

/** A stock client whose every received frame is kept, to prove what never reached it. */
async function openRecording(api: ApiClient, session: SessionDto, room: string, frames: Buffer[]): Promise<YClient> {
  const { token } = await api.ticket(session.id);
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/collab', room, doc, {
    params: { token },
    WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const c: YClient = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
  clients.push(c);
  await waitForSync(c);
  return c;
}

/** The HTTP status of an upgrade to `room` with a fresh ticket of `api` (101 when it opens). */
async function upgradeStatus(api: ApiClient, session: SessionDto, room: string): Promise<number> {
  const { token } = await api.ticket(session.id);
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${room}?token=${token}`);
    ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => (resolve(101), ws.close()));
    ws.on('error', () => {});
  });
}

function addSticky(doc: Y.Doc, id: string, text: string, createdBy: string, x = 120, y = 340) {
  getBoard(doc).set(id, toYMap({ id, type: 'sticky', x, y, w: 200, h: 160, text, color: '#fff3a3', z: 1, createdBy, createdAt: 1_700_000_000_000 }));
}

const boardItems = (doc: Y.Doc) => [...getBoard(doc).values()].map((m) => readBoardItem(m));
const contains = (frames: Buffer[], needle: string) => frames.some((f) => f.includes(Buffer.from(needle, 'utf8')));

describe('private mode', () => {
  it('R13: a hidden sticky never reaches another member until the reveal, which moves it and clears the drafts', async () => {
    const w = await world();
    const secret = `hidden-idea-${crypto.randomUUID()}`;
    expect((await w.a.request('POST', `${w.base}/private-mode`, { anonymous: false })).status).toBe(403);
    await w.fac.json('POST', `${w.base}/private-mode`, { anonymous: false });

    // Member B, in every room B may open: the session room, the control room, B's own draft room.
    const bFrames: Buffer[] = [];
    const bMain = await openRecording(w.b, w.session, w.session.room, bFrames);
    const bCtl = await openRecording(w.b, w.session, controlRoomOf(w.session.room), bFrames);
    await openRecording(w.b, w.session, draftRoomOf(w.session.room, w.bUser.id), bFrames);
    await waitFor(() => readControl(getControl(bCtl.doc)).privateMode?.on === true, 5000, 'private mode on');
    // …and none other: A's draft room, the facilitators' mirror and the private room are refused.
    expect(await upgradeStatus(w.b, w.session, draftRoomOf(w.session.room, w.aUser.id))).toBe(404);
    expect(await upgradeStatus(w.b, w.session, draftsRoomOf(w.session.room))).toBe(404);
    expect(await upgradeStatus(w.b, w.session, privateRoomOf(w.session.room))).toBe(404);
    expect(await upgradeStatus(w.fac, w.session, draftRoomOf(w.session.room, w.aUser.id))).toBe(404);
    expect(await upgradeStatus(w.fac, w.session, draftsRoomOf(w.session.room))).toBe(101);

    // A writes a draft; the facilitator sees it (with A's name) in the read-only mirror.
    const aDraft = await open(w.a, w.session, draftRoomOf(w.session.room, w.aUser.id));
    addSticky(aDraft.doc, 'draft1', secret, w.aUser.id, 120, 340);
    const facDrafts = await open(w.fac, w.session, draftsRoomOf(w.session.room));
    await waitFor(() => boardItems(facDrafts.doc).some((i) => i.text === secret), 5000, 'mirrored draft');
    const mirrored = [...getBoard(facDrafts.doc).values()][0];
    expect(mirrored.get('authorName')).toBe('Alice Author');
    expect(mirrored.get('createdBy')).toBe(w.aUser.id);
    // Give any stray broadcast time to arrive, then check B's sockets: not a byte of it.
    await new Promise((r) => setTimeout(r, 300));
    expect(bFrames.length).toBeGreaterThan(0);
    expect(contains(bFrames, secret)).toBe(false);
    expect(boardItems(bMain.doc)).toHaveLength(0);

    const { revealed } = await w.fac.json<RevealDraftsDto>('POST', `${w.base}/private-mode/reveal`, {});
    expect(revealed).toBe(1);
    await waitFor(() => boardItems(bMain.doc).some((i) => i.text === secret), 5000, 'revealed sticky on B');
    const onBoard = boardItems(bMain.doc).find((i) => i.text === secret)!;
    expect(onBoard).toMatchObject({ type: 'sticky', x: 120, y: 340, createdBy: w.aUser.id });
    expect(onBoard.id).not.toBe('draft1');
    await waitFor(() => getBoard(aDraft.doc).size === 0, 5000, "A's draft cleared");
    await waitFor(() => getBoard(facDrafts.doc).size === 0, 5000, 'mirror cleared');
    expect(readControl(getControl(bCtl.doc)).privateMode?.on).toBe(false);

    // A draft that arrives after the reveal (a client that had not heard yet) goes straight to the board.
    addSticky(aDraft.doc, 'late', 'late-note', w.aUser.id);
    await waitFor(() => boardItems(bMain.doc).some((i) => i.text === 'late-note'), 5000, 'late draft revealed');
    await waitFor(() => getBoard(aDraft.doc).size === 0, 5000, 'late draft cleared');
  });

  it('R13: an anonymous reveal leaves no author in the session document or in any frame B receives', async () => {
    const w = await world();
    await w.fac.json('POST', `${w.base}/private-mode`, { anonymous: true });
    const bFrames: Buffer[] = [];
    const bMain = await openRecording(w.b, w.session, w.session.room, bFrames);
    await openRecording(w.b, w.session, controlRoomOf(w.session.room), bFrames);
    const aDraft = await open(w.a, w.session, draftRoomOf(w.session.room, w.aUser.id));
    const texts = ['anon-one', 'anon-two', 'anon-three'];
    texts.forEach((t, i) => addSticky(aDraft.doc, `d${i}`, t, w.aUser.id, i * 250, 40));
    const facDrafts = await open(w.fac, w.session, draftsRoomOf(w.session.room));
    await waitFor(() => getBoard(facDrafts.doc).size === 3, 5000, 'three drafts mirrored');
    expect(contains(bFrames, 'anon-one')).toBe(false);

    const { revealed } = await w.fac.json<RevealDraftsDto>('POST', `${w.base}/private-mode/reveal`, {});
    expect(revealed).toBe(3);
    await waitFor(() => getBoard(bMain.doc).size === 3, 5000, 'three revealed');
    const items = boardItems(bMain.doc);
    expect(items.map((i) => i.text).sort()).toEqual([...texts].sort());
    for (const i of items) expect(i.createdBy).toBe(ANONYMOUS_AUTHOR);
    expect(JSON.stringify(bMain.doc.toJSON())).not.toContain(w.aUser.id);
    expect(contains(bFrames, w.aUser.id)).toBe(false);
    expect(contains(bFrames, 'Alice')).toBe(false);
    // The stored document too.
    const stored = await server.store.loadDoc(w.session.room);
    const doc = new Y.Doc();
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
    expect(JSON.stringify(doc.toJSON())).not.toContain(w.aUser.id);
  });

  it('R13: only facilitators turn private mode on or reveal; only stickies are revealed', async () => {
    const w = await world();
    expect((await w.b.request('POST', `${w.base}/private-mode/reveal`, {})).status).toBe(403);
    expect((await w.fac.request('POST', `${w.base}/private-mode`, { anonymous: 'yes' })).status).toBe(400);
    // Revealing with nothing to reveal is fine (and ends private mode).
    await w.fac.json('POST', `${w.base}/private-mode`, {});
    expect((await w.fac.json<RevealDraftsDto>('POST', `${w.base}/private-mode/reveal`, {})).revealed).toBe(0);
    // Items other than stickies in a draft room are never moved.
    await w.fac.json('POST', `${w.base}/private-mode`, {});
    const aDraft = await open(w.a, w.session, draftRoomOf(w.session.room, w.aUser.id));
    getBoard(aDraft.doc).set('t1', toYMap({ id: 't1', type: 'text', x: 0, y: 0, w: 100, h: 40, text: 'not a sticky', color: '#fff3a3', z: 1, createdBy: w.aUser.id, createdAt: 1 }));
    addSticky(aDraft.doc, 's1', 'a sticky', w.aUser.id);
    const facDrafts = await open(w.fac, w.session, draftsRoomOf(w.session.room));
    await waitFor(() => getBoard(facDrafts.doc).size === 1, 5000, 'one sticky mirrored');
    expect((await w.fac.json<RevealDraftsDto>('POST', `${w.base}/private-mode/reveal`, {})).revealed).toBe(1);
  });
});
