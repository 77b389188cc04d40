/**
 * The one list of HTTP routes. Route modules register their handlers through `registerRoute` with an
 * entry from here, the OpenAPI document is generated from it, and tests iterate it (e.g. "every
 * non-public route refuses an anonymous caller"), so the three can never drift apart.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { CreateCommunityBody, CreateSessionBody, LoginBody, SetRoleBody, SignupBody } from '../../shared/api/schemas.ts';
import { CreatePinBody, SetTagsBody } from '../../shared/api/knowledgeSchemas.ts';
import { CreateSeriesBody, FeedbackBody } from '../../shared/api/seriesSchemas.ts';
import { AgendaJumpBody, AudienceBody, CreateGuestLinkBody, JoinGuestBody } from '../../shared/api/guestSchemas.ts';
import { AddResourceBody } from '../../shared/api/resourceSchemas.ts';
import { MarkSeenBody, RestoreVersionBody } from '../../shared/api/versionSchemas.ts';
import {
  AnswerPollBody, AnswerQuestionBody, AskQuestionBody, CastVoteBody, CreatePollBody, CurrentItemBody, FollowBody, RaiseHandBody,
  SetLocksBody, StartVoteRoundBody, TimerBody,
  BreakoutBroadcastBody, JoinBreakoutBody, MoveBreakoutMemberBody, StartBreakoutsBody,
} from '../../shared/api/facilitationSchemas.ts';
import { PrivateModeBody } from '../../shared/api/facilitationSchemas.ts';
import { requireUser, type AppEnv } from './AppEnv.ts';
import { readJsonBody } from './readJsonBody.ts';

/**
 * Who may call a route. Anything but `public` needs a signed-in user; the community levels are then
 * checked by the handler against the caller's membership (shared/roles.ts).
 */
export type Access = 'public' | 'user' | 'member' | 'facilitator' | 'host';

/** One route: method and Hono path, what it does, who may call it, and its body schema. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  access: Access;
  /** Success status. */
  status: 200 | 201 | 204;
  body?: z.ZodType;
  /**
   * The body is not JSON (a file upload): the JSON-only and JSON size guards skip this route, and the
   * handler reads and limits the body itself.
   */
  rawBody?: true;
  /**
   * Guests of the session (a guest link's visitors, issue 4 item 10) may call it too: the handler then
   * admits a guest of exactly that session. Every other route refuses guests (deny by default).
   */
  guests?: true;
}

/** Every route the app serves (the static client aside). */
export const ROUTES = {
  health: { method: 'GET', path: '/healthz', summary: 'Liveness check', access: 'public', status: 200 },
  openapi: { method: 'GET', path: '/api/openapi.json', summary: 'This API description', access: 'public', status: 200 },
  readyz: { method: 'GET', path: '/readyz', summary: 'Readiness: 200 when every dependency (database) answers, else 503 naming the failed check', access: 'public', status: 200 },
  // Public in the table because it has no user session; set METRICS_TOKEN in production (bearer token).
  metrics: { method: 'GET', path: '/metrics', summary: 'Prometheus metrics (requires the METRICS_TOKEN bearer token when configured)', access: 'public', status: 200 },

  signup: { method: 'POST', path: '/api/auth/signup', summary: 'Create an account and sign in', access: 'public', status: 201, body: SignupBody },
  login: { method: 'POST', path: '/api/auth/login', summary: 'Sign in', access: 'public', status: 200, body: LoginBody },
  logout: { method: 'POST', path: '/api/auth/logout', summary: 'Sign out (revokes the session)', access: 'public', status: 204 },
  me: { method: 'GET', path: '/api/me', summary: 'The signed-in user', access: 'user', status: 200 },

  createCommunity: { method: 'POST', path: '/api/communities', summary: 'Create a community (the creator becomes host)', access: 'user', status: 201, body: CreateCommunityBody },
  listCommunities: { method: 'GET', path: '/api/communities', summary: 'Open communities and mine', access: 'user', status: 200 },
  getCommunity: { method: 'GET', path: '/api/communities/:id', summary: 'One community (invite-only ones: members only)', access: 'user', status: 200 },
  joinCommunity: { method: 'POST', path: '/api/communities/:id/join', summary: 'Join an open community', access: 'user', status: 200 },
  createInvite: { method: 'POST', path: '/api/communities/:id/invites', summary: 'Create an invite link', access: 'host', status: 201 },
  acceptInvite: { method: 'POST', path: '/api/invites/:code/accept', summary: 'Join a community through an invite', access: 'user', status: 200 },
  listMembers: { method: 'GET', path: '/api/communities/:id/members', summary: 'Members and their roles', access: 'member', status: 200 },
  setMemberRole: { method: 'PUT', path: '/api/communities/:id/members/:userId', summary: "Change a member's role", access: 'host', status: 200, body: SetRoleBody },

  createSession: { method: 'POST', path: '/api/communities/:id/sessions', summary: 'Schedule a session', access: 'facilitator', status: 201, body: CreateSessionBody },
  listSessions: { method: 'GET', path: '/api/communities/:id/sessions', summary: "A community's sessions", access: 'member', status: 200 },
  getSession: { method: 'GET', path: '/api/sessions/:id', summary: 'One session with its community and my role', access: 'member', status: 200, guests: true },
  issueTicket: { method: 'POST', path: '/api/sessions/:id/ticket', summary: "A short-lived ticket for the session room's WebSocket", access: 'member', status: 200, guests: true },

  // Uploaded files (issue 5): images and PDFs on the board. The type is detected from the content.
  uploadFile: { method: 'POST', path: '/api/sessions/:id/files', summary: 'Upload an image (PNG, JPEG, GIF, WebP, SVG) or PDF to a session: the raw file as the body (?name=) or multipart/form-data with a `file` field; members who can edit; 413 over MAX_UPLOAD_BYTES, 415 for other content', access: 'member', status: 201, rawBody: true },
  getFile: { method: 'GET', path: '/api/files/:sha256', summary: 'An uploaded file, for members of a community it was uploaded to', access: 'member', status: 200, guests: true },

  // Knowledge base (issue 3). Search results and content are for members only, whatever the community's
  // visibility (like sessions): a non-member of an open community gets 403, of an invite-only one 404.
  searchCommunity: { method: 'GET', path: '/api/communities/:id/search', summary: "Search one community's sessions: ?q= (1–200 characters), optional &limit= (1–50)", access: 'member', status: 200 },
  searchAll: { method: 'GET', path: '/api/search', summary: 'Search the sessions of every community I am a member of: ?q=, optional &limit=', access: 'user', status: 200 },
  sessionContent: { method: 'GET', path: '/api/sessions/:id/content', summary: "A session's agenda, notes and board as plain data (read-only)", access: 'member', status: 200 },
  getSessionTags: { method: 'GET', path: '/api/sessions/:id/tags', summary: "A session's tags", access: 'member', status: 200 },
  setSessionTags: { method: 'PUT', path: '/api/sessions/:id/tags', summary: "Replace a session's tags", access: 'facilitator', status: 200, body: SetTagsBody },
  communityTags: { method: 'GET', path: '/api/communities/:id/tags', summary: 'The tags of every session of a community', access: 'member', status: 200 },
  listPins: { method: 'GET', path: '/api/communities/:id/pins', summary: "Notes and board items pinned to the community's front page", access: 'member', status: 200 },
  createPin: { method: 'POST', path: '/api/communities/:id/pins', summary: 'Pin a notes block or board item of a session (members who can edit; not viewers)', access: 'member', status: 201, body: CreatePinBody },
  deletePin: { method: 'DELETE', path: '/api/communities/:id/pins/:pinId', summary: 'Unpin (the person who pinned it, hosts and facilitators)', access: 'member', status: 204 },

  // Export and import (issue 3, item 5): server/knowledge/export/, the zip format in shared/api/exportSchemas.ts.
  exportSessionMarkdown: { method: 'GET', path: '/api/sessions/:id/export.md', summary: "A session's agenda, notes and board as a Markdown file", access: 'member', status: 200 },
  exportBoardSvg: { method: 'GET', path: '/api/sessions/:id/board.svg', summary: "A session's board as an SVG image (images the caller may read embedded; served so it cannot run scripts)", access: 'member', status: 200 },
  exportCommunity: { method: 'GET', path: '/api/communities/:id/export.zip', summary: 'The whole community as a zip: manifest.json (versioned; every session room\'s Yjs state), sessions/*.md and the files its boards show', access: 'host', status: 200 },
  importCommunity: { method: 'POST', path: '/api/communities/import', summary: 'Import a community export zip (raw body) as a new community hosted by the caller; 400 for a malformed or unknown-version export, 413 over the size limits; all or nothing', access: 'user', status: 201, rawBody: true },
  // Resource library (issue 3, item 3): links and files of every session, collected by the knowledge indexer.
  listResources: { method: 'GET', path: '/api/communities/:id/resources', summary: "The community's resource library, most shared first: optional ?tag=, &session=, &q= (title, URL, note)", access: 'member', status: 200 },
  addResource: { method: 'POST', path: '/api/communities/:id/resources', summary: 'Add a link to the library directly (members who can edit; not viewers)', access: 'member', status: 201, body: AddResourceBody },
  // Public in the table: feed readers cannot sign in; the member's private feed token in ?token= authenticates.
  atomFeed: { method: 'GET', path: '/api/communities/:id/feed.atom', summary: "New sessions, pinned notes and resources as an RFC 4287 Atom feed, newest first (?token= from feed-token; no cookie needed)", access: 'public', status: 200 },

  // Timeline and catch-up (issue 3): versions of the session document, kept by server/versions.
  listVersions: { method: 'GET', path: '/api/sessions/:id/versions', summary: "A session's stored versions, oldest first: id, takenAt, bytes", access: 'member', status: 200 },
  versionContent: { method: 'GET', path: '/api/sessions/:id/versions/:versionId', summary: "A version's agenda, notes and board as plain data (read-only)", access: 'member', status: 200 },
  restoreVersion: { method: 'POST', path: '/api/sessions/:id/versions/:versionId/restore', summary: 'Write a version back into the live session as new changes; the state before is kept as a version', access: 'host', status: 200, body: RestoreVersionBody },
  markSeen: { method: 'POST', path: '/api/sessions/:id/seen', summary: 'Mark the session seen by me now (catch-up compares with this mark)', access: 'member', status: 200, body: MarkSeenBody },
  catchUp: { method: 'GET', path: '/api/sessions/:id/catch-up', summary: 'What happened since my last mark: agenda items done, notes blocks and board items added', access: 'member', status: 200 },

  // Facilitation (issue 4): validated here, written by the server into the session's control room (SPEC R11).
  facilitationTimer: { method: 'POST', path: '/api/sessions/:id/timer', summary: 'Start, pause, resume, add time to or reset the session timer', access: 'facilitator', status: 200, body: TimerBody },
  facilitationCurrentItem: { method: 'POST', path: '/api/sessions/:id/agenda/current', summary: 'Make an agenda item current and start its timebox', access: 'facilitator', status: 200, body: CurrentItemBody },
  askQuestion: { method: 'POST', path: '/api/sessions/:id/questions', summary: 'Ask a question (optionally anonymous to members, never to facilitators)', access: 'member', status: 201, body: AskQuestionBody, guests: true },
  listQuestionAuthors: { method: 'GET', path: '/api/sessions/:id/questions', summary: "Every question's author, anonymous ones included (facilitators)", access: 'facilitator', status: 200 },
  upvoteQuestion: { method: 'POST', path: '/api/sessions/:id/questions/:qid/upvote', summary: 'Upvote a question, or take the upvote back', access: 'member', status: 200, guests: true },
  answerQuestion: { method: 'POST', path: '/api/sessions/:id/questions/:qid/answer', summary: 'Mark a question answered; the question and answer are added to the notes', access: 'facilitator', status: 200, body: AnswerQuestionBody },
  raiseHand: { method: 'POST', path: '/api/sessions/:id/hands', summary: 'Raise or lower my hand', access: 'member', status: 200, body: RaiseHandBody, guests: true },
  lowerHand: { method: 'POST', path: '/api/sessions/:id/hands/:userId/lower', summary: "Lower someone's hand", access: 'facilitator', status: 200 },
  followMe: { method: 'POST', path: '/api/sessions/:id/follow', summary: 'Bring everyone to my board viewport (null stops)', access: 'facilitator', status: 200, body: FollowBody },
  startVoteRound: { method: 'POST', path: '/api/sessions/:id/votes/rounds', summary: 'Start a dot-voting round with a per-person budget', access: 'facilitator', status: 201, body: StartVoteRoundBody },
  castVote: { method: 'POST', path: '/api/sessions/:id/votes', summary: 'Add or remove one of my votes on a board item (within the budget)', access: 'member', status: 200, body: CastVoteBody },
  revealVotes: { method: 'POST', path: '/api/sessions/:id/votes/reveal', summary: 'Reveal the totals of the current round', access: 'facilitator', status: 200 },
  myFacilitation: { method: 'GET', path: '/api/sessions/:id/votes/mine', summary: 'My ballot and poll answers, and the server clock', access: 'member', status: 200, guests: true },
  createPoll: { method: 'POST', path: '/api/sessions/:id/polls', summary: 'Start a quick poll', access: 'facilitator', status: 201, body: CreatePollBody },
  answerPoll: { method: 'POST', path: '/api/sessions/:id/polls/:pid/answer', summary: 'Answer a poll (once, changeable)', access: 'member', status: 200, body: AnswerPollBody },
  setLocks: { method: 'POST', path: '/api/sessions/:id/locks', summary: 'Lock board items or the whole board for members (enforced by the server)', access: 'facilitator', status: 200, body: SetLocksBody },
  // Breakouts (issue 4 item 1): groups with their own rooms; the round lives in the control room (SPEC R11).
  startBreakouts: { method: 'POST', path: '/api/sessions/:id/breakouts', summary: 'Split the session into breakout groups (random, manual or self-select), each with its own board and notes, with a prompt and a countdown', access: 'facilitator', status: 201, body: StartBreakoutsBody },
  moveBreakoutMember: { method: 'POST', path: '/api/sessions/:id/breakouts/move', summary: 'Move a person into a breakout group (null: back to the main room)', access: 'facilitator', status: 200, body: MoveBreakoutMemberBody },
  joinBreakout: { method: 'POST', path: '/api/sessions/:id/breakouts/join', summary: 'Pick my breakout group (self-select rounds only)', access: 'member', status: 200, body: JoinBreakoutBody },
  broadcastBreakouts: { method: 'POST', path: '/api/sessions/:id/breakouts/broadcast', summary: 'Show a message in every breakout group', access: 'facilitator', status: 200, body: BreakoutBroadcastBody },
  endBreakouts: { method: 'POST', path: '/api/sessions/:id/breakouts/end', summary: "End the breakouts: everyone returns to the main room and each group's board lands on the main board in a labelled frame, its notes under a heading (idempotent)", access: 'facilitator', status: 200 },
  startPrivateMode: { method: 'POST', path: '/api/sessions/:id/private-mode', summary: "Private mode: members' new stickies stay visible only to their author and facilitators until the reveal", access: 'facilitator', status: 200, body: PrivateModeBody },
  revealPrivateMode: { method: 'POST', path: '/api/sessions/:id/private-mode/reveal', summary: 'End private mode: move every draft sticky onto the board (anonymously if so set)', access: 'facilitator', status: 200 },

  // Guest links and audience mode (issue 4 item 10). The guest-link token in the path authenticates the two public ones.
  createGuestLink: { method: 'POST', path: '/api/sessions/:id/guest-links', summary: 'Create a time-limited guest link to this session (1 hour–7 days; view or edit); the link is returned once', access: 'facilitator', status: 201, body: CreateGuestLinkBody },
  listGuestLinks: { method: 'GET', path: '/api/sessions/:id/guest-links', summary: "The session's guest links with their status (active, expired, revoked)", access: 'facilitator', status: 200 },
  revokeGuestLink: { method: 'DELETE', path: '/api/sessions/:id/guest-links/:linkId', summary: "Revoke a guest link: its guests' tickets are refused and their open sockets closed", access: 'facilitator', status: 204 },
  guestLinkInfo: { method: 'GET', path: '/api/guest-links/:token', summary: 'What a guest link opens (session title, community, permission, expiry); 404 once revoked or expired', access: 'public', status: 200 },
  joinGuestLink: { method: 'POST', path: '/api/guest-links/:token/join', summary: 'Join the session as a guest with a display name: sets the guest cookie (this session only)', access: 'public', status: 200, body: JoinGuestBody },
  agendaJump: { method: 'POST', path: '/api/sessions/:id/agenda/jump', summary: "Bring everyone to the board frame or notes heading an agenda item links to", access: 'facilitator', status: 200, body: AgendaJumpBody },
  setAudience: { method: 'POST', path: '/api/sessions/:id/audience', summary: 'Audience mode: make the session view-only for members and guests except the speakers (enforced by the server)', access: 'facilitator', status: 200, body: AudienceBody },

  // Recurring series, calendar feed, feedback check-ins, contributions (issue 4, items 8, 9, 11).
  createSeries: { method: 'POST', path: '/api/communities/:id/series', summary: 'Define a recurring series (RRULE subset, IANA time zone); its upcoming sessions are generated with the format\'s template agenda', access: 'facilitator', status: 201, body: CreateSeriesBody },
  listSeries: { method: 'GET', path: '/api/communities/:id/series', summary: "A community's recurring series with their next dates", access: 'member', status: 200 },
  deleteSeries: { method: 'DELETE', path: '/api/communities/:id/series/:seriesId', summary: 'End a series: its upcoming sessions are removed, past ones kept', access: 'host', status: 204 },
  createFeedToken: { method: 'POST', path: '/api/communities/:id/feed-token', summary: 'A new private calendar-feed URL for me (revokes my previous one)', access: 'member', status: 201 },
  // Public in the table: calendar apps cannot sign in; the private feed token in ?token= authenticates.
  calendarFeed: { method: 'GET', path: '/api/communities/:id/calendar.ics', summary: "The community's sessions as an RFC 5545 calendar (?token= from feed-token; no cookie needed)", access: 'public', status: 200 },
  submitFeedback: { method: 'POST', path: '/api/sessions/:id/feedback', summary: 'My check-in for a session: valuable 1–5, what to focus on next (replaces my earlier answer)', access: 'member', status: 200, body: FeedbackBody },
  myFeedback: { method: 'GET', path: '/api/sessions/:id/feedback/mine', summary: 'My check-in answer for a session, if any', access: 'member', status: 200 },
  sessionFeedback: { method: 'GET', path: '/api/sessions/:id/feedback', summary: "A session's check-in results: count, average, distribution, comments (no names)", access: 'facilitator', status: 200 },
  feedbackTrend: { method: 'GET', path: '/api/communities/:id/series/:seriesId/feedback-trend', summary: 'Average check-in score per session across a series', access: 'facilitator', status: 200 },
  // Decisions and actions from the notes, and the end-of-session summary (issue 3, item 6).
  listActions: { method: 'GET', path: '/api/communities/:id/actions', summary: "Actions (task items of the notes) across the community's sessions: ?status=open (default), done or all; by due date, with overdue flags and links to the notes", access: 'member', status: 200 },
  listDecisions: { method: 'GET', path: '/api/communities/:id/decisions', summary: "Decisions marked in the notes of the community's sessions, newest session first", access: 'member', status: 200 },
  endSession: { method: 'POST', path: '/api/sessions/:id/end', summary: 'End the session: its summary (agenda, decisions, actions, top-voted items, resources, board image) is written once; returns it', access: 'facilitator', status: 200 },
  sessionSummary: { method: 'GET', path: '/api/sessions/:id/summary', summary: "The session's end-of-session summary (null until it has ended)", access: 'member', status: 200 },
  contributions: { method: 'GET', path: '/api/communities/:id/contributions', summary: "Each member's contributions: board and agenda items created, resources shared, questions asked", access: 'member', status: 200 },
  // Link previews (issue 7): a server-side fetch behind the SSRF guard of server/links (SECURITY.md).
  linkPreview: { method: 'GET', path: '/api/link-preview', summary: "A web page's title, description and site name: ?url= (http/https on ports 80/443; never loopback, private or link-local addresses); members who can edit in some community; 400 refused address, 429 too many, 502 the page failed", access: 'user', status: 200 },
} as const satisfies Record<string, RouteSpec>;

/** The routes as a list. */
export const ROUTE_LIST: readonly (RouteSpec & { name: string })[] = Object.entries(ROUTES).map(([name, spec]) => ({ name, ...spec }));

type BodyOf<S extends RouteSpec> = S['body'] extends z.ZodType ? z.output<S['body']> : undefined;

/**
 * Registers a handler for a table entry: signs-in check for non-public routes (401 before anything
 * else), then body validation, then the handler with the parsed body.
 */
export function registerRoute<S extends RouteSpec>(
  app: Hono<AppEnv>,
  spec: S,
  handler: (c: Context<AppEnv>, body: BodyOf<S>) => Response | Promise<Response>,
): void {
  app.on(spec.method, spec.path, async (c) => {
    // A guest (without a sign-in) passes only where the route admits guests; the handler checks the session.
    if (spec.access !== 'public' && !(spec.guests && c.get('guest'))) requireUser(c);
    const body = spec.body ? await readJsonBody(c, spec.body) : undefined;
    return handler(c, body as BodyOf<S>);
  });
}

/** A path parameter that the route pattern guarantees; kept defensive so a typo is a 404, not a crash. */
export function pathParam(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}

const RAW_BODY_ROUTES = ROUTE_LIST.filter((r) => r.rawBody).map((r) => ({
  method: r.method,
  // A path parameter matches one segment.
  pattern: new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`),
}));

/** True for a request to a route whose body is not JSON (RouteSpec.rawBody). */
export function isRawBodyRequest(method: string, path: string): boolean {
  return RAW_BODY_ROUTES.some((r) => r.method === method && r.pattern.test(path));
}

const GUEST_ROUTES = new Set(ROUTE_LIST.filter((r) => r.guests).map((r) => `${r.method} ${r.path}`));

/** Whether the route with this method and Hono path admits guests (RouteSpec.guests). */
export function routeAdmitsGuests(method: string, routePath: string): boolean {
  return GUEST_ROUTES.has(`${method} ${routePath}`);
}
