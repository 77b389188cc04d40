/**
 * The resource library and the Atom feed end to end: the real server, stock y-websocket clients
 * writing a board link card and a notes link in different spellings of one URL, the knowledge
 * indexer collecting them, the filters, direct additions, and the feed's private-token checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import type { FeedTokenDto } from '../../shared/api/seriesSchemas.ts';
import type { ResourceDto, ResourcesResponse } from '../../shared/knowledge/resources.ts';
import type { CommunityDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';

const GUIDE = 'https://guide.example.org/return-to-learn';

let server: TestServer;
let host: ApiClient;
let member: ApiClient;
let viewer: ApiClient;
let hostB: ApiClient;
let memberUser: UserDto;
let community: CommunityDto;
let communityB: CommunityDto;
let s1: SessionDto;
let s2: SessionDto;
let sB: SessionDto;
const clients: YClient[] = [];

async function writer(api: ApiClient, session: SessionDto): Promise<YClient> {
  const c = connectClient(server.url, session.room, { token: (await api.ticket(session.id)).token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

/** A notes paragraph with a link mark, as Tiptap stores it through y-prosemirror. */
function linkParagraph(before: string, label: string, href: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  p.insert(0, [text]);
  text.insert(0, before);
  text.insert(before.length, label, { link: { href } });
  return p;
}

const list = (api: ApiClient, c: CommunityDto, query = '') => api.json<ResourcesResponse>('GET', `/api/communities/${c.id}/resources${query}`);

/** Polls the library until `done` holds (the indexer runs after INDEX_DEBOUNCE_MS). */
async function until(api: ApiClient, c: CommunityDto, done: (r: ResourceDto[]) => boolean, timeoutMs = 10_000): Promise<ResourceDto[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { resources } = await list(api, c);
    if (done(resources)) return resources;
    if (Date.now() > deadline) throw new Error(`library never matched: ${JSON.stringify(resources)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startTestServer({ INDEX_DEBOUNCE_MS: '100' });
  host = new ApiClient(server.url, server.origin);
  member = new ApiClient(server.url, server.origin);
  viewer = new ApiClient(server.url, server.origin);
  hostB = new ApiClient(server.url, server.origin);
  await host.signup('Hana Host');
  memberUser = await member.signup('Mo Member');
  const viewerUser = await viewer.signup('Vi Viewer');
  await hostB.signup('Bea Host');
  community = await host.createCommunity('School Nurses Network', 'open');
  communityB = await hostB.createCommunity('Youth Workers', 'invite');
  await member.join(community.id);
  await viewer.join(community.id);
  await host.setRole(community.id, viewerUser.id, 'viewer');
  s1 = await host.createSession(community.id, 'Concussion cases');
  s2 = await host.createSession(community.id, 'Mentoring Monday');
  sB = await hostB.createSession(communityB.id, 'Youth work supervision');
  await host.json('PUT', `/api/sessions/${s1.id}/tags`, { tags: ['Concussion'] });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

describe('resource library', () => {
  it('collects one link written in different forms on a board and in the notes of two sessions as one resource', async () => {
    const board = await writer(member, s1);
    getBoard(board.doc).set('link-1', toYMap({
      id: 'link-1', type: 'link', x: 0, y: 0, w: 280, h: 96, text: 'Return to learn guide', url: 'HTTPS://Guide.Example.ORG:443/return-to-learn/?utm_source=newsletter&fbclid=abc',
      color: '#fff3a3', z: 1, createdBy: memberUser.id, createdAt: Date.now(),
    }));
    const notes = await writer(member, s2);
    getNotes(notes.doc).insert(0, [linkParagraph('Read ', 'the guide', 'guide.example.org/return-to-learn#graded-steps')]);
    // The same link in another community never joins this one's library.
    const other = await writer(hostB, sB);
    getBoard(other.doc).set('link-b', toYMap({ id: 'link-b', type: 'link', x: 0, y: 0, text: 'Guide', url: GUIDE, createdBy: '', createdAt: Date.now() }));

    const resources = await until(member, community, (r) => r.some((x) => x.url === GUIDE && x.count === 2));
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      kind: 'link',
      url: GUIDE,
      title: 'Return to learn guide',
      count: 2,
      inNotes: true,
      sharedBy: [{ id: memberUser.id, name: 'Mo Member' }],
    });
    expect(resources[0]!.sessions.map((s) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(resources[0]!.sessions.find((s) => s.id === s1.id)!.title).toBe('Concussion cases');
  });

  it('filters by tag, session and text', async () => {
    const ids = async (query: string) => (await list(member, community, query)).resources.map((r) => r.url);
    expect(await ids('?tag=concussion')).toEqual([GUIDE]);
    expect(await ids('?tag=nothing-tagged')).toEqual([]);
    expect(await ids(`?session=${s2.id}`)).toEqual([GUIDE]);
    expect(await ids(`?session=${sB.id}`)).toEqual([]);
    expect(await ids(`?tag=concussion&session=${s2.id}`)).toEqual([]);
    expect(await ids('?q=RETURN')).toEqual([GUIDE]);
    expect(await ids('?q=unrelated')).toEqual([]);
    expect((await member.request('GET', `/api/communities/${community.id}/resources?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('keeps communities apart', async () => {
    const b = await until(hostB, communityB, (r) => r.length > 0);
    expect(b.map((r) => [r.url, r.count, r.sessions.map((s) => s.id)])).toEqual([[GUIDE, 1, [sB.id]]]);
    // A non-member of an open community is refused; of an invite-only one, it does not exist.
    expect((await hostB.request('GET', `/api/communities/${community.id}/resources`)).status).toBe(403);
    expect((await member.request('GET', `/api/communities/${communityB.id}/resources`)).status).toBe(404);
  });

  it('lets members add resources directly, merged by normalised URL; viewers cannot', async () => {
    const [existing] = (await list(member, community)).resources;
    const added = await host.json<ResourceDto>('POST', `/api/communities/${community.id}/resources`, {
      url: 'guide.example.org/return-to-learn/?utm_campaign=may', title: 'Ignored: the first title stays', note: 'Start at step 3',
    });
    expect(added).toMatchObject({ id: existing!.id, url: GUIDE, count: 3, title: 'Return to learn guide', note: 'Start at step 3' });
    expect(added.sharedBy.map((p) => p.name)).toEqual(['Mo Member', 'Hana Host']);

    const fresh = await member.json<ResourceDto>('POST', `/api/communities/${community.id}/resources`, { url: 'https://Example.org/Handbook/', title: 'Handbook' });
    expect(fresh).toMatchObject({ url: 'https://example.org/Handbook', title: 'Handbook', count: 1, sessions: [], inNotes: false });

    const refused = await viewer.request('POST', `/api/communities/${community.id}/resources`, { url: 'https://example.org/x', title: 'X' });
    expect(refused.status).toBe(403);
    const bad = await member.request('POST', `/api/communities/${community.id}/resources`, { url: 'javascript:alert(1)', title: 'X' });
    expect(bad.status).toBe(400);
    const noTitle = await member.request('POST', `/api/communities/${community.id}/resources`, { url: 'https://example.org/y', title: ' ' });
    expect(noTitle.status).toBe(400);
    // Re-indexing the sessions keeps the direct additions.
    await server.knowledge.indexSession(s1.id);
    const after = (await list(member, community)).resources;
    expect(after.map((r) => [r.url, r.count])).toEqual([[GUIDE, 3], ['https://example.org/Handbook', 1]]);
  });
});

describe('Atom feed', () => {
  const feedFetch = (url: string) => fetch(url.replace(server.origin, server.url));

  it('serves new sessions, pinned notes and resources to a valid token, without a cookie', async () => {
    await host.json('POST', `/api/communities/${community.id}/pins`, { sessionId: s1.id, kind: 'board', itemId: 'link-1' });
    const { url, atomUrl } = await member.json<FeedTokenDto>('POST', `/api/communities/${community.id}/feed-token`, {});
    expect(atomUrl).toBe(url.replace('/calendar.ics?', '/feed.atom?'));
    const res = await feedFetch(atomUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toContain('<title type="text">New session: Concussion cases</title>');
    expect(xml).toContain('<title type="text">Pinned: Return to learn guide</title>');
    expect(xml).toContain('<title type="text">New resource: Return to learn guide</title>');
    expect(xml).toContain(`<link rel="related" href="${GUIDE}"/>`);
    // Entry ids are stable tag: URIs.
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) expect(id).toMatch(/^tag:[a-z0-9.-]+,2026:commonplace\//);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await (await feedFetch(atomUrl)).text()).toBe(xml);
    // Newest first.
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
    expect([...updated].sort().reverse()).toEqual(updated);
  });

  it('refuses wrong, revoked and other communities\' tokens', async () => {
    const path = `${server.url}/api/communities/${community.id}/feed.atom`;
    expect((await fetch(path)).status).toBe(404);
    expect((await fetch(`${path}?token=${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${path}?token=short`)).status).toBe(404);

    const first = await member.json<FeedTokenDto>('POST', `/api/communities/${community.id}/feed-token`, {});
    const second = await member.json<FeedTokenDto>('POST', `/api/communities/${community.id}/feed-token`, {});
    expect((await feedFetch(first.atomUrl)).status).toBe(404);
    expect((await feedFetch(first.url)).status).toBe(404);
    expect((await feedFetch(second.atomUrl)).status).toBe(200);

    // A token of community B does not open community A's feed.
    const b = await hostB.json<FeedTokenDto>('POST', `/api/communities/${communityB.id}/feed-token`, {});
    const token = new URL(b.atomUrl).searchParams.get('token')!;
    expect((await fetch(`${path}?token=${token}`)).status).toBe(404);
    expect((await feedFetch(b.atomUrl)).status).toBe(200);
  });
});
