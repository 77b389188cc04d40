/**
 * Breakout boards (issue 4 item 1) against the real server with stock y-websocket clients: starting
 * moves the people present into balanced groups, group rooms work like the main room (viewers
 * read-only), ending brings everyone back and merges every group's board into labelled frames with
 * nothing lost, twice is a no-op, and members cannot run or forge any of it (SPEC R11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { BreakoutFollower } from '../helpers/breakoutFollower.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../shared/facilitation/control.ts';
import { breakoutRoomOf, groupFrameId, type BreakoutsState } from '../../shared/facilitation/breakouts.ts';
import { getBoard, getNotes, readBoardItem, toYMap } from '../../shared/doc/layout.ts';
import { frameMembers } from '../../client/board/selectionGeometry.ts';
import type { SessionDto, TicketDto, UserDto } from '../../shared/api/schemas.ts';

let server: TestServer;
const cleanup: { destroy(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of cleanup) c.destroy();
  await server?.dispose();
});

interface Person {
  api: ApiClient;
  user: UserDto;
}
interface World {
  fac: Person;
  members: Person[];
  viewer: Person;
  session: SessionDto;
}

async function world(memberCount = 4): Promise<World> {
  const mk = async (name: string): Promise<Person> => {
    const api = new ApiClient(server.url, server.origin);
    return { api, user: await api.signup(name) };
  };
  const host = await mk('Host Person');
  const fac = await mk('Facilitator Person');
  const viewer = await mk('Viewer Person');
  const members: Person[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await mk(`Member ${i + 1}`));
  const community = await host.api.createCommunity('Breakouts', 'invite');
  const invite = (await host.api.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  for (const p of [fac, viewer, ...members]) await p.api.json('POST', `/api/invites/${invite}/accept`, {});
  await host.api.setRole(community.id, fac.user.id, 'facilitator');
  await host.api.setRole(community.id, viewer.user.id, 'viewer');
  const session = await host.api.createSession(community.id);
  return { fac, members, viewer, session };
}

async function follower(p: Person, session: SessionDto): Promise<BreakoutFollower> {
  const { token } = await p.api.ticket(session.id);
  const f = new BreakoutFollower(server.url, session.room, token, p.user.id);
  cleanup.push(f);
  await f.waitSettled();
  await waitForSync(f.ctl);
  return f;
}

async function open(p: Person, session: SessionDto, room: string): Promise<YClient> {
  const { token } = await p.api.ticket(session.id);
  const c = connectClient(server.url, room, { token });
  cleanup.push(c);
  await waitForSync(c);
  return c;
}

const upgradeStatus = (url: string) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => (resolve(101), ws.close()));
    ws.on('error', () => {});
  });

// createdBy '' names nobody: a client may not name someone else (SPEC R18), and authors do not matter here.
const sticky = (id: string, x: number, y: number, text: string) => toYMap({ id, type: 'sticky', x, y, w: 200, h: 160, text, color: '#fff3a3', z: 1, createdBy: '', createdAt: 1 });

describe('breakouts', () => {
  it('start moves the people present into balanced groups; edits in groups land in labelled frames on the main board at the end, nothing lost, twice a no-op', async () => {
    const w = await world(4);
    const base = `/api/sessions/${w.session.id}`;
    const facMain = await open(w.fac, w.session, w.session.room);
    getBoard(facMain.doc).set('main-1', sticky('main-1', 0, 0, 'Already here'));
    const members = await Promise.all(w.members.map((m) => follower(m, w.session)));
    await waitFor(() => getBoard(members[0].room.doc).has('main-1'), 5000, 'main item');

    const { breakouts } = await w.fac.api.json<{ breakouts: BreakoutsState }>('POST', `${base}/breakouts`, { groups: 2, mode: 'random', prompt: 'What worked?', minutes: 10 });
    expect(breakouts.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 2]);
    // The facilitator who started it stays in the main room to oversee.
    expect(breakouts.groups.flatMap((g) => g.memberIds).sort()).toEqual(w.members.map((m) => m.user.id).sort());
    expect(breakouts.endsAt - breakouts.startedAt).toBe(10 * 60_000);
    await waitFor(() => members.every((m) => m.breakouts?.roundId === breakouts.roundId), 5000, 'the round reaching every client');
    await Promise.all(members.map((m) => m.waitSettled()));
    for (const m of members) expect(m.currentRoom).toBe(breakouts.groups.find((g) => g.memberIds.includes(m.userId))!.room);
    expect((await w.fac.api.request('POST', `${base}/breakouts`, { groups: 2, mode: 'random', minutes: 5 })).status).toBe(409);

    // Each member adds a sticky (and the first of each group a connector and notes) in their group.
    const expected = new Map<string, string[]>();
    for (const [i, m] of members.entries()) {
      const group = breakouts.groups.find((g) => g.memberIds.includes(m.userId))!;
      const board = getBoard(m.room.doc);
      board.set(`s${i}`, sticky(`s${i}`, i * 300, i * 50, `Idea of member ${i + 1}`));
      expected.set(group.id, [...(expected.get(group.id) ?? []), `s${i}`]);
      if (expected.get(group.id)!.length === 1) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`Notes of group ${group.id}`)]);
        getNotes(m.room.doc).insert(0, [p]);
      } else {
        const first = expected.get(group.id)![0];
        board.set(`c${i}`, toYMap({ id: `c${i}`, type: 'connector', x: 0, y: 0, w: 32, h: 32, from: first, to: `s${i}`, color: '#1f2328', z: 2, createdBy: '', createdAt: 1 }));
      }
    }
    // Group mates see each other's edits; the other group does not.
    await waitFor(() => members.every((m) => getBoard(m.room.doc).size === 3), 5000, 'group edits');
    expect(getBoard(facMain.doc).size).toBe(1);

    const ended = await w.fac.api.json<{ breakouts: BreakoutsState; merged: string[] }>('POST', `${base}/breakouts/end`, {});
    expect(ended.merged.sort()).toEqual(['1', '2']);
    await waitFor(() => members.every((m) => m.breakouts?.status === 'ended'), 5000, 'the end reaching every client');
    await Promise.all(members.map((m) => m.waitSettled()));
    for (const m of members) expect(m.currentRoom).toBe(w.session.room);
    await waitFor(() => getBoard(members[0].room.doc).size === 1 + 2 * (1 + 3), 5000, 'merged board');
    const items = [...getBoard(members[0].room.doc).values()].map(readBoardItem);
    const rects = items.map((it) => ({ id: it.id, type: it.type, z: it.z, rect: { x: it.x, y: it.y, w: it.w, h: it.h } }));
    for (const group of breakouts.groups) {
      const frame = items.find((it) => it.id === groupFrameId(breakouts.roundId, group.id))!;
      expect(frame).toMatchObject({ type: 'frame', text: `${group.name} — What worked?` });
      const inside = frameMembers({ id: frame.id, z: frame.z, rect: frame }, rects).map((id) => items.find((it) => it.id === id)!.text).sort();
      expect(inside).toEqual(expected.get(group.id)!.map((id) => `Idea of member ${Number(id.slice(1)) + 1}`).sort());
      const connector = items.find((it) => it.type === 'connector' && it.id.startsWith(frame.id))!;
      expect(items.find((it) => it.id === connector.from)?.text).toMatch(/Idea/);
      expect(items.find((it) => it.id === connector.to)?.text).toMatch(/Idea/);
    }
    expect(items.find((it) => it.id === 'main-1')).toMatchObject({ x: 0, y: 0, text: 'Already here' });
    const notesText = getNotes(members[0].room.doc).toString();
    for (const g of ['1', '2']) expect(notesText).toContain(`Notes of group ${g}`);
    expect(notesText).toContain('Group 1 — What worked?');

    // Ending again merges nothing and duplicates nothing.
    const again = await w.fac.api.json<{ merged: string[] }>('POST', `${base}/breakouts/end`, {});
    expect(again.merged).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(getBoard(facMain.doc).size).toBe(9);
  });

  it('members cannot start, move, broadcast or end (403), nor write the control room; viewers are read-only in a group', async () => {
    const w = await world(1);
    const base = `/api/sessions/${w.session.id}`;
    const member = w.members[0];
    for (const [path, body] of [
      ['/breakouts', { groups: 2, mode: 'random', minutes: 5 }],
      ['/breakouts/move', { userId: member.user.id, groupId: '1' }],
      ['/breakouts/broadcast', { text: 'hi' }],
      ['/breakouts/end', {}],
    ] as const) {
      expect((await member.api.request('POST', base + path, body)).status, path).toBe(403);
      expect((await w.viewer.api.request('POST', base + path, body)).status, path).toBe(403);
    }
    expect((await w.fac.api.request('POST', `${base}/breakouts/end`, {})).status).toBe(409);
    expect((await w.fac.api.request('POST', `${base}/breakouts`, { groups: 1, mode: 'random', minutes: 5 })).status).toBe(400);
    expect((await w.fac.api.request('POST', `${base}/breakouts`, { groups: 2, mode: 'random', minutes: 5, assignments: {} })).status).toBe(400);

    const { breakouts } = await w.fac.api.json<{ breakouts: BreakoutsState }>('POST', `${base}/breakouts`, {
      groups: 2, mode: 'manual', minutes: 5, prompt: 'P', assignments: { [member.user.id]: 2 },
    });
    expect(breakouts.groups[1].memberIds).toEqual([member.user.id]);
    // Only self-select rounds let people pick.
    expect((await member.api.request('POST', `${base}/breakouts/join`, { groupId: '1' })).status).toBe(403);
    await w.fac.api.json('POST', `${base}/breakouts/move`, { userId: w.viewer.user.id, groupId: '1' });
    expect((await w.fac.api.request('POST', `${base}/breakouts/move`, { userId: crypto.randomUUID(), groupId: '1' })).status).toBe(404);
    expect((await w.fac.api.request('POST', `${base}/breakouts/move`, { userId: member.user.id, groupId: '9' })).status).toBe(404);

    // A forged write to the control room closes the socket and changes nothing.
    const ctl = await open(member, w.session, controlRoomOf(w.session.room));
    const closed = new Promise<number>((resolve) => ctl.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    getControl(ctl.doc).set(CONTROL_KEYS.breakouts, { ...breakouts, status: 'ended' });
    expect(await closed).toBe(CloseCode.ReadOnly);
    const facCtl = await open(w.fac, w.session, controlRoomOf(w.session.room));
    expect((getControl(facCtl.doc).get(CONTROL_KEYS.breakouts) as BreakoutsState).status).toBe('running');

    // The viewer's group room is read-only (R4), like the main room.
    const viewerRoom = await open(w.viewer, w.session, breakouts.groups[0].room);
    const viewerClosed = new Promise<number>((resolve) => viewerRoom.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    getBoard(viewerRoom.doc).set('v', sticky('v', 0, 0, 'forged'));
    expect(await viewerClosed).toBe(CloseCode.ReadOnly);

    // Rooms of rounds that were never started do not exist; a breakout room's own ticket opens only it.
    const { token } = await member.api.ticket(w.session.id);
    const ws = server.url.replace('http', 'ws');
    expect(await upgradeStatus(`${ws}/collab/${breakoutRoomOf(w.session.room, 'abcdef01', 1)}?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`${ws}/collab/${breakouts.groups[1].room}?token=${token}`)).toBe(101);
    const roomTicket = await member.api.json<TicketDto>('POST', `${base}/ticket?room=${breakouts.groups[1].room}`, {});
    expect(roomTicket.room).toBe(breakouts.groups[1].room);
    expect(await upgradeStatus(`${ws}/collab/${breakouts.groups[1].room}?token=${roomTicket.token}`)).toBe(101);
    expect(await upgradeStatus(`${ws}/collab/${w.session.room}?token=${roomTicket.token}`)).toBe(403);
    expect((await member.api.request('POST', `${base}/ticket?room=s_other-bo-abcdef01-1`, {})).status).toBe(404);
  });

  it('self-select, broadcast, and the state survives a restart of the control room', async () => {
    const w = await world(2);
    const base = `/api/sessions/${w.session.id}`;
    const [a, b] = await Promise.all(w.members.map((m) => follower(m, w.session)));
    await w.fac.api.json('POST', `${base}/breakouts`, { groups: 3, mode: 'self-select', minutes: 5, prompt: '' });
    await waitFor(() => a.breakouts?.status === 'running', 5000, 'round');
    expect(a.currentRoom).toBe(w.session.room);
    await w.members[0].api.json('POST', `${base}/breakouts/join`, { groupId: '3' });
    await w.members[1].api.json('POST', `${base}/breakouts/join`, { groupId: '3' });
    await waitFor(() => a.wantedRoom.endsWith('-3') && b.wantedRoom.endsWith('-3'), 5000, 'joined group 3');
    await Promise.all([a.waitSettled(), b.waitSettled()]);
    expect(a.currentRoom).toBe(b.currentRoom);
    expect(a.currentRoom).toMatch(/-bo-[0-9a-f]+-3$/);
    await w.members[0].api.json('POST', `${base}/breakouts/join`, { groupId: '1' });
    await waitFor(() => a.wantedRoom.endsWith('-1'), 5000, 'moved to group 1');
    await a.waitSettled();
    expect(a.currentRoom).toMatch(/-1$/);
    expect((await w.members[0].api.request('POST', `${base}/breakouts/join`, { groupId: '7' })).status).toBe(404);
    await w.fac.api.json('POST', `${base}/breakouts/broadcast`, { text: 'Five minutes left' });
    await waitFor(() => b.breakouts?.broadcasts.at(-1)?.text === 'Five minutes left', 5000, 'broadcast');
    expect(b.breakouts!.broadcasts.at(-1)!.from).toBe('Facilitator Person');
    // Stored like any room: what a reloading facilitator or a restarted server reads back.
    await server.registry.writer.flush();
    const stored = await server.store.loadDoc(controlRoomOf(w.session.room));
    const doc = new Y.Doc();
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
    expect((getControl(doc).get(CONTROL_KEYS.breakouts) as BreakoutsState).groups[0].memberIds).toEqual([w.members[0].user.id]);
    await w.fac.api.json('POST', `${base}/breakouts/end`, {});
    await waitFor(() => a.breakouts?.status === 'ended', 5000, 'ended');
    await Promise.all([a.waitSettled(), b.waitSettled()]);
    expect(a.currentRoom).toBe(w.session.room);
  });
});
