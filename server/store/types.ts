/**
 * The narrow storage interface. Everything the server persists goes through these methods, so that a
 * PostgreSQL implementation can stand beside the SQLite one and pass the same contract test suite
 * (server/store/storeContract.ts). All methods are async even where SQLite is synchronous.
 */
import type { GuestPermission, Role } from '../../shared/roles.ts';
import type { SessionFormat, Visibility } from '../../shared/api/schemas.ts';
import type { SearchKind } from '../../shared/knowledge/search.ts';
import type { PinKind } from '../../shared/knowledge/pins.ts';
import type { ResourceKind } from '../../shared/knowledge/resources.ts';
import type { ActionItem, ActionStatus, DecisionItem, SessionActions, SessionRef, SessionSummary } from '../../shared/knowledge/actions.ts';

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

export interface AuthSessionRecord {
  /** sha256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface CommunityRecord {
  id: string;
  name: string;
  domain: string;
  groundRules: string;
  visibility: Visibility;
  createdBy: string;
  createdAt: string;
}

export interface MembershipRecord {
  communityId: string;
  userId: string;
  role: Role;
  joinedAt: string;
}

export interface InviteRecord {
  code: string;
  communityId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  /** Role granted on acceptance (member by default). */
  role: Role;
}

export interface SessionRecord {
  id: string;
  communityId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  room: string;
  createdBy: string;
  createdAt: string;
  /** The recurring series this session was generated for; absent for one-off sessions. */
  seriesId?: string;
}

/** Users, auth sessions, communities, memberships, invites and scheduled sessions. */
export interface AppStore {
  createUser(user: UserRecord): Promise<void>; // throws StoreConflictError on duplicate email
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;

  createAuthSession(session: AuthSessionRecord): Promise<void>;
  getAuthSession(tokenHash: string): Promise<AuthSessionRecord | null>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  deleteExpiredAuthSessions(now: string): Promise<number>;

  /** Creates the community and makes its creator the host, atomically. */
  createCommunity(community: CommunityRecord): Promise<void>;
  getCommunity(id: string): Promise<CommunityRecord | null>;
  /** Open communities plus those the user belongs to, newest first, with member counts. */
  listCommunities(forUserId: string): Promise<(CommunityRecord & { memberCount: number; myRole: Role | null })[]>;

  getMembership(communityId: string, userId: string): Promise<MembershipRecord | null>;
  /** Inserts or keeps an existing membership (joining twice never demotes a host). Returns the stored one. */
  addMember(m: MembershipRecord): Promise<MembershipRecord>;
  setMemberRole(communityId: string, userId: string, role: Role): Promise<boolean>;
  listMembers(communityId: string): Promise<(MembershipRecord & { name: string })[]>;
  countMembers(communityId: string): Promise<number>;

  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(code: string): Promise<InviteRecord | null>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  getSessionByRoom(room: string): Promise<SessionRecord | null>;
  listSessions(communityId: string): Promise<SessionRecord[]>;

  /** Small key/value for server state that must survive restarts (e.g. the ticket signing secret). */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}

/** What a room's document is made of when loaded: one compacted snapshot plus the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Bytes of snapshot + updates (for the per-document size cap and metrics). */
  bytes: number;
}

/** One update to append to a room's log. */
export interface PendingUpdate {
  room: string;
  update: Uint8Array;
}

/** Yjs document persistence: an append-only update log per room, compacted into snapshots. */
export interface DocStore {
  /** Loads a room's stored state. Throws if it cannot be read — callers must never treat that as empty. */
  loadDoc(room: string): Promise<StoredDoc>;
  /** Appends updates (possibly for many rooms) in one transaction. Resolves once durably stored. */
  appendUpdates(batch: PendingUpdate[]): Promise<void>;
  /** Number of log rows after the snapshot (compaction trigger). */
  countUpdates(room: string): Promise<number>;
  /**
   * Merges the snapshot and every logged update into a new snapshot and deletes the merged rows. Safe
   * with concurrent appenders: only rows it read are deleted. `merge` may be asynchronous (so that a big
   * merge yields to the event loop); the new snapshot is written only if the one it merged is still
   * current, so a concurrent compaction elsewhere never loses rows.
   */
  compact(room: string, merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>): Promise<void>;
  /** Rooms that have any stored state (for backups and tooling). */
  listRooms(): Promise<string[]>;
}

/** One searchable piece of a session (built by server/knowledge/indexEntries.ts). */
export interface IndexEntry {
  kind: SearchKind;
  /**
   * Where the text is: the agenda item id, the heading anchor of the notes section, or the board item id;
   * null for the title and for notes above the first heading.
   */
  itemId: string | null;
  text: string;
}

/** What a search asks for. An object so that filters (tags, kinds) can be added without a new signature. */
export interface SearchQuery {
  /** What the person typed; the implementation splits it into words itself. */
  text: string;
}

/** One search result as the store returns it. */
export interface SearchHit {
  sessionId: string;
  communityId: string;
  room: string;
  /** The session's current title (from the sessions table, not the index). */
  title: string;
  kind: SearchKind;
  itemId: string | null;
  /** Text around the match with the matched words between SNIPPET_MARK_OPEN and SNIPPET_MARK_CLOSE. */
  snippet: string;
  /** Higher is better; never increases along the result list. */
  score: number;
}

/** A session whose index is missing or out of date (see SearchIndex.listSessionsToIndex). */
export interface SessionToIndex {
  sessionId: string;
  communityId: string;
  room: string;
  title: string;
}

/** Written with a session's entries, so that out-of-date indexes can be found after a restart. */
export interface IndexState {
  /** Version of the extraction that produced the entries (server/knowledge/indexEntries.ts INDEX_VERSION). */
  version: number;
  /** ISO time at which the document was read: changes stored after it make the session out of date. */
  indexedAt: string;
}

/**
 * Full-text search over sessions (issue 3; `store.searchIndex`). SQLite implements it with FTS5; another implementation
 * (PostgreSQL tsvector) must give the same observable behaviour, which storeContract.ts checks:
 * - Words are matched case- and accent-insensitively ("Café" = "cafe"); every query word must match.
 * - A query word matches exactly, as a prefix (words of 2+ characters: "mentr" → "mentoring"), or with
 *   a typo: edit distance 1 for words of 4–7 characters, 2 for 8+ ("concusion" → "concussion"). Results
 *   whose words all match exactly or by prefix come before typo-only ones; within a group, by relevance
 *   with title > agenda > notes = board.
 * - One hit per (session, kind, itemId): the best entry of that place.
 * - Only sessions of `communityIds` are searched; an empty list finds nothing.
 * - Entry text never produces a highlight by itself: marker characters in it are dropped at indexing.
 */
export interface SearchIndex {
  /** Replaces everything indexed for a session with `entries`, atomically, and records `state`. */
  replaceSessionEntries(sessionId: string, communityId: string, entries: IndexEntry[], state: IndexState): Promise<void>;
  /** Best hits first, at most `limit` (clamped to 1–100). */
  search(communityIds: string[], query: SearchQuery, limit: number): Promise<SearchHit[]>;
  /**
   * Up to `limit` sessions never indexed, indexed by an older `version`, or whose stored document
   * changed after their `indexedAt` — never-indexed sessions first.
   */
  listSessionsToIndex(version: number, limit: number): Promise<SessionToIndex[]>;
}

/** A note or board item pinned to a community's front page. */
export interface PinRecord {
  id: string;
  communityId: string;
  sessionId: string;
  kind: PinKind;
  /** The notes block id (NoteBlock.id) or the board item id. */
  itemId: string;
  /** Notes pins: the anchor of the block's section at pin time (where the link opens); else null. */
  anchor: string | null;
  /** The pinned text as it was when pinned (the session may change later). */
  excerpt: string;
  pinnedBy: string;
  pinnedAt: string;
}

/** Session tags and pins (the community knowledge base; `store.knowledge`). */
export interface KnowledgeStore {
  /** Replaces a session's tags (already normalised by the caller). */
  setSessionTags(sessionId: string, tags: string[]): Promise<void>;
  /** A session's tags, sorted. */
  getSessionTags(sessionId: string): Promise<string[]>;
  /** Tags of every tagged session of a community: session id → sorted tags. */
  listCommunityTags(communityId: string): Promise<Record<string, string[]>>;
  /** Stores a pin; pinning the same item of the same session again returns the existing pin unchanged. */
  addPin(pin: PinRecord): Promise<PinRecord>;
  getPin(communityId: string, pinId: string): Promise<PinRecord | null>;
  /** A community's pins, newest first, with the pinner's name and the session's title. */
  listPins(communityId: string): Promise<(PinRecord & { pinnedByName: string; sessionTitle: string })[]>;
  deletePin(communityId: string, pinId: string): Promise<boolean>;
}

/** An uploaded file's content: one row per distinct content (content-addressed by sha256). */
export interface FileRecord {
  sha256: string;
  /** The type detected from the content (shared/api/files.ts UPLOAD_TYPES). */
  mime: string;
  bytes: number;
  createdAt: string;
}

/** Where a file was uploaded: the session (and its community) it was added to, under what name, by whom. */
export interface FileLinkRecord {
  sha256: string;
  communityId: string;
  sessionId: string;
  name: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** Uploaded files' metadata (`store.files`; the content itself lives in the data folder, server/files/FileStorage.ts). */
export interface FileStore {
  /**
   * Records an upload: the file row (kept as it is when the content is already known) and its link to
   * the session, atomically. Uploading the same content to the same session again updates the link's
   * name, uploader and time.
   */
  addFile(file: FileRecord, link: FileLinkRecord): Promise<void>;
  getFile(sha256: string): Promise<FileRecord | null>;
  /**
   * The file, if `userId` is a member (any role) of a community it was uploaded to, with the name of its
   * latest upload there; else null. This is the read permission of GET /api/files/:sha256.
   */
  getFileForMember(sha256: string, userId: string): Promise<(FileRecord & { name: string }) | null>;
}

/** A recurring session series of a community (issue 4, item 8). */
export interface SeriesRecord {
  id: string;
  communityId: string;
  title: string;
  /** RRULE text in the shared/recurrence.ts subset (without the `RRULE:` prefix). */
  rule: string;
  /** IANA time zone the rule and startTime are evaluated in. */
  timeZone: string;
  /** First local date, YYYY-MM-DD. */
  startDate: string;
  /** Local time, HH:MM. */
  startTime: string;
  format: SessionFormat;
  durationMinutes: number;
  createdBy: string;
  createdAt: string;
}

/** One member's check-in answer for one session (one per member per session; changeable). */
export interface FeedbackRecord {
  sessionId: string;
  userId: string;
  /** Was this valuable, 1–5. */
  valuable: number;
  /** What should we focus on next (free text, may be empty). */
  focusNext: string;
  updatedAt: string;
}

/** A private calendar-feed token of one member for one community (only its sha256 is stored). */
export interface FeedTokenRecord {
  tokenHash: string;
  communityId: string;
  userId: string;
  createdAt: string;
}

/** Recurring series, feedback check-ins and calendar feed tokens (`store.series`). */
export interface SeriesStore {
  createSeries(series: SeriesRecord): Promise<void>;
  getSeries(communityId: string, seriesId: string): Promise<SeriesRecord | null>;
  /** A community's series, oldest first. */
  listSeries(communityId: string): Promise<SeriesRecord[]>;
  /**
   * Deletes the series and its sessions that start at or after `sessionsFrom` (the upcoming ones);
   * earlier sessions stay, no longer linked to a series. False if there was no such series.
   */
  deleteSeries(communityId: string, seriesId: string, sessionsFrom: string): Promise<boolean>;
  /**
   * Creates a session generated for a series, unless the series already has one starting at the same
   * instant. True if this call created it (so the caller applies the template exactly once).
   */
  addSeriesSession(session: SessionRecord & { seriesId: string }): Promise<boolean>;

  /** Inserts or replaces the member's answer for the session. */
  setFeedback(feedback: FeedbackRecord): Promise<void>;
  /** Every answer for a session, oldest change first. */
  listFeedback(sessionId: string): Promise<FeedbackRecord[]>;

  /** Stores the member's feed token for the community, replacing (revoking) any previous one. */
  setFeedToken(token: FeedTokenRecord): Promise<void>;
  getFeedToken(tokenHash: string): Promise<FeedTokenRecord | null>;
}

/** A time-limited guest link to one session (issue 4 item 10). Only the token's hash is stored. */
export interface GuestLinkRecord {
  id: string;
  tokenHash: string;
  sessionId: string;
  communityId: string;
  permission: GuestPermission;
  /** Who it is for ("Invited presenter"), shown to facilitators; may be empty. */
  label: string;
  expiresAt: string;
  revokedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A person who opened a guest link: a cookie-authenticated identity bound to that one link. */
export interface GuestRecord {
  id: string;
  /** Hash of the guest cookie's token. */
  tokenHash: string;
  linkId: string;
  name: string;
  /** The account of a signed-in person who opened the link, if any. */
  userId: string | null;
  createdAt: string;
}

/** Guest links and the guests who opened them (`store.guests`). */
export interface GuestStore {
  createLink(link: GuestLinkRecord): Promise<void>;
  getLinkByTokenHash(tokenHash: string): Promise<GuestLinkRecord | null>;
  /** A session's links, newest first (revoked and expired ones included). */
  listLinks(sessionId: string): Promise<GuestLinkRecord[]>;
  /** Marks a link of the session revoked; false if there is no such link or it was revoked already. */
  revokeLink(sessionId: string, linkId: string, at: string): Promise<boolean>;
  createGuest(guest: GuestRecord): Promise<void>;
  /** The guest with this cookie hash and its link (whatever the link's state: callers check it). */
  getGuestByTokenHash(tokenHash: string): Promise<{ guest: GuestRecord; link: GuestLinkRecord } | null>;
  /** A file uploaded to this session (what its guests may read), with its latest name; null otherwise. */
  getSessionFile(sessionId: string, sha256: string): Promise<(FileRecord & { name: string }) | null>;
}

/** One stored full state of a session's document (the timeline; server/versions/). */
export interface VersionRecord {
  id: string;
  sessionId: string;
  /** ISO instant the state was captured. */
  takenAt: string;
  /** The document at `takenAt` (server/versions/versionState.ts: a deflated state; opaque to the store). */
  state: Uint8Array;
  /** state.byteLength (what it costs to keep). */
  bytes: number;
}

/** Versions and last-seen marks of sessions (issue 3, catch-up and the timeline). */
export interface VersionStore {
  addVersion(version: VersionRecord): Promise<void>;
  /** A session's versions without their state, oldest first. */
  listVersions(sessionId: string): Promise<Omit<VersionRecord, 'state'>[]>;
  /** One version with its state, only within its session. */
  getVersion(sessionId: string, versionId: string): Promise<VersionRecord | null>;
  /** The newest version taken at or before `at` (ISO), with its state; null if none. */
  versionAtOrBefore(sessionId: string, at: string): Promise<VersionRecord | null>;
  /** Deletes these versions of the session (thinning); returns how many went. */
  deleteVersions(sessionId: string, versionIds: string[]): Promise<number>;
  /** Records when `userId` last looked at the session (replacing the previous mark). */
  markSeen(userId: string, sessionId: string, seenAt: string): Promise<void>;
  /** The user's last mark for the session (ISO), or null. */
  getSeen(userId: string, sessionId: string): Promise<string | null>;
}

/** An action or decision as stored: where it was written, and its place in the session's notes. */
export type StoredAction = ActionItem & SessionRef & { position: number };
export type StoredDecision = DecisionItem & SessionRef & { position: number };

/**
 * Decisions and actions extracted from sessions' notes, end-of-session summaries, and the record that a
 * session's agenda received the previous series session's open actions (issue 3, item 6).
 */
export interface ActionStore {
  /** Replaces everything stored for a session with `items`, atomically. */
  replaceSessionActions(sessionId: string, communityId: string, items: SessionActions): Promise<void>;
  /** A community's actions (`open`: not done), in no particular order. */
  listActions(communityId: string, status: ActionStatus): Promise<StoredAction[]>;
  /** A session's actions in notes order. */
  listSessionActions(sessionId: string): Promise<StoredAction[]>;
  /** A community's decisions, newest session first, then in notes order. */
  listDecisions(communityId: string): Promise<StoredDecision[]>;
  /** Stores a session's summary unless it has one; true if this call stored it (a session ends once). */
  addSummary(summary: SessionSummary): Promise<boolean>;
  getSummary(sessionId: string): Promise<SessionSummary | null>;
  /** Claims carrying open actions forward into `sessionId`: true for exactly one caller, ever. */
  claimCarryForward(sessionId: string, fromSessionId: string, at: string): Promise<boolean>;
  /** The carry-forward claim of `sessionId`, if one was made (the export keeps it so an import does not carry again). */
  getCarryForward(sessionId: string): Promise<{ fromSessionId: string; at: string } | null>;
}

/** One place a session shares a resource (built by server/knowledge/collectResources.ts). */
export interface ResourceOccurrence {
  /** The library key: the normalised URL (shared/knowledge/normalizeUrl.ts), or `sha256:<hash>` for a file. */
  key: string;
  kind: ResourceKind;
  /** The normalised URL of a link; empty for a file. */
  url: string;
  title: string;
  sha256: string | null;
  place: 'board' | 'notes';
  /** The board item id, or the notes block id. */
  itemId: string;
  /** Who put it there (a board item's createdBy); null for notes links, which have no author. */
  sharedBy: string | null;
  /** When it was put there, if the document says (board items' createdAt); else the indexing time. */
  seenAt?: string;
}

/** A resource a member adds to the library by hand. */
export interface DirectResource {
  communityId: string;
  key: string;
  url: string;
  title: string;
  note: string;
  addedBy: string;
  addedAt: string;
}

/** A direct addition as stored, with the adder's current name (null when the id is no account). */
export type StoredDirectResource = DirectResource & { addedByName: string | null };

/** One resource of a community's library with everything about where it was shared. */
export interface ResourceListing {
  id: string;
  communityId: string;
  key: string;
  kind: ResourceKind;
  url: string;
  title: string;
  sha256: string | null;
  note: string;
  /** Known people who shared it (board cards, direct additions), in the order they first did. */
  sharedBy: { id: string; name: string }[];
  inNotes: boolean;
  /** Sessions it appears in, newest start first. */
  sessions: { id: string; title: string; startsAt: string }[];
  /** Occurrences: board cards, notes blocks and direct additions. */
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** The resource library (`store.resources`, migration 5). */
export interface ResourceStore {
  /**
   * Replaces every occurrence in one session with `items`, atomically (re-indexing is idempotent).
   * An occurrence already recorded (same resource, place and item) keeps its original time; resources
   * no longer shared anywhere are dropped.
   */
  replaceSessionResources(communityId: string, sessionId: string, items: ResourceOccurrence[], indexedAt: string): Promise<void>;
  /**
   * Adds a resource directly (or records that this member added an existing one too). Adding the same
   * resource twice as the same member changes nothing. Returns the resource's id.
   */
  addDirect(resource: DirectResource): Promise<string>;
  /** The community's direct additions (one per resource and adder), oldest first; `note` is the resource's. */
  listDirect(communityId: string): Promise<StoredDirectResource[]>;
  /** The community's library, most shared first, then most recently seen. */
  listResources(communityId: string): Promise<ResourceListing[]>;
}

/** Removing a community with everything that belongs to it. */
export interface CommunityRemovalStore {
  /**
   * Deletes the community and, atomically, everything that belongs to it: memberships, invites,
   * sessions and their rooms' stored documents, series, tags, pins, file links, index entries. The
   * uploaded content itself stays (it is content-addressed and may be shared). False if it did not exist.
   */
  deleteCommunity(communityId: string): Promise<boolean>;
}

export interface Store extends AppStore, DocStore {
  /** Full-text search over sessions (store.searchIndex.search(…)). */
  readonly searchIndex: SearchIndex;
  /** Session tags and pins. */
  readonly knowledge: KnowledgeStore;
  /** Uploaded files' metadata. */
  readonly files: FileStore;
  /** Recurring series, feedback check-ins and calendar feed tokens. */
  readonly series: SeriesStore;
  /** Decisions, actions and end-of-session summaries. */
  readonly actions: ActionStore;
  /** Session versions and last-seen marks (store.versions.…). */
  readonly versions: VersionStore;
  /** Guest links and guests (migration 8). */
  readonly guests: GuestStore;
  /** The resource library (migration 5). */
  readonly resources: ResourceStore;
  /** Deleting a whole community (a failed import cleans up with it). */
  readonly communityRemoval: CommunityRemovalStore;
  /** Resolves when the database answers a trivial query; rejects otherwise, e.g. once closed (readiness). */
  ping(): Promise<void>;
  /** Flushes and closes connections. */
  close(): Promise<void>;
}

/** Thrown on a uniqueness violation (e.g. an email already registered). */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}
