/**
 * The timeline and catch-up against the real server with stock y-websocket clients: versions are taken
 * at the interval while a room changes (not when it did not) and when it unloads; a host's restore
 * brings live clients back to the old content and keeps the state before as a version; only hosts may
 * restore; catch-up lists what was added since a member's last mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yclient.ts';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import type { SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { CatchUpDto, RestoreResultDto, VersionContentDto, VersionListDto } from '../../shared/knowledge/versions.ts';
import { extractContent } from '../../server/knowledge/extractContent.ts';

const INTERVAL_MS = 300;
let server: TestServer;
const clients: YClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ VERSION_INTERVAL_MS: String(INTERVAL_MS) });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

interface World {
  host: ApiClient;
  fac: ApiClient;
  member: ApiClient;
  viewer: ApiClient;
  memberUser: UserDto;
  session: SessionDto;
}

async function world(s: TestServer = server): Promise<World> {
  const mk = () => new ApiClient(s.url, s.origin);
  const host = mk(), fac = mk(), member = mk(), viewer = mk();
  await host.signup('Host Person');
  const facUser = await fac.signup('Facilitator Person');
  const memberUser = await member.signup('Member Person');
  const viewerUser = await viewer.signup('Viewer Person');
  const community = await host.createCommunity('Versions', 'open');
  for (const u of [fac, member, viewer]) await u.join(community.id);
  await host.setRole(community.id, facUser.id, 'facilitator');
  await host.setRole(community.id, viewerUser.id, 'viewer');
  const session = await host.createSession(community.id);
  return { host, fac, member, viewer, memberUser, session };
}

async function open(api: ApiClient, session: SessionDto, s: TestServer = server): Promise<YClient> {
  const { token } = await api.ticket(session.id);
  const c = connectClient(s.url, session.room, { token });
  clients.push(c);
  await waitForSync(c);
  return c;
}

const sticky = (c: YClient, id: string, text: string) => getBoard(c.doc).set(id, toYMap({ id, type: 'sticky', text, x: 0, y: 0 }));
const versions = async (api: ApiClient, session: SessionDto) => (await api.json<VersionListDto>('GET', `/api/sessions/${session.id}/versions`)).versions;
const boardTexts = (content: VersionContentDto['content']) => content.board.map((b) => b.text).sort();

async function waitForVersions(api: ApiClient, session: SessionDto, n: number, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await versions(api, session);
    if (list.length >= n) return list;
    if (Date.now() > deadline) throw new Error(`expected ${n} versions, have ${list.length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('session versions', () => {
  it('R17: are taken at the interval while the room changes, and not again while it does not', async () => {
    const w = await world();
    const c = await open(w.host, w.session);
    sticky(c, 'a', 'First idea');
    const [v1] = await waitForVersions(w.member, w.session, 1);
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(await versions(w.member, w.session)).toHaveLength(1);
    sticky(c, 'b', 'Second idea');
    const list = await waitForVersions(w.member, w.session, 2);
    expect(list[0]).toEqual(v1);
    expect(list[1]!.bytes).toBeGreaterThan(v1!.bytes);
    expect(Date.parse(list[1]!.takenAt)).toBeGreaterThan(Date.parse(v1!.takenAt));
    const first = await w.viewer.json<VersionContentDto>('GET', `/api/sessions/${w.session.id}/versions/${v1!.id}`);
    expect(boardTexts(first.content)).toEqual(['First idea']);
    const second = await w.viewer.json<VersionContentDto>('GET', `/api/sessions/${w.session.id}/versions/${list[1]!.id}`);
    expect(boardTexts(second.content)).toEqual(['First idea', 'Second idea']);
  });

  it('R17: are taken when the room unloads (the session ends), whatever the interval', async () => {
    const slow = await startTestServer({ VERSION_INTERVAL_MS: '600000' });
    try {
      const w = await world(slow);
      const c = await open(w.host, w.session, slow);
      sticky(c, 'a', 'Before leaving');
      await new Promise((r) => setTimeout(r, 300));
      expect(await versions(w.host, w.session)).toHaveLength(0);
      c.destroy();
      const [v] = await waitForVersions(w.host, w.session, 1);
      const got = await w.host.json<VersionContentDto>('GET', `/api/sessions/${w.session.id}/versions/${v!.id}`);
      expect(boardTexts(got.content)).toEqual(['Before leaving']);
    } finally {
      await slow.dispose();
    }
  });

  it('R17: a host restores a version: a live stock client converges on it, and the state before is kept as a version', async () => {
    const w = await world();
    const live = await open(w.member, w.session);
    sticky(live, 'a', 'Early sticky');
    getAgenda(live.doc).push([toYMap({ id: 'i1', title: 'Welcome', minutes: 5 })]);
    const [early] = await waitForVersions(w.host, w.session, 1);
    sticky(live, 'b', 'Late sticky');
    getNotes(live.doc).insert(0, [paragraph('Late notes')]);
    await waitForVersions(w.host, w.session, 2);

    const restored = await w.host.json<RestoreResultDto>('POST', `/api/sessions/${w.session.id}/versions/${early!.id}/restore`, {});
    expect(restored.restored.id).toBe(early!.id);
    await waitFor(() => !getBoard(live.doc).has('b'), 5000, 'the live client to drop the late sticky');
    const earlyContent = (await w.host.json<VersionContentDto>('GET', `/api/sessions/${w.session.id}/versions/${early!.id}`)).content;
    expect(extractContent(live.doc)).toEqual(earlyContent);

    // Nothing is lost: the state before the restore is a version, and restoring it undoes the restore.
    const before = await w.host.json<VersionContentDto>('GET', `/api/sessions/${w.session.id}/versions/${restored.savedBefore.id}`);
    expect(boardTexts(before.content)).toEqual(['Early sticky', 'Late sticky']);
    expect(before.content.notes.map((n) => n.text)).toContain('Late notes');
    await w.host.json('POST', `/api/sessions/${w.session.id}/versions/${restored.savedBefore.id}/restore`, {});
    await waitFor(() => getBoard(live.doc).has('b'), 5000, 'the late sticky to come back');
    expect(extractContent(live.doc)).toEqual(before.content);
  });

  it('only hosts restore (server-checked); an unknown version is 404; bad bodies are 400', async () => {
    const w = await world();
    const c = await open(w.host, w.session);
    sticky(c, 'a', 'x');
    const [v] = await waitForVersions(w.host, w.session, 1);
    const path = `/api/sessions/${w.session.id}/versions/${v!.id}/restore`;
    for (const api of [w.fac, w.member, w.viewer]) expect((await api.request('POST', path, {})).status).toBe(403);
    expect((await w.host.request('POST', `/api/sessions/${w.session.id}/versions/nope/restore`, {})).status).toBe(404);
    expect((await w.host.request('POST', path, { at: 'now' })).status).toBe(400);
    expect((await w.member.request('GET', `/api/sessions/${w.session.id}/versions/nope`)).status).toBe(404);
    expect(await versions(w.host, w.session)).toHaveLength(1);
  });
});

describe('catch-up', () => {
  it('lists everything for someone who never looked, then only what was added since their mark', async () => {
    const w = await world();
    const c = await open(w.host, w.session);
    sticky(c, 'a', 'Seen sticky');
    getAgenda(c.doc).push([toYMap({ id: 'i1', title: 'Round of news', minutes: 10 }), toYMap({ id: 'i2', title: 'Case review', minutes: 20 })]);
    getNotes(c.doc).insert(0, [paragraph('Seen notes')]);
    await new Promise((r) => setTimeout(r, 100));

    const first = await w.member.json<CatchUpDto>('GET', `/api/sessions/${w.session.id}/catch-up`);
    expect(first.since).toBeNull();
    expect(first.changes.boardAdded.map((b) => b.text)).toEqual(['Seen sticky']);
    expect(first.changes.notesAdded.map((n) => n.text)).toEqual(['Seen notes']);

    const seen = await w.member.json<{ seenAt: string }>('POST', `/api/sessions/${w.session.id}/seen`, {});
    await new Promise((r) => setTimeout(r, 50));
    sticky(c, 'b', 'New sticky');
    (getAgenda(c.doc).get(0) as Y.Map<unknown>).set('done', true);
    getNotes(c.doc).insert(1, [paragraph('New decision')]);
    await new Promise((r) => setTimeout(r, 100));

    const later = await w.member.json<CatchUpDto>('GET', `/api/sessions/${w.session.id}/catch-up`);
    expect(later.since).toBe(seen.seenAt);
    expect(later.baseVersion).not.toBeNull();
    expect(later.changes).toEqual({
      agendaDone: [{ id: 'i1', title: 'Round of news' }],
      notesAdded: [expect.objectContaining({ text: 'New decision' })],
      boardAdded: [{ id: 'b', type: 'sticky', text: 'New sticky' }],
    });
    // Another member's mark is theirs alone.
    expect((await w.fac.json<CatchUpDto>('GET', `/api/sessions/${w.session.id}/catch-up`)).since).toBeNull();
    expect((await w.member.request('POST', `/api/sessions/${w.session.id}/seen`, { seenAt: '2020-01-01' })).status).toBe(400);
  });
});
