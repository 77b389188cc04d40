/**
 * Decisions, actions and the end of a session, end to end: the real server (default indexing delay) and
 * stock y-websocket clients. Task items typed into the notes become the community's open actions within
 * seconds; checking one off closes it; the next session of a series starts with the previous one's open
 * actions on its agenda, exactly once; ending a session writes its summary (top-voted items, board SVG);
 * another community sees none of it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { META_KEYS, NOTES_ATTRS, getAgenda, getBoard, getMeta, getNotes, readAgendaItem, toYMap } from '../../shared/doc/layout.ts';
import type { ActionsResponse, DecisionsResponse, SessionSummaryResponse } from '../../shared/knowledge/actions.ts';
import type { CommunityDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { SessionRecord } from '../../server/store/types.ts';

let server: TestServer;
let host: ApiClient;
let member: ApiClient;
let outsider: ApiClient;
let memberUser: UserDto;
let community: CommunityDto;
let otherCommunity: CommunityDto;
const clients: YClient[] = [];

async function client(room: string, api: ApiClient, sessionId: string): Promise<YClient> {
  const c = connectClient(server.url, room, { token: (await api.ticket(sessionId)).token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

function close(c: YClient) {
  c.destroy();
  clients.splice(clients.indexOf(c), 1);
}

/** Appends a task list to the notes the way the editor stores it. */
function addTasks(doc: Y.Doc, tasks: { text: string; attrs?: Record<string, unknown> }[]): Y.XmlElement[] {
  const list = new Y.XmlElement('taskList');
  const items = tasks.map(({ text, attrs = {} }) => {
    const item = new Y.XmlElement('taskItem');
    item.setAttribute(NOTES_ATTRS.checked, false as unknown as string);
    for (const [k, v] of Object.entries(attrs)) item.setAttribute(k, v as string);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    item.insert(0, [p]);
    return item;
  });
  list.insert(0, items);
  getNotes(doc).insert(getNotes(doc).length, [list]);
  return items;
}

function addDecision(doc: Y.Doc, text: string) {
  const p = new Y.XmlElement('paragraph');
  p.setAttribute(NOTES_ATTRS.decision, true as unknown as string);
  p.insert(0, [new Y.XmlText(text)]);
  getNotes(doc).insert(getNotes(doc).length, [p]);
}

const openActions = (api: ApiClient, communityId = community.id) => api.json<ActionsResponse>('GET', `/api/communities/${communityId}/actions?status=open`);

/** Polls until `check` holds for the open actions (indexing is debounced), returning them. */
async function untilActions(check: (a: ActionsResponse['actions']) => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { actions } = await openActions(member);
    if (check(actions)) return actions;
    if (Date.now() > deadline) throw new Error(`actions never matched: ${JSON.stringify(actions)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startTestServer(); // INDEX_DEBOUNCE_MS at its default (1.5 s)
  host = new ApiClient(server.url, server.origin);
  member = new ApiClient(server.url, server.origin);
  outsider = new ApiClient(server.url, server.origin);
  await host.signup('Hana Host');
  memberUser = await member.signup('Mo Member');
  await outsider.signup('Oz Outsider');
  community = await host.createCommunity('School Nurses Network', 'open');
  otherCommunity = await outsider.createCommunity('Youth Workers', 'open');
  await member.join(community.id);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

describe('actions from the notes', () => {
  let session: SessionDto;

  it('lists task items typed by a stock client as open actions within seconds, with assignee, due date and a link', async () => {
    session = await host.createSession(community.id, 'Mentoring Monday');
    const writer = await client(session.room, member, session.id);
    const typedAt = Date.now();
    addTasks(writer.doc, [
      { text: 'Call the school nurse lead', attrs: { [NOTES_ATTRS.assignee]: memberUser.id, [NOTES_ATTRS.assigneeName]: 'Mo', [NOTES_ATTRS.due]: '2020-01-31' } },
      { text: 'Share the concussion leaflet' },
    ]);
    addDecision(writer.doc, 'We meet on the first Monday');

    const actions = await untilActions((a) => a.length === 2);
    expect(Date.now() - typedAt).toBeLessThan(5000);
    expect(actions[0]).toMatchObject({
      sessionId: session.id,
      sessionTitle: 'Mentoring Monday',
      text: 'Call the school nurse lead',
      assignee: { id: memberUser.id, name: 'Mo Member' },
      due: '2020-01-31',
      done: false,
      overdue: true,
      href: `/s/${session.id}?focus=notes`,
    });
    // Undated actions come last.
    expect(actions[1]).toMatchObject({ text: 'Share the concussion leaflet', assignee: null, due: null, overdue: false });
    const { decisions } = await member.json<DecisionsResponse>('GET', `/api/communities/${community.id}/decisions`);
    expect(decisions.map((d) => [d.text, d.sessionId])).toEqual([['We meet on the first Monday', session.id]]);
  });

  it('drops an action from the open list once it is checked off, and lists it as done', async () => {
    const writer = await client(session.room, member, session.id);
    const list = getNotes(writer.doc).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'taskList') as Y.XmlElement;
    (list.get(1) as Y.XmlElement).setAttribute(NOTES_ATTRS.checked, true as unknown as string);
    await untilActions((a) => a.length === 1 && a[0].text === 'Call the school nurse lead');
    const done = await member.json<ActionsResponse>('GET', `/api/communities/${community.id}/actions?status=done`);
    expect(done.actions.map((a) => [a.text, a.done])).toEqual([['Share the concussion leaflet', true]]);
    expect((await member.json<ActionsResponse>('GET', `/api/communities/${community.id}/actions?status=all`)).actions).toHaveLength(2);
    expect((await member.request('GET', `/api/communities/${community.id}/actions?status=later`)).status).toBe(400);
    close(writer);
  });

  it('shows another community nothing', async () => {
    expect((await outsider.request('GET', `/api/communities/${community.id}/actions`)).status).toBe(403);
    expect((await outsider.request('GET', `/api/communities/${community.id}/decisions`)).status).toBe(403);
    expect((await outsider.request('GET', `/api/sessions/${session.id}/summary`)).status).toBe(404);
    expect((await outsider.request('POST', `/api/sessions/${session.id}/end`, {})).status).toBe(404);
    expect((await openActions(outsider, otherCommunity.id)).actions).toEqual([]);
  });
});

describe('carry-forward in a series', () => {
  it('puts the previous session’s open actions on the next session’s agenda exactly once', async () => {
    const hostUser = (await host.json<{ user: UserDto }>('GET', '/api/me')).user;
    const seriesId = randomUUID();
    await server.store.series.createSeries({
      id: seriesId, communityId: community.id, title: 'Power Hour', rule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'UTC', startDate: '2026-01-01', startTime: '16:00',
      format: 'open_discussion', durationMinutes: 60, createdBy: hostUser.id, createdAt: new Date().toISOString(),
    });
    const mk = (key: string, startsAt: number): SessionRecord & { seriesId: string } => ({
      id: randomUUID(), communityId: community.id, title: `Power Hour ${key}`, startsAt: new Date(startsAt).toISOString(), durationMinutes: 60,
      format: 'open_discussion', room: `series-${key}-${randomUUID()}`, createdBy: hostUser.id, createdAt: new Date().toISOString(), seriesId,
    });
    const previous = mk('previous', Date.now() - 3 * 3600_000); // ended two hours ago
    const next = mk('next', Date.now() + 3600_000);
    await server.store.series.addSeriesSession(previous);
    await server.store.series.addSeriesSession(next);

    // Actions of the previous session: one open, one done.
    const writer = await client(previous.room, member, previous.id);
    addTasks(writer.doc, [
      { text: 'Draft the referral letter', attrs: { [NOTES_ATTRS.assignee]: memberUser.id, [NOTES_ATTRS.assigneeName]: 'Mo', [NOTES_ATTRS.due]: '2026-12-24' } },
      { text: 'Already handled', attrs: { [NOTES_ATTRS.checked]: true } },
    ]);
    await waitFor(() => writer.provider.wsconnected, 2000);
    close(writer);

    const carried = (doc: Y.Doc) => getAgenda(doc).toArray().map(readAgendaItem).filter((a) => a.title.startsWith('Open action from'));
    const first = await client(next.room, member, next.id);
    await waitFor(() => carried(first.doc).length > 0, 5000, 'carried actions');
    expect(carried(first.doc).map((a) => [a.title, a.owner])).toEqual([
      [`Open action from ${previous.startsAt.slice(0, 10)}: Draft the referral letter (due 2026-12-24)`, 'Mo'],
    ]);
    expect(getMeta(first.doc).get(META_KEYS.carriedForwardFrom)).toBe(previous.id);
    close(first);

    // The room unloads (ROOM_UNLOAD_DELAY_MS 200) and loads again: nothing is added twice.
    await new Promise((r) => setTimeout(r, 600));
    expect(server.registry.get(next.room)).toBeUndefined();
    const again = await client(next.room, host, next.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(carried(again.doc)).toHaveLength(1);
    close(again);
  });
});

describe('ending a session', () => {
  it('writes a summary with the top-voted board items, decisions, actions, resources and the board as SVG', async () => {
    const session = await host.createSession(community.id, 'Case review');
    const writer = await client(session.room, member, session.id);
    getAgenda(writer.doc).push([toYMap({ id: 'ag1', title: 'Cases', minutes: 20, owner: 'Mo', done: true, createdBy: memberUser.id })]);
    const board = getBoard(writer.doc);
    board.set('st-a', toYMap({ id: 'st-a', type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: 'Peer supervision', color: '#fff3a3', z: 1 }));
    board.set('st-b', toYMap({ id: 'st-b', type: 'sticky', x: 300, y: 0, w: 200, h: 160, text: 'Shared referral form', color: '#caffbf', z: 2 }));
    board.set('ln', toYMap({ id: 'ln', type: 'link', x: 600, y: 0, w: 280, h: 96, text: 'Guidance', url: 'https://example.org/guidance', z: 3 }));
    addTasks(writer.doc, [{ text: 'Pilot the form' }]);
    addDecision(writer.doc, 'Adopt the shared referral form');
    await new Promise((r) => setTimeout(r, 100));

    await host.json('POST', `/api/sessions/${session.id}/votes/rounds`, { budget: 3 });
    for (const itemId of ['st-b', 'st-b', 'st-a']) await member.json('POST', `/api/sessions/${session.id}/votes`, { itemId, delta: 1 });
    await host.json('POST', `/api/sessions/${session.id}/votes`, { itemId: 'st-b', delta: 1 });

    expect((await member.json<SessionSummaryResponse>('GET', `/api/sessions/${session.id}/summary`)).summary).toBeNull();
    expect((await member.request('POST', `/api/sessions/${session.id}/end`, {})).status).toBe(403);
    const { summary } = await host.json<SessionSummaryResponse>('POST', `/api/sessions/${session.id}/end`, {});
    expect(summary).toMatchObject({
      sessionId: session.id,
      endedBy: 'facilitator',
      agenda: [{ id: 'ag1', title: 'Cases', done: true }],
      decisions: [{ text: 'Adopt the shared referral form' }],
      actions: [{ text: 'Pilot the form', done: false }],
      topVoted: [
        { itemId: 'st-b', votes: 3, label: 'Sticky note: Shared referral form' },
        { itemId: 'st-a', votes: 1 },
      ],
      resources: [{ kind: 'link', url: 'https://example.org/guidance', title: 'Guidance', where: 'board' }],
    });
    expect(summary!.boardSvg).toMatch(/^<svg[\s\S]*Peer supervision[\s\S]*<\/svg>$/);

    // Ending again (or the room closing afterwards) keeps the first summary.
    board.set('late', toYMap({ id: 'late', type: 'sticky', x: 0, y: 300, w: 200, h: 160, text: 'Too late', color: '#fff3a3', z: 4 }));
    const second = await host.json<SessionSummaryResponse>('POST', `/api/sessions/${session.id}/end`, {});
    expect(second.summary).toEqual(summary);
    expect((await member.json<SessionSummaryResponse>('GET', `/api/sessions/${session.id}/summary`)).summary).toEqual(summary);
    close(writer);
  });

  it('writes the summary when the scheduled end has passed and the room closes', async () => {
    const started = new Date(Date.now() - 2 * 3600_000).toISOString();
    const session = await host.json<SessionDto>('POST', `/api/communities/${community.id}/sessions`, { title: 'Overran', startsAt: started, format: 'workshop', durationMinutes: 30 });
    const writer = await client(session.room, member, session.id);
    addDecision(writer.doc, 'Written before the room closed');
    await new Promise((r) => setTimeout(r, 100));
    close(writer);
    let summary: SessionSummaryResponse['summary'] = null;
    const deadline = Date.now() + 5000;
    while (!summary && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      summary = (await member.json<SessionSummaryResponse>('GET', `/api/sessions/${session.id}/summary`)).summary;
    }
    expect(summary).toMatchObject({ endedBy: 'schedule', decisions: [{ text: 'Written before the room closed' }] });
  });
});
