/** The KnowledgeStore part of the SQLite store: session tags and pinned items (migration 2). */
import type Database from 'better-sqlite3';
import type { KnowledgeStore, PinRecord } from '../types.ts';

const PIN_COLS =
  'p.id, p.community_id AS communityId, p.session_id AS sessionId, p.kind, p.item_id AS itemId, p.anchor, p.excerpt, p.pinned_by AS pinnedBy, p.pinned_at AS pinnedAt';

type PinListRow = PinRecord & { pinnedByName: string; sessionTitle: string };

function prepare(db: Database.Database) {
  return {
    deleteTags: db.prepare<[string]>('DELETE FROM session_tags WHERE session_id = ?'),
    insertTag: db.prepare<[string, string]>('INSERT OR IGNORE INTO session_tags (session_id, tag) VALUES (?, ?)'),
    sessionTags: db.prepare<[string], { tag: string }>('SELECT tag FROM session_tags WHERE session_id = ? ORDER BY tag'),
    communityTags: db.prepare<[string], { sessionId: string; tag: string }>(
      `SELECT t.session_id AS sessionId, t.tag FROM session_tags t JOIN sessions s ON s.id = t.session_id
       WHERE s.community_id = ? ORDER BY t.session_id, t.tag`,
    ),
    insertPin: db.prepare<[PinRecord]>(
      `INSERT INTO pins (id, community_id, session_id, kind, item_id, anchor, excerpt, pinned_by, pinned_at)
       VALUES (@id, @communityId, @sessionId, @kind, @itemId, @anchor, @excerpt, @pinnedBy, @pinnedAt)
       ON CONFLICT (community_id, session_id, kind, item_id) DO NOTHING`,
    ),
    pinByItem: db.prepare<[string, string, string, string], PinRecord>(
      `SELECT ${PIN_COLS} FROM pins p WHERE p.community_id = ? AND p.session_id = ? AND p.kind = ? AND p.item_id = ?`,
    ),
    pinById: db.prepare<[string, string], PinRecord>(`SELECT ${PIN_COLS} FROM pins p WHERE p.community_id = ? AND p.id = ?`),
    listPins: db.prepare<[string], PinListRow>(
      `SELECT ${PIN_COLS}, u.name AS pinnedByName, s.title AS sessionTitle
       FROM pins p JOIN users u ON u.id = p.pinned_by JOIN sessions s ON s.id = p.session_id
       WHERE p.community_id = ? ORDER BY p.pinned_at DESC, p.rowid DESC`,
    ),
    deletePin: db.prepare<[string, string]>('DELETE FROM pins WHERE community_id = ? AND id = ?'),
  };
}

/** Tags and pins on the store's connection. */
export class SqliteKnowledgeRecords implements KnowledgeStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly setTagsTx: (sessionId: string, tags: string[]) => void;
  private readonly addPinTx: (pin: PinRecord) => PinRecord;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.setTagsTx = db.transaction((sessionId: string, tags: string[]) => {
      s.deleteTags.run(sessionId);
      for (const tag of tags) s.insertTag.run(sessionId, tag);
    });
    this.addPinTx = db.transaction((pin: PinRecord) => {
      s.insertPin.run(pin);
      const stored = s.pinByItem.get(pin.communityId, pin.sessionId, pin.kind, pin.itemId);
      if (!stored) throw new Error(`pin ${pin.id} vanished after insert`);
      return stored;
    });
  }

  async setSessionTags(sessionId: string, tags: string[]): Promise<void> {
    this.setTagsTx(sessionId, tags);
  }

  async getSessionTags(sessionId: string): Promise<string[]> {
    return this.stmt.sessionTags.all(sessionId).map((r) => r.tag);
  }

  async listCommunityTags(communityId: string): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const r of this.stmt.communityTags.all(communityId)) (out[r.sessionId] ??= []).push(r.tag);
    return out;
  }

  async addPin(pin: PinRecord): Promise<PinRecord> {
    return this.addPinTx(pin);
  }

  async getPin(communityId: string, pinId: string): Promise<PinRecord | null> {
    return this.stmt.pinById.get(communityId, pinId) ?? null;
  }

  async listPins(communityId: string): Promise<PinListRow[]> {
    return this.stmt.listPins.all(communityId);
  }

  async deletePin(communityId: string, pinId: string): Promise<boolean> {
    return this.stmt.deletePin.run(communityId, pinId).changes > 0;
  }
}
