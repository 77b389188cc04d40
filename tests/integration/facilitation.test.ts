/**
 * Facilitation state (issue 4) against the real server with stock y-websocket clients: the control
 * room is read-only for everyone (SPEC R11), role and budget rules are enforced by the server, and
 * anonymous authors never reach members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { CONTROL_KEYS, controlRoomOf, getControl, privateRoomOf, readControl } from '../../shared/facilitation/control.ts';
import { getAgenda, getBoard, getMeta, getNotes, META_KEYS, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { QuestionAuthorsDto, MyFacilitationDto } from '../../shared/api/facilitationSchemas.ts';

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
  fac: ApiClient;
  member: ApiClient;
  member2: ApiClient;
  memberUser: UserDto;
  session: SessionDto;
}

async function world(): Promise<World> {
  const mk = () => new ApiClient(server.url, server.origin);
  const host = mk(), fac = mk(), member = mk(), member2 = mk();
  await host.signup('Host Person');
  const facUser = await fac.signup('Facilitator Person');
  const memberUser = await member.signup('Member Person');
  await member2.signup('Second Member');
  const community = await host.createCommunity('Facilitation', 'open');
  const invite = (await host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  for (const u of [fac, member, member2]) await u.json('POST', `/api/invites/${invite}/accept`, {});
  await host.setRole(community.id, facUser.id, 'facilitator');
  const session = await host.createSession(community.id);
  return { host, fac, member, member2, memberUser, session };
}

async function open(api: ApiClient, session: SessionDto, room: string): Promise<YClient> {
  const { token } = await api.ticket(session.id);
  const c = connectClient(server.url, room, { token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

describe('facilitation', () => {
  it('R11: a member connects to the control room read-only; a forged write is dropped and closes the socket', async () => {
    const w = await world();
    const ctl = await open(w.member, w.session, controlRoomOf(w.session.room));
    const closed = new Promise<number>((resolve) => ctl.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    getControl(ctl.doc).set(CONTROL_KEYS.timer, { running: true, endsAt: 1, remainingMs: 0, durationMs: 0, serverNow: 0 });
    expect(await closed).toBe(CloseCode.ReadOnly);
    ctl.provider.disconnect();
    // Nothing reached the server's copy (the stored one included).
    const stored = await server.store.loadDoc(controlRoomOf(w.session.room));
    const doc = new Y.Doc();
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
    expect(getControl(doc).get(CONTROL_KEYS.timer)).toBeUndefined();
    // Even a host gets the control room read-only, and nobody gets the private room.
    const hostCtl = await open(w.host, w.session, controlRoomOf(w.session.room));
    const hostClosed = new Promise<number>((resolve) => hostCtl.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    getControl(hostCtl.doc).set('x', 1);
    expect(await hostClosed).toBe(CloseCode.ReadOnly);
    hostCtl.provider.disconnect();
    const { token } = await w.host.ticket(w.session.id);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${privateRoomOf(w.session.room)}?token=${token}`);
      ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => (resolve(101), ws.close()));
      ws.on('error', () => {});
    });
    expect(status).toBe(404);
  });

  it('only facilitators run the timer; every client sees the server-written state live', async () => {
    const w = await world();
    const ctl = await open(w.member, w.session, controlRoomOf(w.session.room));
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/timer`, { action: 'start', seconds: 60 })).status).toBe(403);
    const started = await w.fac.json<{ serverNow: number }>('POST', `/api/sessions/${w.session.id}/timer`, { action: 'start', seconds: 60 });
    await waitFor(() => readControl(getControl(ctl.doc)).timer !== null, 5000, 'timer in the control doc');
    const timer = readControl(getControl(ctl.doc)).timer!;
    expect(timer.running).toBe(true);
    expect(timer.endsAt).toBe(started.serverNow + 60_000);
    expect((await w.fac.request('POST', `/api/sessions/${w.session.id}/timer`, { action: 'resume' })).status).toBe(409);
    await w.host.json('POST', `/api/sessions/${w.session.id}/timer`, { action: 'pause' });
    await waitFor(() => readControl(getControl(ctl.doc)).timer?.running === false, 5000, 'paused');
  });

  it('advancing the agenda sets the current item in both docs and starts its timebox', async () => {
    const w = await world();
    const main = await open(w.fac, w.session, w.session.room);
    getAgenda(main.doc).push([toYMap({ id: 'a1', title: 'Intro', minutes: 5, owner: '', done: false, createdBy: 'x' })]);
    await waitFor(() => true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'a1' })).status).toBe(403);
    expect((await w.fac.request('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'nope' })).status).toBe(404);
    await w.fac.json('POST', `/api/sessions/${w.session.id}/agenda/current`, { itemId: 'a1' });
    await waitFor(() => getMeta(main.doc).get(META_KEYS.currentAgendaItem) === 'a1', 5000, 'meta current item');
    const ctl = await open(w.member, w.session, controlRoomOf(w.session.room));
    const snap = readControl(getControl(ctl.doc));
    expect(snap.currentItem).toBe('a1');
    expect(snap.timer?.durationMs).toBe(5 * 60_000);
  });

  it('votes: within the budget only, hidden until revealed, own ballot from votes/mine', async () => {
    const w = await world();
    const base = `/api/sessions/${w.session.id}`;
    expect((await w.member.request('POST', `${base}/votes`, { itemId: 'a', delta: 1 })).status).toBe(409);
    expect((await w.member.request('POST', `${base}/votes/rounds`, { budget: 2 })).status).toBe(403);
    await w.fac.json('POST', `${base}/votes/rounds`, { budget: 2, itemIds: ['a', 'b'] });
    await w.member.json('POST', `${base}/votes`, { itemId: 'a', delta: 1 });
    await w.member.json('POST', `${base}/votes`, { itemId: 'a', delta: 1 });
    expect((await w.member.request('POST', `${base}/votes`, { itemId: 'b', delta: 1 })).status).toBe(409);
    expect((await w.member.request('POST', `${base}/votes`, { itemId: 'c', delta: 1 })).status).toBe(400);
    expect((await w.member.request('POST', `${base}/votes`, { itemId: 'a', delta: 5 })).status).toBe(400);
    await w.member2.json('POST', `${base}/votes`, { itemId: 'b', delta: 1 });
    const mine = await w.member.json<MyFacilitationDto>('GET', `${base}/votes/mine`);
    expect(mine.round).toMatchObject({ budget: 2, used: 2, ballot: { a: 2 } });
    const ctl = await open(w.member2, w.session, controlRoomOf(w.session.room));
    const before = readControl(getControl(ctl.doc)).voteRound!;
    expect(before.cast).toBe(3);
    expect(before.totals).toBeNull();
    expect(JSON.stringify(getControl(ctl.doc).toJSON())).not.toContain(w.memberUser.id);
    await w.fac.json('POST', `${base}/votes/reveal`, {});
    await waitFor(() => readControl(getControl(ctl.doc)).voteRound?.revealed === true, 5000, 'reveal');
    expect(readControl(getControl(ctl.doc)).voteRound!.totals).toEqual({ a: 2, b: 1 });
  });

  it('anonymous questions: the author is not in the control doc nor shown to members, but the host sees it', async () => {
    const w = await world();
    const base = `/api/sessions/${w.session.id}`;
    const { question } = await w.member.json<{ question: { id: string; authorId: string | null } }>('POST', `${base}/questions`, { text: 'Who reviews the drafts?', anonymous: true });
    expect(question.authorId).toBeNull();
    const ctl = await open(w.member2, w.session, controlRoomOf(w.session.room));
    const text = JSON.stringify(getControl(ctl.doc).toJSON());
    expect(text).toContain('Who reviews the drafts?');
    expect(text).not.toContain(w.memberUser.id);
    expect(text).not.toContain('Member Person');
    expect((await w.member2.request('GET', `${base}/questions`)).status).toBe(403);
    const authors = await w.host.json<QuestionAuthorsDto>('GET', `${base}/questions`);
    expect(authors.authors[question.id]).toEqual({ userId: w.memberUser.id, name: 'Member Person' });
  });

  it('upvotes toggle once per member; answering appends the question and answer to the notes', async () => {
    const w = await world();
    const base = `/api/sessions/${w.session.id}`;
    const { question } = await w.member.json<{ question: { id: string } }>('POST', `${base}/questions`, { text: 'What is next?', anonymous: false });
    const up = (api: ApiClient) => api.json<{ question: { upvoters: string[] } }>('POST', `${base}/questions/${question.id}/upvote`, {});
    expect((await up(w.member2)).question.upvoters).toHaveLength(1);
    expect((await up(w.member)).question.upvoters).toHaveLength(2);
    expect((await up(w.member2)).question.upvoters).toHaveLength(1);
    expect((await w.member.request('POST', `${base}/questions/${question.id}/answer`, { answer: 'No' })).status).toBe(403);
    const main = await open(w.member, w.session, w.session.room);
    await w.fac.json('POST', `${base}/questions/${question.id}/answer`, { answer: 'Breakouts, in March.' });
    await waitFor(() => getNotes(main.doc).toString().includes('Breakouts, in March.'), 5000, 'answer in notes');
    const xml = getNotes(main.doc).toString();
    expect(xml).toContain('<blockquote><paragraph><bold>Q: </bold>What is next?</paragraph>');
    expect((await w.fac.request('POST', `${base}/questions/${question.id}/answer`, { answer: 'again' })).status).toBe(409);
  });

  it('hands queue in order; facilitators lower them; polls tally live, one changeable answer each', async () => {
    const w = await world();
    const base = `/api/sessions/${w.session.id}`;
    await w.member2.json('POST', `${base}/hands`, { raised: true });
    await w.member.json('POST', `${base}/hands`, { raised: true });
    const { hands } = await w.member2.json<{ hands: { name: string; userId: string }[] }>('POST', `${base}/hands`, { raised: true });
    expect(hands.map((h) => h.name)).toEqual(['Second Member', 'Member Person']);
    expect((await w.member2.request('POST', `${base}/hands/${w.memberUser.id}/lower`, {})).status).toBe(403);
    const lowered = await w.fac.json<{ hands: unknown[] }>('POST', `${base}/hands/${w.memberUser.id}/lower`, {});
    expect(lowered.hands).toHaveLength(1);

    // Follow-me: only facilitators lead; the view reaches every client through the control doc.
    expect((await w.member.request('POST', `${base}/follow`, { viewport: { x: 1, y: 2, zoom: 1 } })).status).toBe(403);
    expect((await w.fac.request('POST', `${base}/follow`, { viewport: { x: 1, y: 2, zoom: 0 } })).status).toBe(400);
    await w.fac.json('POST', `${base}/follow`, { viewport: { x: 120, y: -40, zoom: 1.5 } });
    const ctl = await open(w.member, w.session, controlRoomOf(w.session.room));
    expect(readControl(getControl(ctl.doc)).follow).toMatchObject({ name: 'Facilitator Person', viewport: { x: 120, y: -40, zoom: 1.5 } });
    await w.fac.json('POST', `${base}/follow`, { viewport: null });
    await waitFor(() => readControl(getControl(ctl.doc)).follow === null, 5000, 'follow stopped');

    const { poll } = await w.fac.json<{ poll: { id: string } }>('POST', `${base}/polls`, { question: 'Format?', options: ['Talk', 'Workshop'] });
    await w.member.json('POST', `${base}/polls/${poll.id}/answer`, { choices: [0] });
    expect((await w.member.request('POST', `${base}/polls/${poll.id}/answer`, { choices: [0, 1] })).status).toBe(400);
    const changed = await w.member.json<{ counts: number[]; respondents: number }>('POST', `${base}/polls/${poll.id}/answer`, { choices: [1] });
    expect(changed).toMatchObject({ counts: [0, 1], respondents: 1 });
  });

  it('R12: a member cannot change or add locked board items; a facilitator can; the stored state keeps the lock', async () => {
    const w = await world();
    const base = `/api/sessions/${w.session.id}`;
    const fac = await open(w.fac, w.session, w.session.room);
    getBoard(fac.doc).set('locked', toYMap({ id: 'locked', type: 'sticky', x: 0, y: 0, text: 'Ground rules' }));
    getBoard(fac.doc).set('free', toYMap({ id: 'free', type: 'sticky', x: 0, y: 0, text: 'Ideas' }));
    const member = await open(w.member, w.session, w.session.room);
    await waitFor(() => getBoard(member.doc).size === 2, 5000, 'items at the member');
    expect((await w.member.request('POST', `${base}/locks`, { itemIds: ['locked'] })).status).toBe(403);
    await w.fac.json('POST', `${base}/locks`, { itemIds: ['locked'] });
    // The member's forged edit of the locked item, and a delete of it, are both put back.
    getBoard(member.doc).get('locked')!.set('text', 'Hacked');
    getBoard(member.doc).get('free')!.set('text', 'More ideas');
    await waitFor(() => getBoard(fac.doc).get('free')?.get('text') === 'More ideas', 5000, 'the free edit');
    await waitFor(() => getBoard(member.doc).get('locked')?.get('text') === 'Ground rules', 5000, "the author's copy restored");
    expect(getBoard(fac.doc).get('locked')!.get('text')).toBe('Ground rules');
    getBoard(member.doc).delete('locked');
    await waitFor(() => getBoard(member.doc).get('locked')?.get('text') === 'Ground rules', 5000, 'the deleted item restored');
    // The whole board: no new items from members.
    await w.fac.json('POST', `${base}/locks`, { board: true });
    getBoard(member.doc).set('new', toYMap({ id: 'new', type: 'sticky', text: 'Sneaky' }));
    await waitFor(() => !getBoard(member.doc).has('new'), 5000, 'the new item removed');
    // A facilitator still edits.
    getBoard(fac.doc).get('locked')!.set('text', 'Ground rules v2');
    await waitFor(() => getBoard(member.doc).get('locked')?.get('text') === 'Ground rules v2', 5000, 'facilitator edit');
    await new Promise((r) => setTimeout(r, 100));
    const stored = await server.store.loadDoc(w.session.room);
    const doc = new Y.Doc();
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
    expect(getBoard(doc).get('locked')!.get('text')).toBe('Ground rules v2');
    expect(getBoard(doc).has('new')).toBe(false);
    expect(getBoard(doc).get('free')!.get('text')).toBe('More ideas');
  });

  it('the control doc survives a server restart', async () => {
    const w = await world();
    await w.fac.json('POST', `/api/sessions/${w.session.id}/timer`, { action: 'start', seconds: 120 });
    await server.registry.shutdown();
    const stored = await server.store.loadDoc(controlRoomOf(w.session.room));
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
  });
});
