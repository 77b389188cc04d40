/** The GuestStore part of the SQLite store: guest links and the guests who opened them (migration 8). */
import type Database from 'better-sqlite3';
import type { FileRecord, GuestLinkRecord, GuestRecord, GuestStore } from '../types.ts';
import { guestFromRow, type GuestJoinRow } from '../recordRows.ts';

/** Schema step 8. Tokens are never stored, only their SHA-256. */
export const SQLITE_GUESTS_MIGRATION = `
  CREATE TABLE guest_links (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    permission   TEXT NOT NULL CHECK (permission IN ('view', 'edit')),
    label        TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT,
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
  );
  CREATE INDEX guest_links_session ON guest_links(session_id, created_at);

  CREATE TABLE guests (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    link_id    TEXT NOT NULL REFERENCES guest_links(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    user_id    TEXT REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  );
  CREATE INDEX guests_link ON guests(link_id);
`;

/** The link columns as record fields, optionally of a table alias. */
const linkCols = (t = '') =>
  `${t}id AS id, ${t}token_hash AS tokenHash, ${t}session_id AS sessionId, ${t}community_id AS communityId, ${t}permission AS permission,
   ${t}label AS label, ${t}expires_at AS expiresAt, ${t}revoked_at AS revokedAt, ${t}created_by AS createdBy, ${t}created_at AS createdAt`;
const LINK_COLS = linkCols();

function prepare(db: Database.Database) {
  return {
    insertLink: db.prepare<[GuestLinkRecord]>(
      `INSERT INTO guest_links (id, token_hash, session_id, community_id, permission, label, expires_at, revoked_at, created_by, created_at)
       VALUES (@id, @tokenHash, @sessionId, @communityId, @permission, @label, @expiresAt, @revokedAt, @createdBy, @createdAt)`,
    ),
    linkByHash: db.prepare<[string], GuestLinkRecord>(`SELECT ${LINK_COLS} FROM guest_links WHERE token_hash = ?`),
    listLinks: db.prepare<[string], GuestLinkRecord>(`SELECT ${LINK_COLS} FROM guest_links WHERE session_id = ? ORDER BY created_at DESC, id`),
    revoke: db.prepare<[string, string, string]>('UPDATE guest_links SET revoked_at = ? WHERE session_id = ? AND id = ? AND revoked_at IS NULL'),
    insertGuest: db.prepare<[GuestRecord]>(
      'INSERT INTO guests (id, token_hash, link_id, name, user_id, created_at) VALUES (@id, @tokenHash, @linkId, @name, @userId, @createdAt)',
    ),
    guestByHash: db.prepare<[string], GuestJoinRow>(
      `SELECT g.id AS gId, g.token_hash AS gTokenHash, g.name AS gName, g.user_id AS gUserId, g.created_at AS gCreatedAt,
              ${linkCols('l.')}
       FROM guests g JOIN guest_links l ON l.id = g.link_id WHERE g.token_hash = ?`,
    ),
    sessionFile: db.prepare<[string, string], FileRecord & { name: string }>(
      `SELECT f.sha256, f.mime, f.bytes, f.created_at AS createdAt, l.name FROM file_links l JOIN files f ON f.sha256 = l.sha256
       WHERE l.session_id = ? AND l.sha256 = ?`,
    ),
  };
}

/** Guest links and guests on the store's connection. */
export class SqliteGuestRecords implements GuestStore {
  private readonly stmt: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.stmt = prepare(db);
  }

  async createLink(link: GuestLinkRecord): Promise<void> {
    this.stmt.insertLink.run(link);
  }

  async getLinkByTokenHash(tokenHash: string): Promise<GuestLinkRecord | null> {
    return this.stmt.linkByHash.get(tokenHash) ?? null;
  }

  async listLinks(sessionId: string): Promise<GuestLinkRecord[]> {
    return this.stmt.listLinks.all(sessionId);
  }

  async revokeLink(sessionId: string, linkId: string, at: string): Promise<boolean> {
    return this.stmt.revoke.run(at, sessionId, linkId).changes > 0;
  }

  async createGuest(guest: GuestRecord): Promise<void> {
    this.stmt.insertGuest.run(guest);
  }

  async getGuestByTokenHash(tokenHash: string): Promise<{ guest: GuestRecord; link: GuestLinkRecord } | null> {
    return guestFromRow(this.stmt.guestByHash.get(tokenHash));
  }

  async getSessionFile(sessionId: string, sha256: string): Promise<(FileRecord & { name: string }) | null> {
    return this.stmt.sessionFile.get(sessionId, sha256) ?? null;
  }
}
