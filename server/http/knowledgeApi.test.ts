/**
 * The knowledge-base API through `app.request()` on a real in-memory SqliteStore: search validation and
 * who may search what, session content for members and viewers, tags, and the pin rules.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { SNIPPET_MARK_CLOSE, SNIPPET_MARK_OPEN } from '../../shared/knowledge/search.ts';
import type { Role } from '../../shared/roles.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../log.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { AuthSessions } from '../auth/AuthSessions.ts';
import { TicketSigner } from '../auth/TicketSigner.ts';
import { LoginRateLimiter } from '../auth/LoginRateLimiter.ts';
import { buildIndexEntries, INDEX_VERSION } from '../knowledge/indexEntries.ts';
import { readRoomContent } from '../knowledge/readRoomContent.ts';
import { createApp } from './createApp.ts';

const ORIGIN = 'http://localhost:3000';
type Json = Record<string, any>;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const config = loadConfig({ PORT: '3000', SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', CLIENT_DIST: path.join(tmpdir(), 'commonplace-no-such-dist') });
  const store = SqliteStore.open({ filename: ':memory:' });
  const loginLimiter = new LoginRateLimiter(config, { pruneIntervalMs: 0 });
  const app = createApp({
    config,
    store,
    log: createLogger('silent'),
    sessions: new AuthSessions(store, config.sessionTtlMs),
    tickets: new TicketSigner('t'.repeat(40), config.ticketTtlMs),
    loginLimiter,
  });
  cleanups.push(() => loginLimiter.stop(), () => store.close());

  const client = async (name: string) => {
    let cookie = '';
    const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (method !== 'GET') headers.origin = ORIGIN;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const set = res.headers.get('set-cookie')?.match(/cp_session=([^;]+)/);
      if (set) cookie = `cp_session=${set[1]}`;
      return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Json) };
    };
    const r = await call('POST', '/api/auth/signup', { name, email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery' });
    return { call, id: r.body.user.id as string };
  };

  const host = await client('Hana');
  const member = await client('Mo');
  const viewer = await client('Vi');
  const stranger = await client('Stan');
  const community = (await host.call('POST', '/api/communities', { name: 'School nurses', domain: 'Health', visibility: 'open' })).body;
  const closed = (await host.call('POST', '/api/communities', { name: 'Leads', domain: 'Leadership', visibility: 'invite' })).body;
  for (const c of [member, viewer]) await c.call('POST', `/api/communities/${community.id}/join`, {});
  await host.call('PUT', `/api/communities/${community.id}/members/${viewer.id}`, { role: 'viewer' satisfies Role });
  const newSession = async (communityId: string, title: string) =>
    (await host.call('POST', `/api/communities/${communityId}/sessions`, { title, startsAt: '2026-05-01T09:00:00Z', format: 'workshop' })).body;
  const session = await newSession(community.id, 'Concussion in school sport');
  const secret = await newSession(closed.id, 'Leadership concussion policy');

  /** Stores a document for the session's room and indexes it, as the indexer would. */
  const write = async (s: Json, fill: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    fill(doc);
    await store.appendUpdates([{ room: s.room, update: Y.encodeStateAsUpdate(doc) }]);
    const content = await readRoomContent(s.room, { store });
    await store.searchIndex.replaceSessionEntries(s.id, s.communityId, buildIndexEntries(s.title, content), { version: INDEX_VERSION, indexedAt: new Date().toISOString() });
  };
  await write(session, (doc) => {
    getAgenda(doc).push([toYMap({ id: 'ag1', title: 'Return-to-learn plan', minutes: 10, owner: 'Mo', done: false })]);
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 2 as unknown as string);
    h.insert(0, [new Y.XmlText('Protocol')]);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Remove from play, then a graded return')]);
    getNotes(doc).insert(0, [h, p]);
    getBoard(doc).set('st1', toYMap({ id: 'st1', type: 'sticky', text: 'Who tells the PE teacher?' }));
  });
  await write(secret, () => {});
  return { store, host, member, viewer, stranger, community, closed, session, secret };
}

describe('search API', () => {
  it('validates q: 1–200 characters, not only spaces; and limit', async () => {
    const { member, community } = await setup();
    const url = `/api/communities/${community.id}/search`;
    for (const q of ['', '%20%20%20', 'x'.repeat(201)]) {
      const r = await member.call('GET', `${url}?q=${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.issues[0].path).toBe('q');
    }
    expect((await member.call('GET', url)).status).toBe(400);
    expect((await member.call('GET', `/api/search`)).status).toBe(400);
    expect((await member.call('GET', `${url}?q=${'x'.repeat(200)}`)).status).toBe(200);
    expect((await member.call('GET', `${url}?q=plan&limit=0`)).status).toBe(400);
  });

  it('answers members with the documented shape, best first; refuses non-members (403 open, 404 invite-only)', async () => {
    const { member, viewer, stranger, host, community, closed, session } = await setup();
    const r = await member.call('GET', `/api/communities/${community.id}/search?q=concusion`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['results']);
    expect(r.body.results[0]).toEqual({
      sessionId: session.id,
      room: session.room,
      communityId: community.id,
      title: 'Concussion in school sport',
      snippet: `${SNIPPET_MARK_OPEN}Concussion${SNIPPET_MARK_CLOSE} in school sport`,
      where: { kind: 'title' },
      score: expect.any(Number),
    });
    const agenda = (await viewer.call('GET', `/api/communities/${community.id}/search?q=return`)).body.results;
    expect(agenda.map((x: Json) => x.where)).toEqual([{ kind: 'agenda', itemId: 'ag1' }, { kind: 'notes', itemId: 'protocol' }]);
    expect((await stranger.call('GET', `/api/communities/${community.id}/search?q=concussion`)).status).toBe(403);
    expect((await member.call('GET', `/api/communities/${closed.id}/search?q=concussion`)).status).toBe(404);
    expect((await host.call('GET', `/api/communities/${closed.id}/search?q=concussion`)).body.results).toHaveLength(1);
  });

  it('searches every community the caller is a member of, and only those', async () => {
    const { member, stranger, host, session, secret } = await setup();
    expect((await member.call('GET', '/api/search?q=concussion')).body.results.map((x: Json) => x.sessionId)).toEqual([session.id]);
    expect((await stranger.call('GET', '/api/search?q=concussion')).body.results).toEqual([]);
    const all = (await host.call('GET', '/api/search?q=concussion')).body.results.map((x: Json) => x.sessionId);
    expect(all.sort()).toEqual([session.id, secret.id].sort());
  });
});

describe('session content API', () => {
  it('gives members and viewers the content read-only, and nothing to others', async () => {
    const { member, viewer, stranger, session, secret } = await setup();
    const r = await viewer.call('GET', `/api/sessions/${session.id}/content`);
    expect(r.status).toBe(200);
    expect(r.body.agenda).toEqual([expect.objectContaining({ id: 'ag1', title: 'Return-to-learn plan' })]);
    expect(r.body.notes.map((b: Json) => b.text)).toEqual(['Protocol', 'Remove from play, then a graded return']);
    expect(r.body.board).toEqual([expect.objectContaining({ id: 'st1', text: 'Who tells the PE teacher?' })]);
    expect((await member.call('GET', `/api/sessions/${session.id}/content`)).body).toEqual(r.body);
    expect((await stranger.call('GET', `/api/sessions/${session.id}/content`)).status).toBe(404);
    expect((await member.call('GET', `/api/sessions/${secret.id}/content`)).status).toBe(404);
  });
});

describe('tags API', () => {
  it('lets hosts and facilitators tag sessions (normalised), members read them', async () => {
    const { host, member, viewer, session, community } = await setup();
    expect((await member.call('PUT', `/api/sessions/${session.id}/tags`, { tags: ['x'] })).status).toBe(403);
    const r = await host.call('PUT', `/api/sessions/${session.id}/tags`, { tags: ['  Return to  Learn ', 'sport', 'SPORT'] });
    expect(r).toEqual({ status: 200, body: { tags: ['return to learn', 'sport'] } });
    expect((await viewer.call('GET', `/api/sessions/${session.id}/tags`)).body).toEqual({ tags: ['return to learn', 'sport'] });
    expect((await member.call('GET', `/api/communities/${community.id}/tags`)).body).toEqual({ sessions: { [session.id]: ['return to learn', 'sport'] } });
    expect((await host.call('PUT', `/api/sessions/${session.id}/tags`, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).status).toBe(400);
    expect((await host.call('PUT', `/api/sessions/${session.id}/tags`, { tags: ['x'.repeat(41)] })).status).toBe(400);
    expect((await host.call('PUT', `/api/sessions/${session.id}/tags`, { tags: 'sport' })).status).toBe(400);
  });
});

describe('pins API', () => {
  it('pins a notes block or board item with the text read on the server; viewers cannot pin', async () => {
    const { member, viewer, community, session, secret } = await setup();
    const content = (await member.call('GET', `/api/sessions/${session.id}/content`)).body;
    const paragraph = content.notes[1];
    const url = `/api/communities/${community.id}/pins`;

    expect((await viewer.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1' })).status).toBe(403);
    const pinned = await member.call('POST', url, { sessionId: session.id, kind: 'notes', itemId: paragraph.id });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toEqual({
      id: expect.any(String),
      communityId: community.id,
      sessionId: session.id,
      sessionTitle: session.title,
      kind: 'notes',
      itemId: paragraph.id,
      anchor: 'protocol',
      excerpt: 'Remove from play, then a graded return',
      pinnedBy: { id: member.id, name: 'Mo' },
      pinnedAt: expect.any(String),
    });
    const again = await member.call('POST', url, { sessionId: session.id, kind: 'notes', itemId: paragraph.id });
    expect(again.body.id).toBe(pinned.body.id);
    const board = await member.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1' });
    expect(board.body).toMatchObject({ kind: 'board', itemId: 'st1', excerpt: 'Who tells the PE teacher?' });
    expect(board.body).not.toHaveProperty('anchor');

    expect((await member.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'nope' })).status).toBe(404);
    expect((await member.call('POST', url, { sessionId: secret.id, kind: 'board', itemId: 'st1' })).status).toBe(404);
    expect((await member.call('POST', url, { sessionId: session.id, kind: 'agenda', itemId: 'ag1' })).status).toBe(400);
    expect((await member.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1', excerpt: '<b>x</b>' })).status).toBe(400);

    const list = (await viewer.call('GET', url)).body.pins;
    expect(list.map((p: Json) => p.itemId)).toEqual(['st1', paragraph.id]);
  });

  it('lets the pinner, hosts and facilitators unpin, and no one else', async () => {
    const { host, member, viewer, community, session } = await setup();
    const url = `/api/communities/${community.id}/pins`;
    const byHost = (await host.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1' })).body;
    expect((await member.call('DELETE', `${url}/${byHost.id}`)).status).toBe(403); // not the pinner, not a facilitator
    expect((await viewer.call('DELETE', `${url}/${byHost.id}`)).status).toBe(403);
    expect((await host.call('DELETE', `${url}/${byHost.id}`)).status).toBe(204);
    expect((await host.call('DELETE', `${url}/${byHost.id}`)).status).toBe(404);

    const byMember = (await member.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1' })).body;
    expect((await member.call('DELETE', `${url}/${byMember.id}`)).status).toBe(204);
    const again = (await member.call('POST', url, { sessionId: session.id, kind: 'board', itemId: 'st1' })).body;
    expect((await host.call('DELETE', `${url}/${again.id}`)).status).toBe(204);
    expect((await member.call('GET', url)).body.pins).toEqual([]);
  });
});
