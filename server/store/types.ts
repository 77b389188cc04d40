/**
 * The narrow storage interface. Everything the server persists goes through these methods, so that a
 * PostgreSQL implementation can stand beside the SQLite one and pass the same contract test suite
 * (server/store/storeContract.ts). All methods are async even where SQLite is synchronous.
 */
import type { Role } from '../../shared/roles.ts';
import type { SessionFormat, Visibility } from '../../shared/api/schemas.ts';

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
   * Merges the snapshot and every logged update into a new snapshot and deletes the merged rows, in one
   * transaction. Safe with concurrent appenders: only rows it read are deleted.
   */
  compact(room: string, merge: (parts: Uint8Array[]) => Uint8Array): Promise<void>;
  /** Rooms that have any stored state (for backups and tooling). */
  listRooms(): Promise<string[]>;
}

export interface Store extends AppStore, DocStore {
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
