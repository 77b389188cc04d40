/**
 * Recurring series, the calendar feed, feedback check-ins and contributions through `app.request()` on
 * a real in-memory SqliteStore: generation is idempotent and applies the template, the feed authenticates
 * by its token only, check-ins are one per member and changeable, results are for facilitators.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../log.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { AuthSessions } from '../auth/AuthSessions.ts';
import { TicketSigner } from '../auth/TicketSigner.ts';
import { LoginRateLimiter } from '../auth/LoginRateLimiter.ts';
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
    const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; body: Json; text: string; type: string }> => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (method !== 'GET') headers.origin = ORIGIN;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const set = res.headers.get('set-cookie')?.match(/cp_session=([^;]+)/);
      if (set) cookie = `cp_session=${set[1]}`;
      const text = res.status === 204 ? '' : await res.text();
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, text, type, body: type.startsWith('application/json') ? (JSON.parse(text) as Json) : {} };
    };
    const r = await call('POST', '/api/auth/signup', { name, email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery' });
    return { call, id: r.body.user.id as string };
  };

  const host = await client('Hana');
  const member = await client('Mo');
  const outsider = await client('Otto');
  const community = (await host.call('POST', '/api/communities', { name: 'Nurses', domain: 'Palliative care', visibility: 'open' })).body;
  const invite = (await host.call('POST', `/api/communities/${community.id}/invites`, {})).body.code;
  await member.call('POST', `/api/invites/${invite}/accept`, {});
  return { app, store, host, member, outsider, community: community as Json };
}

const mentoringMonday = { title: 'Mentoring Monday', rule: 'FREQ=MONTHLY;BYDAY=1MO', timeZone: 'Europe/Berlin', startDate: '2026-01-01', startTime: '16:00', format: 'presentation_qa', durationMinutes: 60 };

describe('recurring series API', () => {
  it('creates a series, generates upcoming sessions once, with the template agenda', async () => {
    const { store, host, member, community } = await setup();
    const created = await host.call('POST', `/api/communities/${community.id}/series`, mentoringMonday);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Mentoring Monday', rule: 'FREQ=MONTHLY;BYDAY=1MO', ruleText: 'First Monday of every month' });
    expect(created.body.next).toHaveLength(3);
    for (const iso of created.body.next as string[]) {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
      expect(local).toBe('Mon 16:00');
    }
    const list1 = (await member.call('GET', `/api/communities/${community.id}/sessions`)).body.sessions as Json[];
    await member.call('GET', `/api/communities/${community.id}/series`);
    const list2 = (await member.call('GET', `/api/communities/${community.id}/sessions`)).body.sessions as Json[];
    expect(list2).toEqual(list1);
    expect(list1.length).toBeGreaterThanOrEqual(3);
    expect(list1.every((s) => s.seriesId === created.body.id && s.format === 'presentation_qa')).toBe(true);
    const content = await readRoomContent(list1[0]!.room, { store });
    expect(content.agenda.map((a) => [a.title, a.minutes])).toEqual([
      ['Welcome', 5],
      ['Presentation', 25],
      ['Q&A', 20],
      ['Wrap-up', 5],
    ]);
  });

  it('refuses bad rules and zones with a named field, and members cannot create', async () => {
    const { host, member, community } = await setup();
    const bad = await host.call('POST', `/api/communities/${community.id}/series`, { ...mentoringMonday, rule: 'FREQ=DAILY' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'rule' });
    expect((await host.call('POST', `/api/communities/${community.id}/series`, { ...mentoringMonday, timeZone: 'Nowhere/City' })).status).toBe(400);
    expect((await member.call('POST', `/api/communities/${community.id}/series`, mentoringMonday)).status).toBe(403);
  });

  it('ending a series removes its upcoming sessions (hosts only)', async () => {
    const { host, member, community } = await setup();
    const s = (await host.call('POST', `/api/communities/${community.id}/series`, mentoringMonday)).body;
    expect((await member.call('DELETE', `/api/communities/${community.id}/series/${s.id}`)).status).toBe(403);
    expect((await host.call('DELETE', `/api/communities/${community.id}/series/${s.id}`)).status).toBe(204);
    expect((await host.call('DELETE', `/api/communities/${community.id}/series/${s.id}`)).status).toBe(404);
    expect((await host.call('GET', `/api/communities/${community.id}/sessions`)).body.sessions).toEqual([]);
  });

  it('a newly scheduled one-off session starts from its format template when asked (and empty otherwise)', async () => {
    const { store, host, community } = await setup();
    const s = (await host.call('POST', `/api/communities/${community.id}/sessions`, { title: 'Lab', startsAt: '2026-12-01T10:00:00Z', format: 'workshop', template: true })).body;
    expect(s.seriesId).toBeUndefined();
    expect((await readRoomContent(s.room, { store })).agenda.map((a) => a.title)).toEqual(['Welcome and goals', 'Input', 'Group work', 'Share back', 'Wrap-up']);
    const plain = (await host.call('POST', `/api/communities/${community.id}/sessions`, { title: 'Plain', startsAt: '2026-12-02T10:00:00Z', format: 'workshop' })).body;
    expect((await readRoomContent(plain.room, { store })).agenda).toEqual([]);
  });
});

describe('calendar feed', () => {
  it('serves RFC 5545 text by token only; a new token revokes the old; leaving revokes it too', async () => {
    const { app, store, host, member, community } = await setup();
    await host.call('POST', `/api/communities/${community.id}/series`, mentoringMonday);
    const { url } = (await member.call('POST', `/api/communities/${community.id}/feed-token`, {})).body;
    expect(url).toMatch(new RegExp(`^${ORIGIN}/api/communities/${community.id}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}$`));
    const path = url.slice(ORIGIN.length);
    // No cookie: a calendar app.
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('SUMMARY:Mentoring Monday');
    expect((await app.request(path.replace(/token=.*/, 'token=' + 'x'.repeat(43)))).status).toBe(404);
    expect((await app.request(path.replace(/token=.*/, 'token=short'))).status).toBe(404);
    const again = (await member.call('POST', `/api/communities/${community.id}/feed-token`, {})).body.url as string;
    expect((await app.request(path)).status).toBe(404);
    expect((await app.request(again.slice(ORIGIN.length))).status).toBe(200);
    // Another community's path with a valid token: not found.
    const other = (await host.call('POST', '/api/communities', { name: 'Other', domain: 'x', visibility: 'open' })).body;
    expect((await app.request(again.slice(ORIGIN.length).replace(community.id, other.id))).status).toBe(404);
    await store.setMemberRole(community.id, member.id, 'viewer');
    expect((await app.request(again.slice(ORIGIN.length))).status).toBe(200);
  });

  it('non-members cannot get a token', async () => {
    const { outsider, community } = await setup();
    expect((await outsider.call('POST', `/api/communities/${community.id}/feed-token`, {})).status).toBe(403);
  });
});

describe('feedback check-ins', () => {
  it('one answer per member, changeable; results and trend for facilitators only', async () => {
    const { store, host, member, community } = await setup();
    const series = (await host.call('POST', `/api/communities/${community.id}/series`, { ...mentoringMonday, startDate: '2025-01-01' })).body;
    // A past session of the series (generation only creates upcoming ones).
    await store.series.addSeriesSession({ id: 'past-1', communityId: community.id, title: 'Mentoring Monday', startsAt: '2025-01-06T15:00:00.000Z', durationMinutes: 60, format: 'presentation_qa', room: 's_pastroom00000000000', createdBy: host.id, createdAt: '2025-01-01T00:00:00.000Z', seriesId: series.id });
    expect((await member.call('GET', '/api/sessions/past-1/feedback/mine')).body).toEqual({ mine: null });
    expect((await member.call('POST', '/api/sessions/past-1/feedback', { valuable: 2, focusNext: 'Sleep' })).status).toBe(200);
    expect((await member.call('POST', '/api/sessions/past-1/feedback', { valuable: 4, focusNext: 'Sleep, then pain' })).body.mine).toMatchObject({ valuable: 4, focusNext: 'Sleep, then pain' });
    expect((await host.call('POST', '/api/sessions/past-1/feedback', { valuable: 5 })).status).toBe(200);
    expect((await member.call('POST', '/api/sessions/past-1/feedback', { valuable: 6 })).status).toBe(400);
    expect((await member.call('POST', '/api/sessions/past-1/feedback', { valuable: 3, focusNext: 'x'.repeat(1001) })).status).toBe(400);
    expect((await member.call('GET', '/api/sessions/past-1/feedback/mine')).body.mine).toMatchObject({ valuable: 4 });

    expect((await member.call('GET', '/api/sessions/past-1/feedback')).status).toBe(403);
    const results = (await host.call('GET', '/api/sessions/past-1/feedback')).body;
    expect(results).toMatchObject({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(results.comments.map((c: Json) => c.text)).toEqual(['Sleep, then pain']);

    expect((await member.call('GET', `/api/communities/${community.id}/series/${series.id}/feedback-trend`)).status).toBe(403);
    const trend = (await host.call('GET', `/api/communities/${community.id}/series/${series.id}/feedback-trend`)).body;
    expect(trend.sessions[0]).toMatchObject({ sessionId: 'past-1', count: 2, average: 4.5 });
    expect(trend.sessions.every((s: Json) => Date.parse(s.startsAt) <= Date.now())).toBe(true);
    expect((await host.call('GET', `/api/communities/${community.id}/series/nope/feedback-trend`)).status).toBe(404);
  });
});

describe('contributions', () => {
  it("counts each member's board items, agenda items and resources from past sessions", async () => {
    const { store, host, member, outsider, community } = await setup();
    const s = (await host.call('POST', `/api/communities/${community.id}/sessions`, { title: 'Past', startsAt: '2025-06-01T10:00:00Z', format: 'open_discussion', template: true })).body;
    const doc = new Y.Doc();
    getBoard(doc).set('n1', toYMap({ id: 'n1', type: 'sticky', text: 'Idea', createdBy: member.id }));
    getBoard(doc).set('n2', toYMap({ id: 'n2', type: 'sticky', text: 'Idea 2', createdBy: member.id }));
    getBoard(doc).set('l1', toYMap({ id: 'l1', type: 'link', url: 'https://example.org', createdBy: member.id }));
    await store.appendUpdates([{ room: s.room, update: Y.encodeStateAsUpdate(doc) }]);
    const got = (await member.call('GET', `/api/communities/${community.id}/contributions`)).body;
    expect(got.sessionsCounted).toBe(1);
    const byName = Object.fromEntries((got.contributions as Json[]).map((c) => [c.name, [c.boardItems, c.agendaItems, c.resources, c.questions]]));
    // The template agenda was written in the host's name when the host scheduled it.
    expect(byName).toEqual({ Mo: [2, 0, 1, 0], Hana: [0, 4, 0, 0] });
    expect((await outsider.call('GET', `/api/communities/${community.id}/contributions`)).status).toBe(403);
  });
});
