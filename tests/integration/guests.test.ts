/**
 * Guest links and audience mode (issue 4 item 10) and the agenda's "Now" (item 2) against the real
 * server with stock y-websocket clients: a guest reaches one session only, for as long as its link
 * lives (SPEC R15); audience mode is enforced by the server (SPEC R14); "Now" is the control room's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { controlRoomOf, getControl, readControl } from '../../shared/facilitation/control.ts';
import { getAgenda, getBoard, getMeta, META_KEYS, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { GuestDto, GuestLinkCreatedDto, GuestLinkDto, GuestLinkInfoDto } from '../../shared/api/guestSchemas.ts';
import { newGuestToken } from '../../server/auth/GuestAccess.ts';

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
  host: ApiClient;
  member: ApiClient;
  member2: ApiClient;
  memberUser: UserDto;
  hostUser: UserDto;
  communityId: string;
  session: SessionDto;
  other: SessionDto;
}

async function world(): Promise<World> {
  const mk = () => new ApiClient(server.url, server.origin);
  const host = mk(), member = mk(), member2 = mk();
  const hostUser = await host.signup('Host Person');
  const memberUser = await member.signup('Member Person');
  await member2.signup('Second Member');
  const community = await host.createCommunity('Guests', 'invite');
  const invite = (await host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  for (const u of [member, member2]) await u.json('POST', `/api/invites/${invite}/accept`, {});
  const session = await host.createSession(community.id, 'With a guest');
  const other = await host.createSession(community.id, 'Members only');
  return { host, member, member2, memberUser, hostUser, communityId: community.id, session, other };
}

/** Opens a guest link as a browser without an account would: returns a client holding the guest cookie. */
async function joinAsGuest(url: string, name = 'Guest Speaker'): Promise<{ api: ApiClient; guest: GuestDto }> {
  const api = new ApiClient(server.url, server.origin);
  const token = new URL(url).pathname.split('/').pop()!;
  const res = await api.request('POST', `/api/guest-links/${token}/join`, { name });
  expect(res.status).toBe(200);
  api.cookie = res.headers.getSetCookie().find((c) => c.startsWith('cp_guest='))!.split(';')[0];
  return { api, guest: ((await res.json()) as { guest: GuestDto }).guest };
}

const createLink = (w: World, permission: 'view' | 'edit', expiresInMinutes = 60) =>
  w.host.json<GuestLinkCreatedDto>('POST', `/api/sessions/${w.session.id}/guest-links`, { expiresInMinutes, permission, label: 'Invited presenter' });

async function open(api: ApiClient, sessionId: string, room: string, ext = false): Promise<YClient> {
  const { token } = await api.ticket(sessionId);
  const c = connectClient(server.url, room, ext ? { token, ext: '1' } : { token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

/** The HTTP status of a WebSocket upgrade (101 when it opened). */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, { headers: { origin: server.origin, ...headers } });
    ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => (resolve(101), ws.close()));
    ws.on('error', () => {});
  });
}

const nextClose = (c: YClient) => new Promise<number>((resolve) => c.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));

describe('guest links', () => {
  it('R15: a guest without an account joins one session by name, edits it with an edit link, and reaches nothing else', async () => {
    const w = await world();
    const created = await createLink(w, 'edit');
    expect(created.url).toMatch(/\/guest\/[A-Za-z0-9_-]{43}$/);
    expect(created.link).toMatchObject({ permission: 'edit', label: 'Invited presenter', status: 'active' });
    const token = created.url.split('/').pop()!;
    // The landing page's information needs no account.
    const info = (await (await new ApiClient(server.url, server.origin).request('GET', `/api/guest-links/${token}`)).json()) as GuestLinkInfoDto;
    expect(info).toMatchObject({ session: { id: w.session.id, title: 'With a guest' }, communityName: 'Guests', permission: 'edit', joined: null });
    // The token is never stored, only its hash.
    const links = await w.host.json<{ links: GuestLinkDto[] }>('GET', `/api/sessions/${w.session.id}/guest-links`);
    expect(JSON.stringify(links)).not.toContain(token);

    const { api, guest } = await joinAsGuest(created.url);
    expect(guest).toMatchObject({ name: 'Guest Speaker', permission: 'edit', sessionId: w.session.id });
    const me = await api.json<{ session: SessionDto; myRole: null; guest: GuestDto }>('GET', `/api/sessions/${w.session.id}`);
    expect(me.myRole).toBeNull();
    expect(me.guest.name).toBe('Guest Speaker');

    // Its room, live with the members.
    const hostC = await open(w.host, w.session.id, w.session.room);
    const guestC = await open(api, w.session.id, w.session.room);
    getBoard(guestC.doc).set('from-guest', toYMap({ id: 'from-guest', type: 'sticky', text: 'Slides are here' }));
    await waitFor(() => getBoard(hostC.doc).has('from-guest'), 5000, 'guest sticky at host');
    // Q&A and hands are open to an edit guest; answering is not.
    expect((await api.request('POST', `/api/sessions/${w.session.id}/questions`, { text: 'Can I share my slides?' })).status).toBe(201);
    expect((await api.request('POST', `/api/sessions/${w.session.id}/hands`, { raised: true })).status).toBe(200);

    // Nothing else of the community: other sessions, members, search, sessions list, pins, knowledge.
    expect((await api.request('GET', `/api/sessions/${w.other.id}`)).status).toBe(404);
    expect((await api.request('POST', `/api/sessions/${w.other.id}/ticket`, {})).status).toBe(404);
    expect((await api.request('POST', `/api/sessions/${w.other.id}/hands`, { raised: true })).status).toBe(404);
    for (const path of [`/api/communities/${w.communityId}/members`, `/api/communities/${w.communityId}/sessions`, `/api/communities/${w.communityId}/search?q=x`,
      `/api/communities/${w.communityId}/pins`, `/api/sessions/${w.session.id}/content`, `/api/sessions/${w.session.id}/guest-links`, '/api/search?q=x', '/api/me']) {
      expect((await api.request('GET', path)).status, path).toBe(401);
    }
    // Its cookie opens its session's room and control room, and no other room.
    expect(await upgradeStatus(`/collab/${w.session.room}`, { cookie: api.cookie })).toBe(101);
    expect(await upgradeStatus(`/collab/${controlRoomOf(w.session.room)}`, { cookie: api.cookie })).toBe(101);
    expect(await upgradeStatus(`/collab/${w.other.room}`, { cookie: api.cookie })).toBe(404);
    expect(await upgradeStatus(`/collab/${w.session.room}-priv`, { cookie: api.cookie })).toBe(404);
  });

  it("R15: a guest's ticket for another room is refused", async () => {
    const w = await world();
    const { api } = await joinAsGuest((await createLink(w, 'edit')).url);
    const { token } = await api.ticket(w.session.id);
    expect(await upgradeStatus(`/collab/${w.other.room}?token=${token}`)).toBe(403);
    expect(await upgradeStatus(`/collab/${w.session.room}?token=${token}`)).toBe(101);
    // Asking for another room in the ticket request does not help either.
    expect((await api.request('POST', `/api/sessions/${w.session.id}/ticket?room=${w.other.room}`, {})).status).toBe(404);
  });

  it('R15: a view link gives a read-only connection; its write is dropped and closes the socket', async () => {
    const w = await world();
    const { api } = await joinAsGuest((await createLink(w, 'view')).url, 'Watcher');
    const c = await open(api, w.session.id, w.session.room);
    const closed = nextClose(c);
    getBoard(c.doc).set('nope', toYMap({ id: 'nope', type: 'sticky', text: 'x' }));
    expect(await closed).toBe(CloseCode.ReadOnly);
    expect((await api.request('POST', `/api/sessions/${w.session.id}/questions`, { text: 'Hello?' })).status).toBe(403);
  });

  it('R15: revoking refuses new tickets and closes the guest\'s open sockets', async () => {
    const w = await world();
    const created = await createLink(w, 'edit');
    const { api } = await joinAsGuest(created.url);
    const c = await open(api, w.session.id, w.session.room);
    const oldTicket = (await api.ticket(w.session.id)).token;
    const closed = nextClose(c);
    // Only facilitators revoke.
    expect((await w.member.request('DELETE', `/api/sessions/${w.session.id}/guest-links/${created.link.id}`)).status).toBe(403);
    expect((await w.host.request('DELETE', `/api/sessions/${w.session.id}/guest-links/${created.link.id}`)).status).toBe(204);
    expect(await closed).toBe(CloseCode.AuthorizationChanged);
    c.provider.disconnect();
    expect((await api.request('POST', `/api/sessions/${w.session.id}/ticket`, {})).status).toBe(401);
    expect((await api.request('GET', `/api/sessions/${w.session.id}`)).status).toBe(401);
    expect(await upgradeStatus(`/collab/${w.session.room}?token=${oldTicket}`)).toBe(401);
    expect(await upgradeStatus(`/collab/${w.session.room}`, { cookie: api.cookie })).toBe(401);
    const token = created.url.split('/').pop()!;
    expect((await api.request('GET', `/api/guest-links/${token}`)).status).toBe(404);
    expect((await new ApiClient(server.url, server.origin).request('POST', `/api/guest-links/${token}/join`, { name: 'Late' })).status).toBe(404);
    const links = await w.host.json<{ links: GuestLinkDto[] }>('GET', `/api/sessions/${w.session.id}/guest-links`);
    expect(links.links[0].status).toBe('revoked');
  });

  it('R15: an expired link is refused, and its open sockets close when it expires', async () => {
    const w = await world();
    // Written straight to the store: the API's shortest link lasts an hour.
    const { token, hash } = newGuestToken();
    const linkId = crypto.randomUUID();
    await server.store.guests.createLink({
      id: linkId, tokenHash: hash, sessionId: w.session.id, communityId: w.communityId, permission: 'edit', label: '',
      expiresAt: new Date(Date.now() + 1500).toISOString(), revokedAt: null, createdBy: w.hostUser.id, createdAt: new Date().toISOString(),
    });
    const { api } = await joinAsGuest(`${server.url}/guest/${token}`);
    const c = await open(api, w.session.id, w.session.room);
    const closed = nextClose(c);
    expect(await closed).toBe(CloseCode.AuthorizationChanged);
    c.provider.disconnect();
    expect((await api.request('POST', `/api/sessions/${w.session.id}/ticket`, {})).status).toBe(401);
    expect(await upgradeStatus(`/collab/${w.session.room}`, { cookie: api.cookie })).toBe(401);
    expect((await api.request('GET', `/api/guest-links/${token}`)).status).toBe(404);
    // Creating a link that lasts less than an hour or more than a week is refused.
    expect((await w.host.request('POST', `/api/sessions/${w.session.id}/guest-links`, { expiresInMinutes: 5, permission: 'view' })).status).toBe(400);
    expect((await w.host.request('POST', `/api/sessions/${w.session.id}/guest-links`, { expiresInMinutes: 8 * 24 * 60, permission: 'view' })).status).toBe(400);
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/guest-links`, { expiresInMinutes: 60, permission: 'view' })).status).toBe(403);
  });

  it('a signed-in non-member who opens a guest link takes part as that guest, in that session only', async () => {
    const w = await world();
    const outsider = new ApiClient(server.url, server.origin);
    await outsider.signup('Outside Expert');
    const token = (await createLink(w, 'view')).url.split('/').pop()!;
    const res = await outsider.request('POST', `/api/guest-links/${token}/join`, {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { guest: GuestDto }).guest.name).toBe('Outside Expert');
    outsider.cookie = `${outsider.cookie}; ${res.headers.getSetCookie().find((c) => c.startsWith('cp_guest='))!.split(';')[0]}`;
    expect((await outsider.request('GET', `/api/sessions/${w.session.id}`)).status).toBe(200);
    expect((await outsider.request('GET', `/api/sessions/${w.other.id}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/communities/${w.communityId}/members`)).status).toBe(404);
    expect(await upgradeStatus(`/collab/${w.session.room}`, { cookie: outsider.cookie })).toBe(101);
    expect(await upgradeStatus(`/collab/${w.other.room}`, { cookie: outsider.cookie })).toBe(404);
  });
});

describe('audience mode', () => {
  it("R14: a member's update is rejected by the server and never reaches others; a speaker's goes through; turning it off restores writing", async () => {
    const w = await world();
    const hostC = await open(w.host, w.session.id, w.session.room);
    const memberC = await open(w.member, w.session.id, w.session.room);
    const speakerC = await open(w.member2, w.session.id, w.session.room);
    const speakerUser = await w.member2.json<{ user: UserDto }>('GET', '/api/me');
    // Members cannot turn it on.
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/audience`, { enabled: true })).status).toBe(403);
    const on = await w.host.json<{ audience: unknown }>('POST', `/api/sessions/${w.session.id}/audience`, {
      enabled: true, speakers: [{ id: speakerUser.user.id, name: 'Second Member' }],
    });
    expect(on.audience).toEqual({ enabled: true, speakers: [{ id: speakerUser.user.id, name: 'Second Member' }] });
    const ctl = await open(w.member, w.session.id, controlRoomOf(w.session.room));
    await waitFor(() => readControl(getControl(ctl.doc)).audience.enabled, 5000, 'audience state');

    // The member's write: dropped, the socket stays open.
    getBoard(memberC.doc).set('from-member', toYMap({ id: 'from-member', type: 'sticky', text: 'Heckle' }));
    // The speaker's and the host's writes: through.
    getBoard(speakerC.doc).set('from-speaker', toYMap({ id: 'from-speaker', type: 'sticky', text: 'My point' }));
    getBoard(hostC.doc).set('from-host', toYMap({ id: 'from-host', type: 'sticky', text: 'Welcome' }));
    await waitFor(() => getBoard(hostC.doc).has('from-speaker') && getBoard(memberC.doc).has('from-host'), 5000, 'speaker and host writes');
    await new Promise((r) => setTimeout(r, 300));
    expect(getBoard(hostC.doc).has('from-member')).toBe(false);
    expect(getBoard(speakerC.doc).has('from-member')).toBe(false);
    expect(memberC.provider.wsconnected).toBe(true);
    const stored = await server.store.loadDoc(w.session.room);
    const storedDoc = new Y.Doc();
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(storedDoc, u);
    expect(getBoard(storedDoc).has('from-member')).toBe(false);
    expect(getBoard(storedDoc).has('from-speaker')).toBe(true);

    // Off: the refused member is reconnected (4001) and writes again.
    const reconnected = nextClose(memberC);
    await w.host.json('POST', `/api/sessions/${w.session.id}/audience`, { enabled: false });
    expect(await reconnected).toBe(CloseCode.AuthorizationChanged);
    await waitFor(() => memberC.provider.synced && memberC.provider.wsconnected, 5000, 'member reconnect');
    getBoard(memberC.doc).set('after', toYMap({ id: 'after', type: 'sticky', text: 'Now I may' }));
    await waitFor(() => getBoard(hostC.doc).has('after'), 5000, 'member write after audience mode');
  });
});

describe('agenda "Now"', () => {
  it('comes from the control room: advancing starts the timebox, a member editing the document changes nothing there, and a linked item brings everyone to its content', async () => {
    const w = await world();
    const seed = new Y.Doc();
    getAgenda(seed).push([toYMap({ id: 'intro', title: 'Intro', minutes: 5 }), toYMap({ id: 'case', title: 'Case study', minutes: 20, link: 'board:frame-1' })]);
    getBoard(seed).set('frame-1', toYMap({ id: 'frame-1', type: 'frame', text: 'Case', x: 0, y: 0, w: 800, h: 560 }));
    await server.store.appendUpdates([{ room: w.session.room, update: Y.encodeStateAsUpdate(seed) }]);
    const memberDoc = await open(w.member, w.session.id, w.session.room);
    const ctl = await open(w.member, w.session.id, controlRoomOf(w.session.room));

    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'case' })).status).toBe(403);
    await w.host.json('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'intro' });
    await waitFor(() => readControl(getControl(ctl.doc)).currentItem === 'intro', 5000, 'current item');
    const timer = readControl(getControl(ctl.doc)).timer!;
    expect(timer.running).toBe(true);
    expect(timer.durationMs).toBe(5 * 60_000);

    // A member can write the document's meta, but "Now" is the control room's: unchanged.
    getMeta(memberDoc.doc).set(META_KEYS.currentAgendaItem, 'case');
    await new Promise((r) => setTimeout(r, 200));
    expect(readControl(getControl(ctl.doc)).currentItem).toBe('intro');

    // Bring everyone to the linked content: facilitators only, items with a link only.
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/agenda/jump`, { itemId: 'case' })).status).toBe(403);
    expect((await w.host.request('POST', `/api/sessions/${w.session.id}/agenda/jump`, { itemId: 'intro' })).status).toBe(409);
    expect((await w.host.request('POST', `/api/sessions/${w.session.id}/agenda/jump`, { itemId: 'missing' })).status).toBe(404);
    await w.host.json('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'case' });
    await w.host.json('POST', `/api/sessions/${w.session.id}/agenda/jump`, { itemId: 'case' });
    await waitFor(() => readControl(getControl(ctl.doc)).jump?.target === 'board:frame-1', 5000, 'jump');
    expect(readControl(getControl(ctl.doc))).toMatchObject({ currentItem: 'case', jump: { itemId: 'case', by: 'Host Person' } });
    expect(readControl(getControl(ctl.doc)).timer?.durationMs).toBe(20 * 60_000);
  });
});
