/**
 * The VersionStore part of the PostgreSQL store: session document versions (the timeline) and last-seen
 * marks (catch-up). Mirrors server/store/sqlite/SqliteVersionRecords.ts; its schema step is
 * PG_VERSIONS_MIGRATION (version 6 of PG_MIGRATIONS, like SQLite's migration 6).
 */
import type pg from 'pg';
import type { VersionRecord, VersionStore } from '../types.ts';
import { versionFromRow, type VersionRow } from '../recordRows.ts';
import { iso, stmt } from './sqlHelpers.ts';

/** The schema step: the same tables as SQLite's migration 6, with native types. */
export const PG_VERSIONS_MIGRATION = {
  name: 'session versions and last-seen marks',
  sql: `
    CREATE TABLE session_versions (
      id         TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      taken_at   TIMESTAMPTZ NOT NULL,
      state      BYTEA NOT NULL,
      bytes      INTEGER NOT NULL
    );
    CREATE INDEX session_versions_by_time ON session_versions(session_id, taken_at);

    CREATE TABLE session_seen (
      user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      seen_at    TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (user_id, session_id)
    );
  `,
} as const;

const META = `id, session_id AS "sessionId", ${iso('taken_at')} AS "takenAt", bytes`;

const SQL = {
  insert: stmt('versionsInsert', 'INSERT INTO session_versions (id, session_id, taken_at, state, bytes) VALUES ($1, $2, $3, $4, $5)'),
  list: stmt('versionsList', `SELECT ${META} FROM session_versions WHERE session_id = $1 ORDER BY taken_at, id COLLATE "C"`),
  get: stmt('versionsGet', `SELECT ${META}, state FROM session_versions WHERE session_id = $1 AND id = $2`),
  atOrBefore: stmt(
    'versionsAtOrBefore',
    `SELECT ${META}, state FROM session_versions WHERE session_id = $1 AND taken_at <= $2::timestamptz ORDER BY taken_at DESC, id COLLATE "C" DESC LIMIT 1`,
  ),
  delete: stmt('versionsDelete', 'DELETE FROM session_versions WHERE session_id = $1 AND id = ANY($2::text[])'),
  upsertSeen: stmt(
    'versionsUpsertSeen',
    `INSERT INTO session_seen (user_id, session_id, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, session_id) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
  ),
  seen: stmt('versionsSeen', `SELECT ${iso('seen_at')} AS "seenAt" FROM session_seen WHERE user_id = $1 AND session_id = $2`),
} as const;

/** Versions and last-seen marks on the store's pool. */
export class PostgresVersionRecords implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async addVersion(v: VersionRecord): Promise<void> {
    await this.pool.query({ ...SQL.insert, values: [v.id, v.sessionId, v.takenAt, Buffer.from(v.state), v.bytes] });
  }

  async listVersions(sessionId: string): Promise<Omit<VersionRecord, 'state'>[]> {
    return (await this.pool.query<Omit<VersionRecord, 'state'>>({ ...SQL.list, values: [sessionId] })).rows;
  }

  async getVersion(sessionId: string, versionId: string): Promise<VersionRecord | null> {
    return versionFromRow((await this.pool.query<VersionRow>({ ...SQL.get, values: [sessionId, versionId] })).rows[0]);
  }

  async versionAtOrBefore(sessionId: string, at: string): Promise<VersionRecord | null> {
    return versionFromRow((await this.pool.query<VersionRow>({ ...SQL.atOrBefore, values: [sessionId, at] })).rows[0]);
  }

  async deleteVersions(sessionId: string, versionIds: string[]): Promise<number> {
    if (versionIds.length === 0) return 0;
    return (await this.pool.query({ ...SQL.delete, values: [sessionId, versionIds] })).rowCount ?? 0;
  }

  async markSeen(userId: string, sessionId: string, seenAt: string): Promise<void> {
    await this.pool.query({ ...SQL.upsertSeen, values: [userId, sessionId, seenAt] });
  }

  async getSeen(userId: string, sessionId: string): Promise<string | null> {
    return (await this.pool.query<{ seenAt: string }>({ ...SQL.seen, values: [userId, sessionId] })).rows[0]?.seenAt ?? null;
  }
}
