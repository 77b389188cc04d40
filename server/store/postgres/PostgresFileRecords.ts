/**
 * The FileStore part of the PostgreSQL store: uploaded files and the sessions they were uploaded to.
 * Mirrors server/store/sqlite/SqliteFileRecords.ts; its schema step is PG_FILES_MIGRATION (to append to
 * PG_MIGRATIONS as version 3, like SQLite's migration 3).
 */
import type pg from 'pg';
import type { FileLinkRecord, FileRecord, FileStore } from '../types.ts';
import { iso, stmt, withTransaction } from './sqlHelpers.ts';

/** The schema step for uploaded files (the same tables as SQLite's migration 3, with native types). */
export const PG_FILES_MIGRATION = {
  name: 'uploaded files',
  sql: `
    CREATE TABLE files (
      sha256     TEXT PRIMARY KEY,
      mime       TEXT NOT NULL,
      bytes      BIGINT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE file_links (
      sha256       TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
      community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      uploaded_by  TEXT NOT NULL REFERENCES users(id),
      uploaded_at  TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (sha256, session_id)
    );
    CREATE INDEX file_links_community ON file_links(community_id, sha256);
  `,
} as const;

const FILE_COLS = `f.sha256, f.mime, f.bytes::int AS bytes, ${iso('f.created_at')} AS "createdAt"`;

const SQL = {
  insertFile: stmt('insertFile', 'INSERT INTO files (sha256, mime, bytes, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING'),
  upsertLink: stmt(
    'upsertFileLink',
    `INSERT INTO file_links (sha256, community_id, session_id, name, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (sha256, session_id) DO UPDATE SET name = EXCLUDED.name, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at`,
  ),
  fileBySha: stmt('fileBySha', `SELECT ${FILE_COLS} FROM files f WHERE f.sha256 = $1`),
  fileForMember: stmt(
    'fileForMember',
    `SELECT ${FILE_COLS}, l.name FROM file_links l
     JOIN files f ON f.sha256 = l.sha256
     JOIN memberships m ON m.community_id = l.community_id AND m.user_id = $2
     WHERE l.sha256 = $1
     ORDER BY l.uploaded_at DESC, l.session_id COLLATE "C"
     LIMIT 1`,
  ),
} as const;

/** Files on the store's pool. */
export class PostgresFileRecords implements FileStore {
  constructor(private readonly pool: pg.Pool) {}

  async addFile(file: FileRecord, link: FileLinkRecord): Promise<void> {
    if (file.sha256 !== link.sha256) throw new Error('the link must be for the same file');
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.insertFile, values: [file.sha256, file.mime, file.bytes, file.createdAt] });
      await client.query({
        ...SQL.upsertLink,
        values: [link.sha256, link.communityId, link.sessionId, link.name, link.uploadedBy, link.uploadedAt],
      });
    });
  }

  async getFile(sha256: string): Promise<FileRecord | null> {
    return (await this.pool.query<FileRecord>({ ...SQL.fileBySha, values: [sha256] })).rows[0] ?? null;
  }

  async getFileForMember(sha256: string, userId: string): Promise<(FileRecord & { name: string }) | null> {
    return (await this.pool.query<FileRecord & { name: string }>({ ...SQL.fileForMember, values: [sha256, userId] })).rows[0] ?? null;
  }
}
