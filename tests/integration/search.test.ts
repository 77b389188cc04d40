/**
 * Search and the archive end to end: the real server (default indexing delay) and stock y-websocket
 * clients. What is typed becomes searchable within seconds; communities never see each other's
 * results; `/content` returns what was typed; a viewer reads the archive without any way to write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { SNIPPET_MARK_CLOSE, SNIPPET_MARK_OPEN, type SearchResponse } from '../../shared/knowledge/search.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { CommunityDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';

let server: TestServer;
let hostA: ApiClient;
let memberA: ApiClient;
let viewerA: ApiClient;
let hostB: ApiClient;
let communityA: CommunityDto;
let communityB: CommunityDto;
let sessionA: SessionDto;
let sessionB: SessionDto;
const clients: YClient[] = [];

function client(room: string, token: string): YClient {
  const c = connectClient(server.url, room, { token });
  clients.push(c);
  return c;
}

/** Types a heading and a paragraph into the notes the way Tiptap stores them. */
function typeNotes(doc: Y.Doc, heading: string, text: string) {
  const h = new Y.XmlElement('heading');
  h.setAttribute('level', 2 as unknown as string);
  h.insert(0, [new Y.XmlText(heading)]);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  getNotes(doc).insert(getNotes(doc).length, [h, p]);
}

const search = (api: ApiClient, path: string) => api.json<SearchResponse>('GET', path);

beforeAll(async () => {
  server = await startTestServer(); // INDEX_DEBOUNCE_MS at its default
  hostA = new ApiClient(server.url, server.origin);
  memberA = new ApiClient(server.url, server.origin);
  viewerA = new ApiClient(server.url, server.origin);
  hostB = new ApiClient(server.url, server.origin);
  await hostA.signup('Hana Host');
  await memberA.signup('Mo Member');
  const viewerUser: UserDto = await viewerA.signup('Vi Viewer');
  await hostB.signup('Bea Host');
  communityA = await hostA.createCommunity('School Nurses Network', 'open');
  communityB = await hostB.createCommunity('Youth Workers', 'invite');
  await memberA.join(communityA.id);
  await viewerA.join(communityA.id);
  await hostA.setRole(communityA.id, viewerUser.id, 'viewer');
  sessionA = await hostA.createSession(communityA.id, 'Mentoring Monday');
  sessionB = await hostB.createSession(communityB.id, 'Mentoring for youth workers');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

describe('search over live sessions', () => {
  it('makes text typed by a stock y-websocket client searchable within 5 s', async () => {
    const writer = client(sessionA.room, (await memberA.ticket(sessionA.id)).token);
    await waitForSync(writer);
    const typedAt = Date.now();
    typeNotes(writer.doc, 'Concussion protocol', 'Graded return to learn before return to play');
    getBoard(writer.doc).set('st1', toYMap({ id: 'st1', type: 'sticky', x: 0, y: 0, w: 200, h: 160, text: 'Who tells the PE teacher?', color: '#fff3a3', z: 1 }));
    getAgenda(writer.doc).push([toYMap({ id: 'ag1', title: 'Safeguarding referrals', minutes: 15, owner: 'Mo', done: false })]);

    const path = `/api/communities/${communityA.id}/search?q=graded`;
    let results: SearchResponse['results'] = [];
    await (async () => {
      while (Date.now() - typedAt < 5000) {
        results = (await search(memberA, path)).results;
        if (results.length > 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const latency = Date.now() - typedAt;
    expect(results, `not searchable after ${latency} ms`).toHaveLength(1);
    expect(latency).toBeLessThan(5000);
    expect(results[0]).toEqual({
      sessionId: sessionA.id,
      room: sessionA.room,
      communityId: communityA.id,
      title: 'Mentoring Monday',
      snippet: `${SNIPPET_MARK_OPEN}Graded${SNIPPET_MARK_CLOSE} return to learn before return to play`,
      where: { kind: 'notes', itemId: 'concussion-protocol' },
      score: expect.any(Number),
    });

    // Typos and prefixes, all three kinds of place.
    expect((await search(memberA, `/api/communities/${communityA.id}/search?q=concusion`)).results[0].where).toEqual({ kind: 'notes', itemId: 'concussion-protocol' });
    expect((await search(memberA, `/api/communities/${communityA.id}/search?q=safeguard`)).results[0].where).toEqual({ kind: 'agenda', itemId: 'ag1' });
    expect((await search(memberA, `/api/search?q=teacher`)).results[0].where).toEqual({ kind: 'board', itemId: 'st1' });
  });

  it('never shows a member of community A the results of community B, on either endpoint', async () => {
    const writerB = client(sessionB.room, (await hostB.ticket(sessionB.id)).token);
    await waitForSync(writerB);
    typeNotes(writerB.doc, 'Detached youth work', 'Outreach mentoring on the estates');
    // Wait until B's host finds it, so the index has it.
    const deadline = Date.now() + 5000;
    while ((await search(hostB, '/api/search?q=outreach')).results.length === 0) {
      if (Date.now() > deadline) throw new Error('B was never indexed');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const api of [hostA, memberA, viewerA]) {
      const all = await search(api, '/api/search?q=mentoring');
      expect(all.results.length).toBeGreaterThan(0);
      expect(all.results.every((r) => r.communityId === communityA.id)).toBe(true);
      expect((await search(api, '/api/search?q=outreach')).results).toEqual([]);
      expect((await search(api, `/api/communities/${communityA.id}/search?q=outreach`)).results).toEqual([]);
      // B is invite-only: to A's people it does not exist.
      expect((await api.request('GET', `/api/communities/${communityB.id}/search?q=outreach`)).status).toBe(404);
    }
    const forB = await search(hostB, '/api/search?q=mentoring');
    expect(forB.results.every((r) => r.communityId === communityB.id)).toBe(true);
  });
});

describe('session content (archive)', () => {
  it('returns what was typed', async () => {
    const content = await memberA.json<SessionContent>('GET', `/api/sessions/${sessionA.id}/content`);
    expect(content.agenda).toEqual([{ id: 'ag1', title: 'Safeguarding referrals', minutes: 15, owner: 'Mo', done: false, createdBy: '' }]);
    expect(content.notes.map((b) => [b.type, b.text])).toEqual([
      ['heading', 'Concussion protocol'],
      ['paragraph', 'Graded return to learn before return to play'],
    ]);
    expect(content.board).toEqual([expect.objectContaining({ id: 'st1', type: 'sticky', text: 'Who tells the PE teacher?' })]);
  });

  it('lets a viewer read the content of an unloaded room without loading it or writing anything', async () => {
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => server.registry.get(sessionA.room) === undefined, 5000, 'room unload');
    const before = await server.store.loadDoc(sessionA.room);

    const res = await viewerA.request('GET', `/api/sessions/${sessionA.id}/content`);
    expect(res.status).toBe(200);
    const content = (await res.json()) as SessionContent;
    expect(content.notes[1].text).toBe('Graded return to learn before return to play');
    expect(server.registry.get(sessionA.room)).toBeUndefined();
    expect((await server.store.loadDoc(sessionA.room)).bytes).toBe(before.bytes);

    // The archive's only other calls are writes a viewer is refused.
    expect((await viewerA.request('PUT', `/api/sessions/${sessionA.id}/tags`, { tags: ['x'] })).status).toBe(403);
    expect((await viewerA.request('POST', `/api/communities/${communityA.id}/pins`, { sessionId: sessionA.id, kind: 'board', itemId: 'st1' })).status).toBe(403);
    // And the content endpoint takes no writes at all.
    expect((await viewerA.request('PUT', `/api/sessions/${sessionA.id}/content`, { notes: [] })).status).toBe(404);
    expect((await server.store.loadDoc(sessionA.room)).bytes).toBe(before.bytes);
  });
});
