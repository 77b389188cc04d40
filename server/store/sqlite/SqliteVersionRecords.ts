/**
 * The VersionStore part of the SQLite store: full states of session documents taken over time (the
 * timeline) and each member's last-seen mark per session (catch-up). Migration 6.
 */
import type Database from 'better-sqlite3';
import type { VersionRecord, VersionStore } from '../types.ts';
import { versionFromRow, type VersionRow } from '../recordRows.ts';

/** Schema step 6. States are whole documents (Y.encodeStateAsUpdate), thinned by server/versions. */
export const SQLITE_VERSIONS_MIGRATION = `
  CREATE TABLE session_versions (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    taken_at   TEXT NOT NULL,
    state      BLOB NOT NULL,
    bytes      INTEGER NOT NULL
  );
  CREATE INDEX session_versions_by_time ON session_versions(session_id, taken_at);

  CREATE TABLE session_seen (
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, session_id)
  ) WITHOUT ROWID;
`;

const META = 'id, session_id AS sessionId, taken_at AS takenAt, bytes';

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[{ id: string; sessionId: string; takenAt: string; state: Buffer; bytes: number }]>(
      'INSERT INTO session_versions (id, session_id, taken_at, state, bytes) VALUES (@id, @sessionId, @takenAt, @state, @bytes)',
    ),
    list: db.prepare<[string], Omit<VersionRecord, 'state'>>(`SELECT ${META} FROM session_versions WHERE session_id = ? ORDER BY taken_at, id`),
    get: db.prepare<[string, string], VersionRow>(`SELECT ${META}, state FROM session_versions WHERE session_id = ? AND id = ?`),
    atOrBefore: db.prepare<[string, string], VersionRow>(
      `SELECT ${META}, state FROM session_versions WHERE session_id = ? AND taken_at <= ? ORDER BY taken_at DESC, id DESC LIMIT 1`,
    ),
    delete: db.prepare<[string, string]>('DELETE FROM session_versions WHERE session_id = ? AND id = ?'),
    upsertSeen: db.prepare<[string, string, string]>(
      `INSERT INTO session_seen (user_id, session_id, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id, session_id) DO UPDATE SET seen_at = excluded.seen_at`,
    ),
    seen: db.prepare<[string, string], { seenAt: string }>('SELECT seen_at AS seenAt FROM session_seen WHERE user_id = ? AND session_id = ?'),
  };
}

/** Versions and last-seen marks on the store's connection. */
export class SqliteVersionRecords implements VersionStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly deleteTx: (sessionId: string, ids: string[]) => number;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.deleteTx = db.transaction((sessionId: string, ids: string[]) => ids.reduce((n, id) => n + s.delete.run(sessionId, id).changes, 0));
  }

  async addVersion(v: VersionRecord): Promise<void> {
    this.stmt.insert.run({ id: v.id, sessionId: v.sessionId, takenAt: v.takenAt, state: Buffer.from(v.state), bytes: v.bytes });
  }

  async listVersions(sessionId: string): Promise<Omit<VersionRecord, 'state'>[]> {
    return this.stmt.list.all(sessionId);
  }

  async getVersion(sessionId: string, versionId: string): Promise<VersionRecord | null> {
    return versionFromRow(this.stmt.get.get(sessionId, versionId));
  }

  async versionAtOrBefore(sessionId: string, at: string): Promise<VersionRecord | null> {
    return versionFromRow(this.stmt.atOrBefore.get(sessionId, at));
  }

  async deleteVersions(sessionId: string, versionIds: string[]): Promise<number> {
    return versionIds.length === 0 ? 0 : this.deleteTx(sessionId, versionIds);
  }

  async markSeen(userId: string, sessionId: string, seenAt: string): Promise<void> {
    this.stmt.upsertSeen.run(userId, sessionId, seenAt);
  }

  async getSeen(userId: string, sessionId: string): Promise<string | null> {
    return this.stmt.seen.get(userId, sessionId)?.seenAt ?? null;
  }
}
