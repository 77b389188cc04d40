/**
 * Reads a room as it is stored in a SQLite data folder, through a read-only connection of its own: what
 * a restart would load (snapshot, then the log in order), without running migrations or writing
 * anything, so that checking the store between a crash and the restart cannot change what it holds.
 */
import Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { docFromParts } from './tokens.ts';

/** The room's stored document (empty if nothing is stored). Table layout: server/store/sqlite/migrations.ts. */
export function readStoredDoc(dbFile: string, room: string): Y.Doc {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const read = db.transaction(() => {
      const snapshot = db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE room = ?').get(room)?.data ?? null;
      const updates = db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY id').all(room).map((r) => r.data);
      return [snapshot, ...updates];
    });
    return docFromParts(read().map((b) => (b ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : null)));
  } finally {
    db.close();
  }
}
