/** The FileStore part of the SQLite store: uploaded files and the sessions they were uploaded to (migration 3). */
import type Database from 'better-sqlite3';
import type { FileLinkRecord, FileRecord, FileStore } from '../types.ts';

const FILE_COLS = 'f.sha256, f.mime, f.bytes, f.created_at AS createdAt';

function prepare(db: Database.Database) {
  return {
    insertFile: db.prepare<[FileRecord]>(
      `INSERT INTO files (sha256, mime, bytes, created_at) VALUES (@sha256, @mime, @bytes, @createdAt)
       ON CONFLICT (sha256) DO NOTHING`,
    ),
    upsertLink: db.prepare<[FileLinkRecord]>(
      `INSERT INTO file_links (sha256, community_id, session_id, name, uploaded_by, uploaded_at)
       VALUES (@sha256, @communityId, @sessionId, @name, @uploadedBy, @uploadedAt)
       ON CONFLICT (sha256, session_id) DO UPDATE SET name = excluded.name, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`,
    ),
    fileBySha: db.prepare<[string], FileRecord>(`SELECT ${FILE_COLS} FROM files f WHERE f.sha256 = ?`),
    fileForMember: db.prepare<[string, string], FileRecord & { name: string }>(
      `SELECT ${FILE_COLS}, l.name FROM file_links l
       JOIN files f ON f.sha256 = l.sha256
       JOIN memberships m ON m.community_id = l.community_id AND m.user_id = ?
       WHERE l.sha256 = ?
       ORDER BY l.uploaded_at DESC, l.session_id
       LIMIT 1`,
    ),
  };
}

/** Files on the store's connection. */
export class SqliteFileRecords implements FileStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly addTx: (file: FileRecord, link: FileLinkRecord) => void;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.addTx = db.transaction((file: FileRecord, link: FileLinkRecord) => {
      s.insertFile.run(file);
      s.upsertLink.run(link);
    });
  }

  async addFile(file: FileRecord, link: FileLinkRecord): Promise<void> {
    if (file.sha256 !== link.sha256) throw new Error('the link must be for the same file');
    this.addTx(file, link);
  }

  async getFile(sha256: string): Promise<FileRecord | null> {
    return this.stmt.fileBySha.get(sha256) ?? null;
  }

  async getFileForMember(sha256: string, userId: string): Promise<(FileRecord & { name: string }) | null> {
    return this.stmt.fileForMember.get(userId, sha256) ?? null;
  }
}
