/**
 * The GuestStore part of the PostgreSQL store: guest links and the guests who opened them. Mirrors
 * server/store/sqlite/SqliteGuestRecords.ts; its schema step is PG_GUESTS_MIGRATION (version 8).
 */
import type pg from 'pg';
import type { FileRecord, GuestLinkRecord, GuestRecord, GuestStore } from '../types.ts';
import { guestFromRow, type GuestJoinRow } from '../recordRows.ts';
import { iso, stmt } from './sqlHelpers.ts';

/** The schema step: the same tables as SQLite's migration 8, with native types. */
export const PG_GUESTS_MIGRATION = {
  name: 'guest links and audience mode',
  sql: `
    CREATE TABLE guest_links (
      id           TEXT PRIMARY KEY,
      token_hash   TEXT NOT NULL UNIQUE,
      session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      permission   TEXT NOT NULL CHECK (permission IN ('view', 'edit')),
      label        TEXT NOT NULL,
      expires_at   TIMESTAMPTZ NOT NULL,
      revoked_at   TIMESTAMPTZ,
      created_by   TEXT NOT NULL REFERENCES users(id),
      created_at   TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX guest_links_session ON guest_links(session_id, created_at);

    CREATE TABLE guests (
      id         TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      link_id    TEXT NOT NULL REFERENCES guest_links(id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      user_id    TEXT REFERENCES users(id) ON DELETE CASCADE,
      created_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX guests_link ON guests(link_id);
  `,
} as const;

const linkCols = (t = '') =>
  `${t}id, ${t}token_hash AS "tokenHash", ${t}session_id AS "sessionId", ${t}community_id AS "communityId", ${t}permission, ${t}label,
   ${iso(`${t}expires_at`)} AS "expiresAt", CASE WHEN ${t}revoked_at IS NULL THEN NULL ELSE ${iso(`${t}revoked_at`)} END AS "revokedAt",
   ${t}created_by AS "createdBy", ${iso(`${t}created_at`)} AS "createdAt"`;

const SQL = {
  insertLink: stmt(
    'insertGuestLink',
    `INSERT INTO guest_links (id, token_hash, session_id, community_id, permission, label, expires_at, revoked_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  ),
  linkByHash: stmt('guestLinkByHash', `SELECT ${linkCols()} FROM guest_links WHERE token_hash = $1`),
  listLinks: stmt('listGuestLinks', `SELECT ${linkCols()} FROM guest_links WHERE session_id = $1 ORDER BY created_at DESC, id COLLATE "C"`),
  revoke: stmt('revokeGuestLink', 'UPDATE guest_links SET revoked_at = $1 WHERE session_id = $2 AND id = $3 AND revoked_at IS NULL'),
  insertGuest: stmt('insertGuest', 'INSERT INTO guests (id, token_hash, link_id, name, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)'),
  guestByHash: stmt(
    'guestByHash',
    `SELECT g.id AS "gId", g.token_hash AS "gTokenHash", g.name AS "gName", g.user_id AS "gUserId", ${iso('g.created_at')} AS "gCreatedAt",
            ${linkCols('l.')}
     FROM guests g JOIN guest_links l ON l.id = g.link_id WHERE g.token_hash = $1`,
  ),
  sessionFile: stmt(
    'guestSessionFile',
    `SELECT f.sha256, f.mime, f.bytes::int AS bytes, ${iso('f.created_at')} AS "createdAt", l.name FROM file_links l JOIN files f ON f.sha256 = l.sha256
     WHERE l.session_id = $1 AND l.sha256 = $2`,
  ),
} as const;

/** Guest links and guests on the store's pool. */
export class PostgresGuestRecords implements GuestStore {
  constructor(private readonly pool: pg.Pool) {}

  async createLink(l: GuestLinkRecord): Promise<void> {
    await this.pool.query({
      ...SQL.insertLink,
      values: [l.id, l.tokenHash, l.sessionId, l.communityId, l.permission, l.label, l.expiresAt, l.revokedAt, l.createdBy, l.createdAt],
    });
  }

  async getLinkByTokenHash(tokenHash: string): Promise<GuestLinkRecord | null> {
    return (await this.pool.query<GuestLinkRecord>({ ...SQL.linkByHash, values: [tokenHash] })).rows[0] ?? null;
  }

  async listLinks(sessionId: string): Promise<GuestLinkRecord[]> {
    return (await this.pool.query<GuestLinkRecord>({ ...SQL.listLinks, values: [sessionId] })).rows;
  }

  async revokeLink(sessionId: string, linkId: string, at: string): Promise<boolean> {
    return ((await this.pool.query({ ...SQL.revoke, values: [at, sessionId, linkId] })).rowCount ?? 0) > 0;
  }

  async createGuest(g: GuestRecord): Promise<void> {
    await this.pool.query({ ...SQL.insertGuest, values: [g.id, g.tokenHash, g.linkId, g.name, g.userId, g.createdAt] });
  }

  async getGuestByTokenHash(tokenHash: string): Promise<{ guest: GuestRecord; link: GuestLinkRecord } | null> {
    return guestFromRow((await this.pool.query<GuestJoinRow>({ ...SQL.guestByHash, values: [tokenHash] })).rows[0]);
  }

  async getSessionFile(sessionId: string, sha256: string): Promise<(FileRecord & { name: string }) | null> {
    return (await this.pool.query<FileRecord & { name: string }>({ ...SQL.sessionFile, values: [sessionId, sha256] })).rows[0] ?? null;
  }
}
