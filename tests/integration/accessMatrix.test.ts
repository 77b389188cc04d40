/**
 * The access-control matrix: for every route in the route table (the one policy description of the
 * HTTP API) and every role, the server allows exactly what the route's `access` level says. A route
 * added to the table without a fixture here fails this test, so no route ships without its policy
 * being exercised. The WebSocket endpoint is covered the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { ROUTE_LIST, type Access } from '../../server/http/routeTable.ts';
import type { CommunityDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';
import { getBoard, toYMap } from '../../shared/doc/layout.ts';
import { packState } from '../../server/versions/versionState.ts';

/** `guest`: a visitor without an account who joined `session` through an edit guest link (issue 4 item 10). */
const ROLES = ['stranger', 'guest', 'nonmember', 'viewer', 'member', 'facilitator', 'host'] as const;
type Actor = (typeof ROLES)[number];
const RANK: Record<Exclude<Actor, 'guest'>, number> = { stranger: -2, nonmember: -1, viewer: 0, member: 1, facilitator: 2, host: 3 };
const NEEDS: Record<Access, number> = { public: -2, user: -1, member: 0, facilitator: 2, host: 3 };

/**
 * What the policy says: may `actor` call a route of this access level? A guest may call public routes
 * and the routes that admit guests (RouteSpec.guests) — for its own session — and nothing else.
 */
export function allowed(access: Access, actor: Actor, guests?: boolean): boolean {
  if (actor === 'guest') return access === 'public' || guests === true;
  return RANK[actor] >= NEEDS[access];
}

interface World {
  server: TestServer;
  actors: Record<Actor, ApiClient>;
  users: Record<Exclude<Actor, 'stranger' | 'guest'>, UserDto>;
  community: CommunityDto;
  session: SessionDto;
  target: UserDto;
  invite: string;
  /** Per actor: a pin the host made (for unpinning) on a board item of `session` named `matrix-<actor>`. */
  pins: Record<Actor, string>;
  /** The sha256 of a PNG the host uploaded to `session`. */
  file: string;
  /** Per actor: a question the host asked in `session` (so each answer route call has its own). */
  questions: Record<Actor, string>;
  /** A poll the host started in `session` (a vote round is running too). */
  poll: string;
  /** A second session with a self-select breakout round running (started by the host). */
  breakoutSession: SessionDto;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

async function world(visibility: 'open' | 'invite' = 'open'): Promise<World> {
  const mk = () => new ApiClient(server.url, server.origin);
  const actors = Object.fromEntries(ROLES.map((r) => [r, mk()])) as Record<Actor, ApiClient>;
  const users = {} as World['users'];
  for (const r of ROLES) if (r !== 'stranger' && r !== 'guest') users[r] = await actors[r].signup(`${r} person`);
  const community = await actors.host.createCommunity(`Matrix ${visibility}`, visibility);
  const targetClient = mk();
  const target = await targetClient.signup('Target Member');
  const invite = (await actors.host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  for (const u of [targetClient, actors.viewer, actors.member, actors.facilitator]) await u.json('POST', `/api/invites/${invite}/accept`, {});
  await actors.host.setRole(community.id, users.viewer.id, 'viewer');
  await actors.host.setRole(community.id, users.facilitator.id, 'facilitator');
  const session = await actors.host.createSession(community.id);
  // The guest: joins `session` through an edit link, without an account. Per actor, a link to revoke.
  const guestUrl = (await actors.host.json<{ url: string }>('POST', `/api/sessions/${session.id}/guest-links`, { expiresInMinutes: 60, permission: 'edit' })).url;
  const guestToken = new URL(guestUrl).pathname.split('/').pop()!;
  const joined = await actors.guest.request('POST', `/api/guest-links/${guestToken}/join`, { name: 'Matrix Guest' });
  actors.guest.cookie = joined.headers.getSetCookie().find((c) => c.startsWith('cp_guest='))!.split(';')[0];
  const guestLinks = {} as Record<Actor, string>;
  for (const r of ROLES) {
    guestLinks[r] = (await actors.host.json<{ link: { id: string } }>('POST', `/api/sessions/${session.id}/guest-links`, { expiresInMinutes: 60, permission: 'view' })).link.id;
  }
  GUEST_WORLD.set(community.id, { token: guestToken, links: guestLinks });
  const invite2 = (await actors.host.json<{ code: string }>('POST', `/api/communities/${community.id}/invites`, {})).code;
  // Board items to pin (one per actor), each pinned by the host, so that every actor has its own to unpin.
  const doc = new Y.Doc();
  for (const r of ROLES) getBoard(doc).set(`matrix-${r}`, toYMap({ id: `matrix-${r}`, type: 'sticky', text: `Pinned for ${r}` }));
  await server.store.appendUpdates([{ room: session.room, update: Y.encodeStateAsUpdate(doc) }]);
  // A stored version of that board, for the timeline routes (restored by the host, once per actor).
  const versionState = await packState(Y.encodeStateAsUpdate(doc));
  const versionId = crypto.randomUUID();
  await server.store.versions.addVersion({ id: versionId, sessionId: session.id, takenAt: new Date().toISOString(), state: versionState, bytes: versionState.byteLength });
  VERSION_WORLD.set(community.id, versionId);
  const pins = {} as Record<Actor, string>;
  for (const r of ROLES) {
    pins[r] = (await actors.host.json<{ id: string }>('POST', `/api/communities/${community.id}/pins`, { sessionId: session.id, kind: 'board', itemId: `matrix-${r}` })).id;
  }
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const uploaded = await fetch(`${server.url}/api/sessions/${session.id}/files?name=matrix.png`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', origin: server.origin, cookie: actors.host.cookie },
    body: png,
  });
  const file = ((await uploaded.json()) as { sha256: string }).sha256;
  const questions = {} as Record<Actor, string>;
  for (const r of ROLES) {
    questions[r] = (await actors.host.json<{ question: { id: string } }>('POST', `/api/sessions/${session.id}/questions`, { text: `Question for ${r}` })).question.id;
  }
  const poll = (await actors.host.json<{ poll: { id: string } }>('POST', `/api/sessions/${session.id}/polls`, { question: 'Which?', options: ['A', 'B'] })).poll.id;
  await actors.host.json('POST', `/api/sessions/${session.id}/votes/rounds`, { budget: 10 });
  const breakoutSession = await actors.host.createSession(community.id, 'Breakouts');
  await actors.host.json('POST', `/api/sessions/${breakoutSession.id}/breakouts`, { groups: 2, mode: 'self-select', minutes: 5 });
  // Series, feed and feedback (issue 4, items 8, 9): a series of the host, and the host's calendar-feed path.
  const series = (await actors.host.json<{ id: string }>('POST', `/api/communities/${community.id}/series`, {
    title: 'Matrix series', rule: 'FREQ=MONTHLY;BYDAY=1MO', timeZone: 'Europe/Berlin', startDate: '2026-01-01', startTime: '16:00', format: 'presentation_qa',
  })).id;
  const feedUrl = (await actors.host.json<{ url: string }>('POST', `/api/communities/${community.id}/feed-token`, {})).url;
  SERIES_WORLD.set(community.id, { series, feedPath: new URL(feedUrl).pathname + new URL(feedUrl).search });
  return { server, actors, users, community, session, target, invite: invite2, pins, file, questions, poll, breakoutSession };
}

/** Per world (by community id): the id of the session version stored in `world()`. */
const VERSION_WORLD = new Map<string, string>();
const versionOf = (w: World) => VERSION_WORLD.get(w.community.id)!;

/** Per world (by community id): the guest's link token, and per actor a guest link to revoke. */
const GUEST_WORLD = new Map<string, { token: string; links: Record<Actor, string> }>();
const guestsOf = (w: World) => GUEST_WORLD.get(w.community.id)!;

/** Per world (by community id): the series and the calendar-feed path made for it in `world()`. */
const SERIES_WORLD = new Map<string, { series: string; feedPath: string }>();
const seriesOf = (w: World) => SERIES_WORLD.get(w.community.id)!;

/** How to call each route: path parameters and a valid body. Every route in the table needs one. */
const FIXTURES: Record<string, (w: World, actor: Actor) => { path: string; body?: unknown }> = {
  health: () => ({ path: '/healthz' }),
  readyz: () => ({ path: '/readyz' }),
  metrics: () => ({ path: '/metrics' }),
  openapi: () => ({ path: '/api/openapi.json' }),
  signup: (_w, a) => ({ path: '/api/auth/signup', body: { name: 'New', email: `new-${a}-${crypto.randomUUID()}@example.test`, password: 'correct horse battery' } }),
  login: () => ({ path: '/api/auth/login', body: { email: 'nobody@example.test', password: 'wrong password' } }),
  logout: () => ({ path: '/api/auth/logout' }),
  me: () => ({ path: '/api/me' }),
  createCommunity: () => ({ path: '/api/communities', body: { name: 'Another', domain: 'Something shared', visibility: 'open' } }),
  listCommunities: () => ({ path: '/api/communities' }),
  getCommunity: (w) => ({ path: `/api/communities/${w.community.id}` }),
  joinCommunity: (w) => ({ path: `/api/communities/${w.community.id}/join`, body: {} }),
  createInvite: (w) => ({ path: `/api/communities/${w.community.id}/invites`, body: {} }),
  acceptInvite: (w) => ({ path: `/api/invites/${w.invite}/accept`, body: {} }),
  listMembers: (w) => ({ path: `/api/communities/${w.community.id}/members` }),
  setMemberRole: (w) => ({ path: `/api/communities/${w.community.id}/members/${w.target.id}`, body: { role: 'member' } }),
  createSession: (w) => ({ path: `/api/communities/${w.community.id}/sessions`, body: { title: 'Scheduled', startsAt: new Date().toISOString(), format: 'workshop' } }),
  listSessions: (w) => ({ path: `/api/communities/${w.community.id}/sessions` }),
  getSession: (w) => ({ path: `/api/sessions/${w.session.id}` }),
  issueTicket: (w) => ({ path: `/api/sessions/${w.session.id}/ticket`, body: {} }),
  searchCommunity: (w) => ({ path: `/api/communities/${w.community.id}/search?q=mentoring` }),
  searchAll: () => ({ path: '/api/search?q=mentoring' }),
  sessionContent: (w) => ({ path: `/api/sessions/${w.session.id}/content` }),
  getSessionTags: (w) => ({ path: `/api/sessions/${w.session.id}/tags` }),
  setSessionTags: (w) => ({ path: `/api/sessions/${w.session.id}/tags`, body: { tags: ['matrix'] } }),
  communityTags: (w) => ({ path: `/api/communities/${w.community.id}/tags` }),
  listPins: (w) => ({ path: `/api/communities/${w.community.id}/pins` }),
  createPin: (w, a) => ({ path: `/api/communities/${w.community.id}/pins`, body: { sessionId: w.session.id, kind: 'board', itemId: `matrix-${a}` } }),
  deletePin: (w, a) => ({ path: `/api/communities/${w.community.id}/pins/${w.pins[a]}` }),
  exportSessionMarkdown: (w) => ({ path: `/api/sessions/${w.session.id}/export.md` }),
  exportBoardSvg: (w) => ({ path: `/api/sessions/${w.session.id}/board.svg` }),
  exportCommunity: (w) => ({ path: `/api/communities/${w.community.id}/export.zip` }),
  // The matrix client sends JSON, which is no zip: every signed-in caller reaches the zip check (400).
  importCommunity: () => ({ path: '/api/communities/import', body: {} }),
  listVersions: (w) => ({ path: `/api/sessions/${w.session.id}/versions` }),
  versionContent: (w) => ({ path: `/api/sessions/${w.session.id}/versions/${versionOf(w)}` }),
  restoreVersion: (w) => ({ path: `/api/sessions/${w.session.id}/versions/${versionOf(w)}/restore`, body: {} }),
  markSeen: (w) => ({ path: `/api/sessions/${w.session.id}/seen`, body: {} }),
  catchUp: (w) => ({ path: `/api/sessions/${w.session.id}/catch-up` }),
  // The matrix client sends JSON, which is no image: members who may upload reach the content check (415).
  uploadFile: (w) => ({ path: `/api/sessions/${w.session.id}/files?name=x.png`, body: {} }),
  getFile: (w) => ({ path: `/api/files/${w.file}` }),
  facilitationTimer: (w) => ({ path: `/api/sessions/${w.session.id}/timer`, body: { action: 'start', seconds: 60 } }),
  facilitationCurrentItem: (w) => ({ path: `/api/sessions/${w.session.id}/agenda/current`, body: { itemId: null } }),
  askQuestion: (w) => ({ path: `/api/sessions/${w.session.id}/questions`, body: { text: 'Why?', anonymous: true } }),
  listQuestionAuthors: (w) => ({ path: `/api/sessions/${w.session.id}/questions` }),
  upvoteQuestion: (w, a) => ({ path: `/api/sessions/${w.session.id}/questions/${w.questions[a]}/upvote`, body: {} }),
  answerQuestion: (w, a) => ({ path: `/api/sessions/${w.session.id}/questions/${w.questions[a]}/answer`, body: { answer: 'Because.' } }),
  raiseHand: (w) => ({ path: `/api/sessions/${w.session.id}/hands`, body: { raised: true } }),
  lowerHand: (w) => ({ path: `/api/sessions/${w.session.id}/hands/${w.target.id}/lower`, body: {} }),
  followMe: (w) => ({ path: `/api/sessions/${w.session.id}/follow`, body: { viewport: { x: 0, y: 0, zoom: 1 } } }),
  startVoteRound: (w) => ({ path: `/api/sessions/${w.session.id}/votes/rounds`, body: { budget: 3 } }),
  castVote: (w) => ({ path: `/api/sessions/${w.session.id}/votes`, body: { itemId: 'matrix-host', delta: 1 } }),
  revealVotes: (w) => ({ path: `/api/sessions/${w.session.id}/votes/reveal`, body: {} }),
  myFacilitation: (w) => ({ path: `/api/sessions/${w.session.id}/votes/mine` }),
  createPoll: (w) => ({ path: `/api/sessions/${w.session.id}/polls`, body: { question: 'Next?', options: ['Yes', 'No'] } }),
  answerPoll: (w) => ({ path: `/api/sessions/${w.session.id}/polls/${w.poll}/answer`, body: { choices: [1] } }),
  setLocks: (w) => ({ path: `/api/sessions/${w.session.id}/locks`, body: { board: false } }),
  startBreakouts: (w) => ({ path: `/api/sessions/${w.session.id}/breakouts`, body: { groups: 2, mode: 'random', minutes: 5 } }),
  moveBreakoutMember: (w) => ({ path: `/api/sessions/${w.breakoutSession.id}/breakouts/move`, body: { userId: w.target.id, groupId: '1' } }),
  joinBreakout: (w) => ({ path: `/api/sessions/${w.breakoutSession.id}/breakouts/join`, body: { groupId: '2' } }),
  broadcastBreakouts: (w) => ({ path: `/api/sessions/${w.breakoutSession.id}/breakouts/broadcast`, body: { text: 'Five minutes left' } }),
  endBreakouts: (w) => ({ path: `/api/sessions/${w.breakoutSession.id}/breakouts/end`, body: {} }),
  startPrivateMode: (w) => ({ path: `/api/sessions/${w.session.id}/private-mode`, body: { anonymous: false } }),
  revealPrivateMode: (w) => ({ path: `/api/sessions/${w.session.id}/private-mode/reveal`, body: {} }),
  createSeries: (w) => ({ path: `/api/communities/${w.community.id}/series`, body: { title: 'Power Hour', rule: 'FREQ=WEEKLY;BYDAY=TH', timeZone: 'America/New_York', startDate: '2026-01-01', startTime: '12:00', format: 'open_discussion' } }),
  listSeries: (w) => ({ path: `/api/communities/${w.community.id}/series` }),
  deleteSeries: (w) => ({ path: `/api/communities/${w.community.id}/series/${seriesOf(w).series}` }),
  createFeedToken: (w) => ({ path: `/api/communities/${w.community.id}/feed-token`, body: {} }),
  calendarFeed: (w) => ({ path: seriesOf(w).feedPath }),
  // The Atom feed takes the same private token as the calendar feed.
  atomFeed: (w) => ({ path: seriesOf(w).feedPath.replace('/calendar.ics', '/feed.atom') }),
  listResources: (w) => ({ path: `/api/communities/${w.community.id}/resources?q=guide` }),
  addResource: (w, a) => ({ path: `/api/communities/${w.community.id}/resources`, body: { url: `https://guide.example.org/${a}?utm_source=matrix`, title: 'A guide', note: 'From the matrix' } }),
  submitFeedback: (w) => ({ path: `/api/sessions/${w.session.id}/feedback`, body: { valuable: 4, focusNext: 'More cases' } }),
  myFeedback: (w) => ({ path: `/api/sessions/${w.session.id}/feedback/mine` }),
  sessionFeedback: (w) => ({ path: `/api/sessions/${w.session.id}/feedback` }),
  feedbackTrend: (w) => ({ path: `/api/communities/${w.community.id}/series/${seriesOf(w).series}/feedback-trend` }),
  contributions: (w) => ({ path: `/api/communities/${w.community.id}/contributions` }),
  createGuestLink: (w) => ({ path: `/api/sessions/${w.session.id}/guest-links`, body: { expiresInMinutes: 120, permission: 'view', label: 'Matrix' } }),
  listGuestLinks: (w) => ({ path: `/api/sessions/${w.session.id}/guest-links` }),
  revokeGuestLink: (w, a) => ({ path: `/api/sessions/${w.session.id}/guest-links/${guestsOf(w).links[a]}` }),
  guestLinkInfo: (w) => ({ path: `/api/guest-links/${guestsOf(w).token}` }),
  joinGuestLink: (w) => ({ path: `/api/guest-links/${guestsOf(w).token}/join`, body: { name: 'Visitor' } }),
  setAudience: (w) => ({ path: `/api/sessions/${w.session.id}/audience`, body: { enabled: false } }),
  // No agenda item links anywhere in this world: allowed callers reach the "no such item" check (404).
  agendaJump: (w) => ({ path: `/api/sessions/${w.session.id}/agenda/jump`, body: { itemId: 'no-such-item' } }),
  listActions: (w) => ({ path: `/api/communities/${w.community.id}/actions?status=open` }),
  listDecisions: (w) => ({ path: `/api/communities/${w.community.id}/decisions` }),
  // Ending is idempotent: the first allowed caller writes the summary, later ones get the same one.
  endSession: (w) => ({ path: `/api/sessions/${w.session.id}/end`, body: {} }),
  sessionSummary: (w) => ({ path: `/api/sessions/${w.session.id}/summary` }),
  // A loopback address: callers who pass the access check reach the SSRF guard (400); nothing is fetched.
  linkPreview: () => ({ path: `/api/link-preview?url=${encodeURIComponent('http://127.0.0.1/')}` }),
};

/** Routes whose success depends on more than the role (documented expectations). */
const EXPECTED_STATUS: Record<string, (actor: Actor) => number | null> = {
  // Login with wrong credentials is a 401 for everyone: the route is public, the credentials are not.
  login: () => 401,
  // Pins are members' content: viewers (read-only) may not pin or unpin.
  createPin: (a) => (a === 'viewer' ? 403 : null),
  // Only the person who pinned it (here: the host), hosts and facilitators unpin.
  deletePin: (a) => (a === 'viewer' || a === 'member' ? 403 : null),
  // Uploading needs edit rights (viewers: 403); a JSON body is not an accepted file type (415).
  uploadFile: (a) => (a === 'viewer' ? 403 : a === 'member' || a === 'facilitator' || a === 'host' ? 415 : null),
  // Importing needs only an account; a JSON body is not an export zip (400), so nothing is created.
  importCommunity: (a) => (a === 'stranger' || a === 'guest' ? null : 400),
  // Taking part in the session (asking, upvoting, hands, votes, polls) needs edit rights: viewers only follow.
  askQuestion: (a) => (a === 'viewer' ? 403 : null),
  upvoteQuestion: (a) => (a === 'viewer' ? 403 : null),
  raiseHand: (a) => (a === 'viewer' ? 403 : null),
  castVote: (a) => (a === 'viewer' ? 403 : null),
  answerPoll: (a) => (a === 'viewer' ? 403 : null),
  // One round at a time: the facilitator's call started one, so the host's is refused (409).
  startBreakouts: (a) => (a === 'host' ? 409 : null),
  // Adding to the resource library needs edit rights: viewers only read it.
  addResource: (a) => (a === 'viewer' ? 403 : null),
  agendaJump: (a) => (a === 'facilitator' || a === 'host' ? 404 : null),
  // Previews are for people who can add links somewhere: the viewer (its only community) and the
  // non-member are refused (403); the others reach the SSRF guard, which refuses the loopback fixture (400).
  linkPreview: (a) => (a === 'viewer' || a === 'nonmember' ? 403 : a === 'member' || a === 'facilitator' || a === 'host' ? 400 : null),
};

describe('access-control matrix', () => {
  it('every route in the route table has a fixture (a new route without one fails here)', () => {
    const missing = ROUTE_LIST.filter((r) => !FIXTURES[r.name]).map((r) => `${r.name} (${r.method} ${r.path})`);
    expect(missing, `routes without an access-matrix fixture: ${missing.join(', ')}`).toEqual([]);
  });

  for (const route of ROUTE_LIST) {
    it(`${route.method} ${route.path} (${route.access}) answers each role as the policy says`, async () => {
      const fixture = FIXTURES[route.name];
      if (!fixture) return; // reported by the test above
      const w = await world('open');
      const results: string[] = [];
      for (const actor of ROLES) {
        const { path, body } = fixture(w, actor);
        const res = await w.actors[actor].request(route.method, path, route.method === 'GET' ? undefined : (body ?? {}));
        const expectedStatus = EXPECTED_STATUS[route.name]?.(actor) ?? null;
        const ok = expectedStatus !== null ? res.status === expectedStatus : allowed(route.access, actor, route.guests) ? res.status < 400 : [401, 403, 404].includes(res.status);
        if (!ok) results.push(`${actor}: got ${res.status} ${await res.text()}`);
        if (actor === 'stranger' && !allowed(route.access, actor)) expect(res.status).toBe(401);
        // Deny by default: a guest without an account is not signed in anywhere but its routes.
        if (actor === 'guest' && !allowed(route.access, actor, route.guests)) expect(res.status, route.name).toBe(401);
      }
      expect(results, results.join('\n')).toEqual([]);
    });
  }

  it('an invite-only community is invisible to non-members: 404 exactly like a missing one', async () => {
    const w = await world('invite');
    const missing = await w.actors.nonmember.request('GET', `/api/communities/${crypto.randomUUID()}`);
    const hidden = await w.actors.nonmember.request('GET', `/api/communities/${w.community.id}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    const session = await w.actors.nonmember.request('GET', `/api/sessions/${w.session.id}`);
    expect(session.status).toBe(404);
  });

  it("the WebSocket endpoint: stranger 401, non-member 404 (like a missing room), members of every role and the session's guest connect", async () => {
    const w = await world('open');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${w.server.url.replace('http', 'ws')}/collab/${w.session.room}`, { headers });
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => (resolve(101), ws.close()));
        ws.on('error', () => {});
      });
    const expected: Record<Actor, number> = { stranger: 401, guest: 101, nonmember: 404, viewer: 101, member: 101, facilitator: 101, host: 101 };
    for (const actor of ROLES) {
      const headers: Record<string, string> = { origin: w.server.origin };
      if (w.actors[actor].cookie) headers.cookie = w.actors[actor].cookie;
      expect(await status(headers), actor).toBe(expected[actor]);
    }
    // The guest reaches its own session only: another session's room answers like a missing one, and
    // the guest's ticket opens no other room.
    const guestAt = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${w.server.url.replace('http', 'ws')}${path}`, { headers: { origin: w.server.origin, ...headers } });
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => (resolve(101), ws.close()));
        ws.on('error', () => {});
      });
    expect(await guestAt(`/collab/${w.breakoutSession.room}`, { cookie: w.actors.guest.cookie })).toBe(404);
    const { token } = await w.actors.guest.json<{ token: string }>('POST', `/api/sessions/${w.session.id}/ticket`, {});
    expect(await guestAt(`/collab/${w.session.room}?token=${token}`)).toBe(101);
    expect(await guestAt(`/collab/${w.breakoutSession.room}?token=${token}`)).toBe(403);
  });

  it('CSRF: cookie-authenticated writes need an allowed Origin', async () => {
    const w = await world('open');
    const body = { name: 'CSRF', domain: 'x', visibility: 'open' };
    const post = (origin?: string) =>
      fetch(`${w.server.url}/api/communities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: w.actors.member.cookie, ...(origin ? { origin } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post()).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect((await post('http://evil.test')).status).toBe(403);
    expect((await post(`${w.server.origin}.evil.test`)).status).toBe(403);
    expect((await post(w.server.origin)).status).toBe(201);
    // A form post (not JSON) never reaches a handler.
    const form = await fetch(`${w.server.url}/api/communities`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: w.actors.member.cookie, origin: w.server.origin },
      body: 'name=x',
    });
    expect(form.status).toBe(415);
  });
});
