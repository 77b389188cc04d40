/**
 * The SQLite implementation of the storage interface (server/store/types.ts), on better-sqlite3.
 * One connection per process, WAL journal, every statement prepared once at open.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Role } from '../../../shared/roles.ts';
import {
  StoreConflictError,
  type AuthSessionRecord,
  type CommunityRecord,
  type InviteRecord,
  type MembershipRecord,
  type PendingUpdate,
  type SessionRecord,
  type Store,
  type StoredDoc,
  type UserRecord,
} from '../types.ts';
import { bufferOf, bytesOf, sessionFromRow, type SessionRow } from '../recordRows.ts';
import { migrate } from './migrations.ts';
import { SqliteFileRecords } from './SqliteFileRecords.ts';
import { SqliteKnowledgeRecords } from './SqliteKnowledgeRecords.ts';
import { SqliteSeriesRecords } from './SqliteSeriesRecords.ts';
import { SqliteActionRecords } from './SqliteActionRecords.ts';
import { SqliteVersionRecords } from './SqliteVersionRecords.ts';
import { SqliteGuestRecords } from './SqliteGuestRecords.ts';
import { SqliteResourceRecords } from './SqliteResourceRecords.ts';
import { SqliteCommunityRemoval } from './SqliteCommunityRemoval.ts';
import { SqliteSearchIndex } from './SqliteSearchIndex.ts';

/** Options for SqliteStore.open. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created if missing. `':memory:'` gives a private in-memory database. */
  filename: string;
  /**
   * `normal` (default) survives a process crash but may lose the last commits on power loss; `full`
   * fsyncs every commit and survives both, at a cost per transaction.
   */
  synchronous?: 'normal' | 'full';
}

// Column lists aliased to the record fields, so rows come back as records without mapping code.
const USER_COLS = 'id, name, email, password_hash AS passwordHash, created_at AS createdAt';
const AUTH_COLS = 'token_hash AS tokenHash, user_id AS userId, created_at AS createdAt, expires_at AS expiresAt';
const COMMUNITY_COLS =
  'c.id, c.name, c.domain, c.ground_rules AS groundRules, c.visibility, c.created_by AS createdBy, c.created_at AS createdAt';
const MEMBER_COLS = 'm.community_id AS communityId, m.user_id AS userId, m.role, m.joined_at AS joinedAt';
const INVITE_COLS =
  'code, community_id AS communityId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, role';
const SESSION_COLS =
  'id, community_id AS communityId, title, starts_at AS startsAt, duration_minutes AS durationMinutes, format, room, created_by AS createdBy, created_at AS createdAt, series_id AS seriesId';

type CommunityListRow = CommunityRecord & { memberCount: number; myRole: Role | null };

function prepareStatements(db: Database.Database) {
  return {
    insertUser: db.prepare<[UserRecord]>(
      'INSERT INTO users (id, name, email, password_hash, created_at) VALUES (@id, @name, @email, @passwordHash, @createdAt)',
    ),
    userById: db.prepare<[string], UserRecord>(`SELECT ${USER_COLS} FROM users WHERE id = ?`),
    userByEmail: db.prepare<[string], UserRecord>(`SELECT ${USER_COLS} FROM users WHERE email = ?`),

    insertAuth: db.prepare<[AuthSessionRecord]>(
      'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (@tokenHash, @userId, @createdAt, @expiresAt)',
    ),
    authByHash: db.prepare<[string], AuthSessionRecord>(`SELECT ${AUTH_COLS} FROM auth_sessions WHERE token_hash = ?`),
    deleteAuth: db.prepare<[string]>('DELETE FROM auth_sessions WHERE token_hash = ?'),
    deleteExpiredAuth: db.prepare<[string]>('DELETE FROM auth_sessions WHERE expires_at <= ?'),

    insertCommunity: db.prepare<[CommunityRecord]>(
      `INSERT INTO communities (id, name, domain, ground_rules, visibility, created_by, created_at)
       VALUES (@id, @name, @domain, @groundRules, @visibility, @createdBy, @createdAt)`,
    ),
    communityById: db.prepare<[string], CommunityRecord>(`SELECT ${COMMUNITY_COLS} FROM communities c WHERE c.id = ?`),
    listCommunities: db.prepare<{ userId: string }, CommunityListRow>(
      `SELECT ${COMMUNITY_COLS},
              (SELECT COUNT(*) FROM memberships n WHERE n.community_id = c.id) AS memberCount,
              my.role AS myRole
       FROM communities c
       LEFT JOIN memberships my ON my.community_id = c.id AND my.user_id = @userId
       WHERE c.visibility = 'open' OR my.user_id IS NOT NULL
       ORDER BY c.created_at DESC, c.rowid DESC`,
    ),

    membership: db.prepare<[string, string], MembershipRecord>(
      `SELECT ${MEMBER_COLS} FROM memberships m WHERE m.community_id = ? AND m.user_id = ?`,
    ),
    insertMemberIfAbsent: db.prepare<[MembershipRecord]>(
      `INSERT INTO memberships (community_id, user_id, role, joined_at) VALUES (@communityId, @userId, @role, @joinedAt)
       ON CONFLICT (community_id, user_id) DO NOTHING`,
    ),
    setRole: db.prepare<[string, string, string]>('UPDATE memberships SET role = ? WHERE community_id = ? AND user_id = ?'),
    listMembers: db.prepare<[string], MembershipRecord & { name: string }>(
      `SELECT ${MEMBER_COLS}, u.name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.community_id = ?
       ORDER BY CASE m.role WHEN 'host' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'member' THEN 2 ELSE 3 END,
                u.name COLLATE NOCASE, u.name, m.user_id`,
    ),
    countMembers: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM memberships WHERE community_id = ?'),

    insertInvite: db.prepare<[InviteRecord]>(
      `INSERT INTO invites (code, community_id, created_by, created_at, expires_at, role)
       VALUES (@code, @communityId, @createdBy, @createdAt, @expiresAt, @role)`,
    ),
    inviteByCode: db.prepare<[string], InviteRecord>(`SELECT ${INVITE_COLS} FROM invites WHERE code = ?`),

    insertSession: db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, community_id, title, starts_at, duration_minutes, format, room, created_by, created_at, series_id)
       VALUES (@id, @communityId, @title, @startsAt, @durationMinutes, @format, @room, @createdBy, @createdAt, @seriesId)`,
    ),
    sessionById: db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLS} FROM sessions WHERE id = ?`),
    sessionByRoom: db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLS} FROM sessions WHERE room = ?`),
    // startsAt may carry any UTC offset, so order by the instant (julianday), not by the string.
    listSessions: db.prepare<[string], SessionRow>(
      `SELECT ${SESSION_COLS} FROM sessions WHERE community_id = ? ORDER BY julianday(starts_at), starts_at, id`,
    ),

    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),

    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE room = ?'),
    updates: db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE room = ? ORDER BY id'),
    insertUpdate: db.prepare<[string, Buffer, string]>('INSERT INTO doc_updates (room, data, created_at) VALUES (?, ?, ?)'),
    countUpdates: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE room = ?'),
    upsertSnapshot: db.prepare<[string, Buffer, string]>(
      `INSERT INTO doc_snapshots (room, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    deleteUpdatesUpTo: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE room = ? AND id <= ?'),
    listRooms: db.prepare<[], { room: string }>(
      'SELECT room FROM doc_snapshots UNION SELECT room FROM doc_updates ORDER BY room',
    ),
  };
}

/** Turns unique/primary-key violations into the store-neutral StoreConflictError. */
function rethrowConflict(err: unknown, what: string): never {
  if (
    err instanceof Database.SqliteError &&
    (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  ) {
    throw new StoreConflictError(`${what} already exists`);
  }
  throw err;
}

/** Store on a single SQLite file. Methods are async to match the interface; the work itself is synchronous. */
export class SqliteStore implements Store {
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly appendTx: (batch: PendingUpdate[]) => void;
  private readonly createCommunityTx: (community: CommunityRecord) => void;
  private readonly addMemberTx: (m: MembershipRecord) => MembershipRecord;
  private readonly loadTx: (room: string) => StoredDoc;
  private readonly compactReadTx: Database.Transaction<(room: string) => { parts: Uint8Array[]; maxId: number; snapshot: Buffer | null } | null>;
  private readonly compactWriteTx: Database.Transaction<(room: string, merged: Uint8Array, maxId: number, mergedSnapshot: Buffer | null) => void>;
  /** Full-text search over sessions. */
  readonly searchIndex: SqliteSearchIndex;
  /** Session tags and pins. */
  readonly knowledge: SqliteKnowledgeRecords;
  /** Uploaded files' metadata. */
  readonly files: SqliteFileRecords;
  /** Recurring series, feedback check-ins and calendar feed tokens. */
  readonly series: SqliteSeriesRecords;
  /** Decisions, actions and end-of-session summaries (issue 3 item 6). */
  readonly actions: SqliteActionRecords;
  /** Guest links and guests (issue 4 item 10). */
  readonly guests: SqliteGuestRecords;
  readonly versions: SqliteVersionRecords;
  /** The resource library (issue 3 item 3). */
  readonly resources: SqliteResourceRecords;
  /** Deleting a community with everything in it (issue 3 item 5: a failed import cleans up). */
  readonly communityRemoval: SqliteCommunityRemoval;

  private constructor(private readonly db: Database.Database) {
    const s = (this.stmt = prepareStatements(db));
    this.searchIndex = new SqliteSearchIndex(db);
    this.knowledge = new SqliteKnowledgeRecords(db);
    this.files = new SqliteFileRecords(db);
    this.series = new SqliteSeriesRecords(db);
    this.actions = new SqliteActionRecords(db);
    this.guests = new SqliteGuestRecords(db);
    this.versions = new SqliteVersionRecords(db);
    this.resources = new SqliteResourceRecords(db);
    this.communityRemoval = new SqliteCommunityRemoval(db);

    this.appendTx = db.transaction((batch: PendingUpdate[]) => {
      const now = new Date().toISOString();
      for (const u of batch) s.insertUpdate.run(u.room, bufferOf(u.update), now);
    });

    this.createCommunityTx = db.transaction((c: CommunityRecord) => {
      s.insertCommunity.run(c);
      s.insertMemberIfAbsent.run({ communityId: c.id, userId: c.createdBy, role: 'host', joinedAt: c.createdAt });
    });

    this.addMemberTx = db.transaction((m: MembershipRecord) => {
      s.insertMemberIfAbsent.run(m);
      const stored = s.membership.get(m.communityId, m.userId);
      if (!stored) throw new Error(`membership ${m.communityId}/${m.userId} vanished after insert`);
      return stored;
    });

    // A read transaction, so the snapshot and the log come from the same moment even if another process
    // compacts the file in between.
    this.loadTx = db.transaction((room: string) => {
      const snap = s.snapshot.get(room);
      const rows = s.updates.all(room);
      const snapshot = snap ? bytesOf(snap.data) : null;
      let bytes = snapshot?.byteLength ?? 0;
      const updates = rows.map((r) => {
        bytes += r.data.byteLength;
        return bytesOf(r.data);
      });
      return { snapshot, updates, bytes };
    });

    // Compaction reads in one transaction and writes in another, so that the merge in between (which may
    // take a while for a big room, and yields) holds no lock.
    this.compactReadTx = db.transaction((room: string) => {
      const rows = s.updates.all(room);
      if (rows.length === 0) return null;
      const snap = s.snapshot.get(room);
      const parts = rows.map((r) => bytesOf(r.data));
      if (snap) parts.unshift(bytesOf(snap.data));
      return { parts, maxId: rows[rows.length - 1]!.id, snapshot: snap?.data ?? null };
    });
    this.compactWriteTx = db.transaction((room: string, merged: Uint8Array, maxId: number, mergedSnapshot: Buffer | null) => {
      // Another process compacted meanwhile: its snapshot holds the rows we read; ours is not written.
      const current = s.snapshot.get(room)?.data ?? null;
      if (current === null ? mergedSnapshot !== null : mergedSnapshot === null || !current.equals(mergedSnapshot)) return;
      s.upsertSnapshot.run(room, bufferOf(merged), new Date().toISOString());
      // Only rows the merge read: anything appended since has a larger id and stays in the log.
      s.deleteUpdatesUpTo.run(room, maxId);
    });
  }

  /** Opens (creating if needed) and migrates a database. Throws if the file cannot be opened or migrated. */
  static open(opts: SqliteStoreOptions): SqliteStore {
    const inMemory = opts.filename === ':memory:' || opts.filename === '';
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(opts.filename)), { recursive: true });
    const db = new Database(opts.filename);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db);
      return new SqliteStore(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** The underlying connection, for diagnostics and SQLite-specific tests only. */
  get connection(): Database.Database {
    return this.db;
  }

  /** Throws once the connection is closed, or when the file can no longer be read. */
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      // Lets SQLite refresh query-planner statistics it found useful during this connection's life.
      this.db.pragma('optimize');
    } catch {
      // Best effort only (it fails on a damaged file): closing must still happen, and the data is committed.
    }
    this.db.close();
  }

  // --- users and auth sessions ---

  /** Emails are stored and looked up lower-cased, so uniqueness ignores case. */
  async createUser(user: UserRecord): Promise<void> {
    try {
      this.stmt.insertUser.run({ ...user, email: user.email.toLowerCase() });
    } catch (err) {
      rethrowConflict(err, 'user');
    }
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    return this.stmt.userById.get(id) ?? null;
  }

  async getUserByEmail(email: string): Promise<UserRecord | null> {
    return this.stmt.userByEmail.get(email.toLowerCase()) ?? null;
  }

  async createAuthSession(session: AuthSessionRecord): Promise<void> {
    try {
      this.stmt.insertAuth.run(session);
    } catch (err) {
      rethrowConflict(err, 'auth session');
    }
  }

  async getAuthSession(tokenHash: string): Promise<AuthSessionRecord | null> {
    return this.stmt.authByHash.get(tokenHash) ?? null;
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    this.stmt.deleteAuth.run(tokenHash);
  }

  /** Deletes sessions with expiresAt ≤ now (both UTC ISO strings, which sort as instants). */
  async deleteExpiredAuthSessions(now: string): Promise<number> {
    return this.stmt.deleteExpiredAuth.run(now).changes;
  }

  // --- communities and memberships ---

  async createCommunity(community: CommunityRecord): Promise<void> {
    try {
      this.createCommunityTx(community);
    } catch (err) {
      rethrowConflict(err, 'community');
    }
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.stmt.communityById.get(id) ?? null;
  }

  async listCommunities(forUserId: string): Promise<CommunityListRow[]> {
    return this.stmt.listCommunities.all({ userId: forUserId });
  }

  async getMembership(communityId: string, userId: string): Promise<MembershipRecord | null> {
    return this.stmt.membership.get(communityId, userId) ?? null;
  }

  async addMember(m: MembershipRecord): Promise<MembershipRecord> {
    return this.addMemberTx(m);
  }

  async setMemberRole(communityId: string, userId: string, role: Role): Promise<boolean> {
    return this.stmt.setRole.run(role, communityId, userId).changes > 0;
  }

  async listMembers(communityId: string): Promise<(MembershipRecord & { name: string })[]> {
    return this.stmt.listMembers.all(communityId);
  }

  async countMembers(communityId: string): Promise<number> {
    return this.stmt.countMembers.get(communityId)?.n ?? 0;
  }

  // --- invites, sessions, settings ---

  async createInvite(invite: InviteRecord): Promise<void> {
    try {
      this.stmt.insertInvite.run(invite);
    } catch (err) {
      rethrowConflict(err, 'invite');
    }
  }

  async getInvite(code: string): Promise<InviteRecord | null> {
    return this.stmt.inviteByCode.get(code) ?? null;
  }

  async createSession(session: SessionRecord): Promise<void> {
    try {
      this.stmt.insertSession.run({ ...session, seriesId: session.seriesId ?? null });
    } catch (err) {
      rethrowConflict(err, 'session or room');
    }
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.stmt.sessionById.get(id);
    return row ? sessionFromRow(row) : null;
  }

  async getSessionByRoom(room: string): Promise<SessionRecord | null> {
    const row = this.stmt.sessionByRoom.get(room);
    return row ? sessionFromRow(row) : null;
  }

  async listSessions(communityId: string): Promise<SessionRecord[]> {
    return this.stmt.listSessions.all(communityId).map(sessionFromRow);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.stmt.getSetting.get(key)?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.stmt.setSetting.run(key, value);
  }

  // --- documents ---

  /** Throws on any database error (closed connection, missing table, corrupt file): never returns empty then. */
  async loadDoc(room: string): Promise<StoredDoc> {
    return this.loadTx(room);
  }

  /** One transaction for the whole batch: one commit (and, with synchronous=full, one fsync) per tick. */
  async appendUpdates(batch: PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    this.appendTx(batch);
  }

  async countUpdates(room: string): Promise<number> {
    return this.stmt.countUpdates.get(room)?.n ?? 0;
  }

  async compact(room: string, merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>): Promise<void> {
    const read = this.compactReadTx(room);
    if (!read) return;
    const merged = await merge(read.parts);
    // IMMEDIATE takes the write lock before reading, so another process cannot slip a write in between
    // and force a busy-snapshot failure at the upgrade.
    this.compactWriteTx.immediate(room, merged, read.maxId, read.snapshot);
  }

  async listRooms(): Promise<string[]> {
    return this.stmt.listRooms.all().map((r) => r.room);
  }
}
