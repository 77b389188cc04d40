/**
 * The PostgreSQL implementation of the storage interface (server/store/types.ts), on a `pg` pool. Same
 * semantics as SqliteStore (one contract suite), so that several server processes can share one database.
 */
import pg from 'pg';
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
import { iso, stmt, withTransaction, type NamedStatement } from './sqlHelpers.ts';
import { PostgresFileRecords } from './PostgresFileRecords.ts';
import { PostgresSeriesRecords } from './PostgresSeriesRecords.ts';
import { PostgresActionRecords } from './PostgresActionRecords.ts';
import { PostgresGuestRecords } from './PostgresGuestRecords.ts';
import { PostgresVersionRecords } from './PostgresVersionRecords.ts';
import { PostgresResourceRecords } from './PostgresResourceRecords.ts';
import { PostgresCommunityRemoval } from './PostgresCommunityRemoval.ts';
import { PostgresKnowledgeRecords } from './PostgresKnowledgeRecords.ts';
import { PostgresSearchIndex } from './PostgresSearchIndex.ts';

/** Options for PostgresStore.open. */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (libpq URL, as `pg` accepts it). */
  connectionString: string;
  /** Connections in the pool (default 10). Compaction holds one while appends continue on the others. */
  poolSize?: number;
  /** How long to wait for a connection before a query fails (default 5000 ms; readiness relies on it). */
  connectTimeoutMs?: number;
  /** Errors of idle pooled connections (e.g. the server restarted); the pool drops them and reconnects. */
  onError?: (err: Error) => void;
}

/** Rows per INSERT statement: 2 parameters each (plus one shared), far under PostgreSQL's 65,535. */
const APPEND_CHUNK_ROWS = 1000;
/** Namespace of the per-room compaction lock (two-int advisory key: namespace, hashtext(room)). */
const COMPACT_LOCK_NAMESPACE = 0x434f4d50; // 'COMP'

/** An array-mode query: rows as tuples, no per-row object allocation (the document log can be long). */
function arrayRows(q: NamedStatement, values: unknown[]): pg.QueryArrayConfig {
  return { ...q, values, rowMode: 'array' };
}

// Column lists aliased to the record fields (quoted: PostgreSQL folds unquoted names to lower case).
const USER_COLS = `id, name, email, password_hash AS "passwordHash", ${iso('created_at')} AS "createdAt"`;
const AUTH_COLS = `token_hash AS "tokenHash", user_id AS "userId", ${iso('created_at')} AS "createdAt", ${iso('expires_at')} AS "expiresAt"`;
const COMMUNITY_COLS = `c.id, c.name, c.domain, c.ground_rules AS "groundRules", c.visibility, c.created_by AS "createdBy", ${iso('c.created_at')} AS "createdAt"`;
const MEMBER_COLS = `m.community_id AS "communityId", m.user_id AS "userId", m.role, ${iso('m.joined_at')} AS "joinedAt"`;
const INVITE_COLS = `code, community_id AS "communityId", created_by AS "createdBy", ${iso('created_at')} AS "createdAt", ${iso('expires_at')} AS "expiresAt", role`;
const SESSION_COLS = `id, community_id AS "communityId", title, starts_at_text AS "startsAt", duration_minutes AS "durationMinutes", format, room, created_by AS "createdBy", ${iso('created_at')} AS "createdAt", series_id AS "seriesId"`;

type CommunityListRow = CommunityRecord & { memberCount: number; myRole: Role | null };

/** Every fixed statement. Orderings mirror SqliteStore's, with COLLATE "C" standing for SQLite's BINARY. */
const SQL = {
  insertUser: stmt('insertUser', 'INSERT INTO users (id, name, email, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)'),
  userById: stmt('userById', `SELECT ${USER_COLS} FROM users WHERE id = $1`),
  userByEmail: stmt('userByEmail', `SELECT ${USER_COLS} FROM users WHERE email = $1`),

  insertAuth: stmt('insertAuth', 'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)'),
  authByHash: stmt('authByHash', `SELECT ${AUTH_COLS} FROM auth_sessions WHERE token_hash = $1`),
  deleteAuth: stmt('deleteAuth', 'DELETE FROM auth_sessions WHERE token_hash = $1'),
  deleteExpiredAuth: stmt('deleteExpiredAuth', 'DELETE FROM auth_sessions WHERE expires_at <= $1'),

  insertCommunity: stmt(
    'insertCommunity',
    `INSERT INTO communities (id, name, domain, ground_rules, visibility, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  ),
  communityById: stmt('communityById', `SELECT ${COMMUNITY_COLS} FROM communities c WHERE c.id = $1`),
  listCommunities: stmt(
    'listCommunities',
    `SELECT ${COMMUNITY_COLS},
            (SELECT COUNT(*)::int FROM memberships n WHERE n.community_id = c.id) AS "memberCount",
            my.role AS "myRole"
     FROM communities c
     LEFT JOIN memberships my ON my.community_id = c.id AND my.user_id = $1
     WHERE c.visibility = 'open' OR my.user_id IS NOT NULL
     ORDER BY c.created_at DESC, c.seq DESC`,
  ),

  membership: stmt('membership', `SELECT ${MEMBER_COLS} FROM memberships m WHERE m.community_id = $1 AND m.user_id = $2`),
  insertMemberIfAbsent: stmt(
    'insertMemberIfAbsent',
    `INSERT INTO memberships (community_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (community_id, user_id) DO NOTHING`,
  ),
  setRole: stmt('setRole', 'UPDATE memberships SET role = $1 WHERE community_id = $2 AND user_id = $3'),
  // lower() under the "C" collation folds ASCII only, exactly like SQLite's NOCASE.
  listMembers: stmt(
    'listMembers',
    `SELECT ${MEMBER_COLS}, u.name FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.community_id = $1
     ORDER BY CASE m.role WHEN 'host' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'member' THEN 2 ELSE 3 END,
              lower(u.name COLLATE "C") COLLATE "C", u.name COLLATE "C", m.user_id COLLATE "C"`,
  ),
  countMembers: stmt('countMembers', 'SELECT COUNT(*)::int AS n FROM memberships WHERE community_id = $1'),

  insertInvite: stmt(
    'insertInvite',
    `INSERT INTO invites (code, community_id, created_by, created_at, expires_at, role) VALUES ($1, $2, $3, $4, $5, $6)`,
  ),
  inviteByCode: stmt('inviteByCode', `SELECT ${INVITE_COLS} FROM invites WHERE code = $1`),

  insertSession: stmt(
    'insertSession',
    `INSERT INTO sessions (id, community_id, title, starts_at, starts_at_text, duration_minutes, format, room, created_by, created_at, series_id)
     VALUES ($1, $2, $3, $4::text::timestamptz, $4::text, $5, $6, $7, $8, $9, $10)`,
  ),
  sessionById: stmt('sessionById', `SELECT ${SESSION_COLS} FROM sessions WHERE id = $1`),
  sessionByRoom: stmt('sessionByRoom', `SELECT ${SESSION_COLS} FROM sessions WHERE room = $1`),
  listSessions: stmt(
    'listSessions',
    `SELECT ${SESSION_COLS} FROM sessions WHERE community_id = $1 ORDER BY starts_at, starts_at_text COLLATE "C", id COLLATE "C"`,
  ),

  getSetting: stmt('getSetting', 'SELECT value FROM settings WHERE key = $1'),
  setSetting: stmt('setSetting', 'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),

  // One statement, so the snapshot and the log come from the same MVCC snapshot even while another node
  // compacts the room (two SELECTs could see the snapshot before and the log after a compaction).
  loadDoc: stmt(
    'loadDoc',
    `SELECT part, data FROM (
       SELECT 0 AS part, 0::bigint AS id, data FROM doc_snapshots WHERE room = $1
       UNION ALL
       SELECT 1, id, data FROM doc_updates WHERE room = $1
     ) parts ORDER BY part, id`,
  ),
  countUpdates: stmt('countUpdates', 'SELECT COUNT(*)::int AS n FROM doc_updates WHERE room = $1'),
  compactLock: stmt('compactLock', `SELECT pg_advisory_xact_lock(${COMPACT_LOCK_NAMESPACE}, hashtext($1))`),
  // Deletes and returns the very rows it merges: whatever commits later stays in the log.
  takeUpdates: stmt(
    'takeUpdates',
    'WITH taken AS (DELETE FROM doc_updates WHERE room = $1 RETURNING id, data) SELECT data FROM taken ORDER BY id',
  ),
  snapshot: stmt('snapshot', 'SELECT data FROM doc_snapshots WHERE room = $1'),
  upsertSnapshot: stmt(
    'upsertSnapshot',
    `INSERT INTO doc_snapshots (room, data, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ),
  listRooms: stmt(
    'listRooms',
    'SELECT room COLLATE "C" AS room FROM doc_snapshots UNION SELECT room COLLATE "C" FROM doc_updates ORDER BY room',
  ),
  ping: stmt('ping', 'SELECT 1'),
} as const;

/** Turns unique violations (SQLSTATE 23505) into the store-neutral StoreConflictError. */
function rethrowConflict(err: unknown, what: string): never {
  if (err instanceof pg.DatabaseError && err.code === '23505') throw new StoreConflictError(`${what} already exists`);
  throw err;
}

/** Store on a PostgreSQL database shared by any number of server processes. */
export class PostgresStore implements Store {
  private closed = false;
  /** Full-text search over sessions. */
  readonly searchIndex: PostgresSearchIndex;
  /** Session tags and pins. */
  readonly knowledge: PostgresKnowledgeRecords;
  /** Uploaded files' metadata. */
  readonly files: PostgresFileRecords;
  /** Recurring series, feedback check-ins and calendar feed tokens. */
  readonly series: PostgresSeriesRecords;
  /** Decisions, actions and end-of-session summaries (issue 3 item 6). */
  readonly actions: PostgresActionRecords;
  /** Guest links and guests (issue 4 item 10). */
  readonly guests: PostgresGuestRecords;
  /** Session versions and last-seen marks (migration 6). */
  readonly versions: PostgresVersionRecords;
  /** The resource library (migration 5). */
  readonly resources: PostgresResourceRecords;
  /** Deleting a community with everything in it (issue 3 item 5: a failed import cleans up). */
  readonly communityRemoval: PostgresCommunityRemoval;

  private constructor(private readonly pool: pg.Pool) {
    this.searchIndex = new PostgresSearchIndex(pool);
    this.knowledge = new PostgresKnowledgeRecords(pool);
    this.files = new PostgresFileRecords(pool);
    this.series = new PostgresSeriesRecords(pool);
    this.actions = new PostgresActionRecords(pool);
    this.guests = new PostgresGuestRecords(pool);
    this.versions = new PostgresVersionRecords(pool);
    this.resources = new PostgresResourceRecords(pool);
    this.communityRemoval = new PostgresCommunityRemoval(pool);
  }

  /**
   * Connects, then creates or migrates the schema (safe when several nodes start at once). Throws, and
   * leaves no pool open, if the database is unreachable or cannot be migrated.
   */
  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      // Instants written without an offset mean UTC, whatever the server's default time zone.
      options: '-c TimeZone=UTC',
    });
    // Without a listener, an idle connection's error (database restart, network cut) would crash the process.
    pool.on('error', (err) => opts.onError?.(err));
    try {
      await migrate(pool);
      return new PostgresStore(pool);
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
  }

  /** The underlying pool, for diagnostics and PostgreSQL-specific tests only. */
  get connection(): pg.Pool {
    return this.pool;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Resolves when the database answers a trivial query (readiness). */
  async ping(): Promise<void> {
    await this.pool.query(SQL.ping);
  }

  private async one<T extends pg.QueryResultRow>(q: NamedStatement, values: unknown[]): Promise<T | null> {
    const { rows } = await this.pool.query<T>({ ...q, values });
    return rows[0] ?? null;
  }

  private async all<T extends pg.QueryResultRow>(q: NamedStatement, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>({ ...q, values })).rows;
  }

  // --- users and auth sessions ---

  /** Emails are stored and looked up lower-cased, so uniqueness ignores case. */
  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.pool.query({ ...SQL.insertUser, values: [user.id, user.name, user.email.toLowerCase(), user.passwordHash, user.createdAt] });
    } catch (err) {
      rethrowConflict(err, 'user');
    }
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    return this.one<UserRecord>(SQL.userById, [id]);
  }

  async getUserByEmail(email: string): Promise<UserRecord | null> {
    return this.one<UserRecord>(SQL.userByEmail, [email.toLowerCase()]);
  }

  async createAuthSession(s: AuthSessionRecord): Promise<void> {
    try {
      await this.pool.query({ ...SQL.insertAuth, values: [s.tokenHash, s.userId, s.createdAt, s.expiresAt] });
    } catch (err) {
      rethrowConflict(err, 'auth session');
    }
  }

  async getAuthSession(tokenHash: string): Promise<AuthSessionRecord | null> {
    return this.one<AuthSessionRecord>(SQL.authByHash, [tokenHash]);
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    await this.pool.query({ ...SQL.deleteAuth, values: [tokenHash] });
  }

  /** Deletes sessions with expiresAt ≤ now, compared as instants. */
  async deleteExpiredAuthSessions(now: string): Promise<number> {
    return (await this.pool.query({ ...SQL.deleteExpiredAuth, values: [now] })).rowCount ?? 0;
  }

  // --- communities and memberships ---

  async createCommunity(c: CommunityRecord): Promise<void> {
    try {
      await withTransaction(this.pool, async (client) => {
        await client.query({ ...SQL.insertCommunity, values: [c.id, c.name, c.domain, c.groundRules, c.visibility, c.createdBy, c.createdAt] });
        await client.query({ ...SQL.insertMemberIfAbsent, values: [c.id, c.createdBy, 'host', c.createdAt] });
      });
    } catch (err) {
      rethrowConflict(err, 'community');
    }
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    return this.one<CommunityRecord>(SQL.communityById, [id]);
  }

  async listCommunities(forUserId: string): Promise<CommunityListRow[]> {
    return this.all<CommunityListRow>(SQL.listCommunities, [forUserId]);
  }

  async getMembership(communityId: string, userId: string): Promise<MembershipRecord | null> {
    return this.one<MembershipRecord>(SQL.membership, [communityId, userId]);
  }

  /**
   * Two statements, no transaction needed: a conflicting concurrent insert makes ON CONFLICT wait for
   * its commit, and the following read (a fresh snapshot under READ COMMITTED) then sees that row.
   */
  async addMember(m: MembershipRecord): Promise<MembershipRecord> {
    await this.pool.query({ ...SQL.insertMemberIfAbsent, values: [m.communityId, m.userId, m.role, m.joinedAt] });
    const stored = await this.getMembership(m.communityId, m.userId);
    if (!stored) throw new Error(`membership ${m.communityId}/${m.userId} vanished after insert`);
    return stored;
  }

  async setMemberRole(communityId: string, userId: string, role: Role): Promise<boolean> {
    return ((await this.pool.query({ ...SQL.setRole, values: [role, communityId, userId] })).rowCount ?? 0) > 0;
  }

  async listMembers(communityId: string): Promise<(MembershipRecord & { name: string })[]> {
    return this.all<MembershipRecord & { name: string }>(SQL.listMembers, [communityId]);
  }

  async countMembers(communityId: string): Promise<number> {
    return (await this.one<{ n: number }>(SQL.countMembers, [communityId]))?.n ?? 0;
  }

  // --- invites, sessions, settings ---

  async createInvite(i: InviteRecord): Promise<void> {
    try {
      await this.pool.query({ ...SQL.insertInvite, values: [i.code, i.communityId, i.createdBy, i.createdAt, i.expiresAt, i.role] });
    } catch (err) {
      rethrowConflict(err, 'invite');
    }
  }

  async getInvite(code: string): Promise<InviteRecord | null> {
    return this.one<InviteRecord>(SQL.inviteByCode, [code]);
  }

  async createSession(s: SessionRecord): Promise<void> {
    try {
      await this.pool.query({
        ...SQL.insertSession,
        values: [s.id, s.communityId, s.title, s.startsAt, s.durationMinutes, s.format, s.room, s.createdBy, s.createdAt, s.seriesId ?? null],
      });
    } catch (err) {
      rethrowConflict(err, 'session or room');
    }
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.one<SessionRow>(SQL.sessionById, [id]);
    return row ? sessionFromRow(row) : null;
  }

  async getSessionByRoom(room: string): Promise<SessionRecord | null> {
    const row = await this.one<SessionRow>(SQL.sessionByRoom, [room]);
    return row ? sessionFromRow(row) : null;
  }

  /** Ordered by start instant, whatever UTC offset each startsAt was written with. */
  async listSessions(communityId: string): Promise<SessionRecord[]> {
    return (await this.all<SessionRow>(SQL.listSessions, [communityId])).map(sessionFromRow);
  }

  async getSetting(key: string): Promise<string | null> {
    return (await this.one<{ value: string }>(SQL.getSetting, [key]))?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query({ ...SQL.setSetting, values: [key, value] });
  }

  // --- documents ---

  /** Throws on any database error (closed pool, unreachable server, missing table): never returns empty then. */
  async loadDoc(room: string): Promise<StoredDoc> {
    const { rows } = await this.pool.query<[number, Buffer]>(arrayRows(SQL.loadDoc, [room]));
    let snapshot: Uint8Array | null = null;
    const updates: Uint8Array[] = [];
    let bytes = 0;
    for (const [part, data] of rows) {
      bytes += data.byteLength;
      if (part === 0) snapshot = bytesOf(data);
      else updates.push(bytesOf(data));
    }
    return { snapshot, updates, bytes };
  }

  /**
   * One multi-row INSERT for the whole batch (rows keep the batch's order, so each room's order too). A
   * batch beyond APPEND_CHUNK_ROWS becomes several INSERTs in one transaction: still all or nothing.
   */
  async appendUpdates(batch: PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const now = new Date().toISOString();
    if (batch.length <= APPEND_CHUNK_ROWS) {
      await this.pool.query(insertUpdates(batch, now));
      return;
    }
    await withTransaction(this.pool, async (client) => {
      for (let i = 0; i < batch.length; i += APPEND_CHUNK_ROWS) {
        await client.query(insertUpdates(batch.slice(i, i + APPEND_CHUNK_ROWS), now));
      }
    });
  }

  async countUpdates(room: string): Promise<number> {
    return (await this.one<{ n: number }>(SQL.countUpdates, [room]))?.n ?? 0;
  }

  /**
   * One transaction under a per-room advisory lock, so two nodes compacting the same room run one after
   * the other and the second merges the first's snapshot (it waits before reading anything, so it never
   * merges stale state, wastes a merge or deadlocks on the rows). The log rows are deleted and returned
   * by one statement: exactly the rows merged are removed, and appends committed meanwhile stay.
   */
  async compact(room: string, merge: (parts: Uint8Array[]) => Uint8Array | Promise<Uint8Array>): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.compactLock, values: [room] });
      const taken = await client.query<[Buffer]>(arrayRows(SQL.takeUpdates, [room]));
      if (taken.rows.length === 0) return;
      const snap = await client.query<[Buffer]>(arrayRows(SQL.snapshot, [room]));
      const parts = taken.rows.map((r) => bytesOf(r[0]));
      if (snap.rows[0]) parts.unshift(bytesOf(snap.rows[0][0]));
      // A throwing merge rolls the deletion back: nothing is lost.
      const merged = await merge(parts);
      await client.query({ ...SQL.upsertSnapshot, values: [room, bufferOf(merged), new Date().toISOString()] });
    });
  }

  async listRooms(): Promise<string[]> {
    return (await this.all<{ room: string }>(SQL.listRooms, [])).map((r) => r.room);
  }
}

/**
 * `INSERT … VALUES ($2, $3, $1), ($4, $5, $1), …` for a chunk of updates (unnamed: its text varies with
 * the size). `created_at` is this server's clock, as in SqliteStore: the search indexer compares it with
 * its own `indexedAt`, so both must come from the same kind of clock.
 */
function insertUpdates(rows: PendingUpdate[], now: string): pg.QueryConfig {
  const values: unknown[] = new Array(rows.length * 2 + 1);
  const tuples: string[] = new Array(rows.length);
  values[0] = now;
  for (let i = 0; i < rows.length; i++) {
    values[2 * i + 1] = rows[i]!.room;
    values[2 * i + 2] = bufferOf(rows[i]!.update);
    tuples[i] = `($${2 * i + 2}, $${2 * i + 3}, $1::timestamptz)`;
  }
  return { text: `INSERT INTO doc_updates (room, data, created_at) VALUES ${tuples.join(', ')}`, values };

}
