/** The KnowledgeStore part of the PostgreSQL store: session tags and pinned items (migration 2). */
import type pg from 'pg';
import type { KnowledgeStore, PinRecord } from '../types.ts';
import { iso, stmt, withTransaction } from './sqlHelpers.ts';

const PIN_COLS = `p.id, p.community_id AS "communityId", p.session_id AS "sessionId", p.kind, p.item_id AS "itemId", p.anchor, p.excerpt,
  p.pinned_by AS "pinnedBy", ${iso('p.pinned_at')} AS "pinnedAt"`;

type PinListRow = PinRecord & { pinnedByName: string; sessionTitle: string };

const SQL = {
  deleteTags: stmt('deleteTags', 'DELETE FROM session_tags WHERE session_id = $1'),
  insertTags: stmt('insertTags', 'INSERT INTO session_tags (session_id, tag) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING'),
  sessionTags: stmt('sessionTags', 'SELECT tag FROM session_tags WHERE session_id = $1 ORDER BY tag COLLATE "C"'),
  communityTags: stmt(
    'communityTags',
    `SELECT t.session_id AS "sessionId", t.tag FROM session_tags t JOIN sessions s ON s.id = t.session_id
     WHERE s.community_id = $1 ORDER BY t.session_id COLLATE "C", t.tag COLLATE "C"`,
  ),
  insertPin: stmt(
    'insertPin',
    `INSERT INTO pins (id, community_id, session_id, kind, item_id, anchor, excerpt, pinned_by, pinned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (community_id, session_id, kind, item_id) DO NOTHING`,
  ),
  pinByItem: stmt(
    'pinByItem',
    `SELECT ${PIN_COLS} FROM pins p WHERE p.community_id = $1 AND p.session_id = $2 AND p.kind = $3 AND p.item_id = $4`,
  ),
  pinById: stmt('pinById', `SELECT ${PIN_COLS} FROM pins p WHERE p.community_id = $1 AND p.id = $2`),
  listPins: stmt(
    'listPins',
    `SELECT ${PIN_COLS}, u.name AS "pinnedByName", s.title AS "sessionTitle"
     FROM pins p JOIN users u ON u.id = p.pinned_by JOIN sessions s ON s.id = p.session_id
     WHERE p.community_id = $1 ORDER BY p.pinned_at DESC, p.seq DESC`,
  ),
  deletePin: stmt('deletePin', 'DELETE FROM pins WHERE community_id = $1 AND id = $2'),
} as const;

/** Tags and pins on the store's pool. */
export class PostgresKnowledgeRecords implements KnowledgeStore {
  constructor(private readonly pool: pg.Pool) {}

  async setSessionTags(sessionId: string, tags: string[]): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.deleteTags, values: [sessionId] });
      if (tags.length > 0) await client.query({ ...SQL.insertTags, values: [sessionId, tags] });
    });
  }

  async getSessionTags(sessionId: string): Promise<string[]> {
    return (await this.pool.query<{ tag: string }>({ ...SQL.sessionTags, values: [sessionId] })).rows.map((r) => r.tag);
  }

  async listCommunityTags(communityId: string): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    const { rows } = await this.pool.query<{ sessionId: string; tag: string }>({ ...SQL.communityTags, values: [communityId] });
    for (const r of rows) (out[r.sessionId] ??= []).push(r.tag);
    return out;
  }

  /**
   * Pinning an item that is already pinned returns the stored pin. Two statements suffice: a concurrent
   * insert of the same item makes ON CONFLICT wait for its commit, and the read after it sees that row.
   */
  async addPin(pin: PinRecord): Promise<PinRecord> {
    await this.pool.query({
      ...SQL.insertPin,
      values: [pin.id, pin.communityId, pin.sessionId, pin.kind, pin.itemId, pin.anchor, pin.excerpt, pin.pinnedBy, pin.pinnedAt],
    });
    const { rows } = await this.pool.query<PinRecord>({ ...SQL.pinByItem, values: [pin.communityId, pin.sessionId, pin.kind, pin.itemId] });
    if (!rows[0]) throw new Error(`pin ${pin.id} vanished after insert`);
    return rows[0];
  }

  async getPin(communityId: string, pinId: string): Promise<PinRecord | null> {
    return (await this.pool.query<PinRecord>({ ...SQL.pinById, values: [communityId, pinId] })).rows[0] ?? null;
  }

  async listPins(communityId: string): Promise<PinListRow[]> {
    return (await this.pool.query<PinListRow>({ ...SQL.listPins, values: [communityId] })).rows;
  }

  async deletePin(communityId: string, pinId: string): Promise<boolean> {
    return ((await this.pool.query({ ...SQL.deletePin, values: [communityId, pinId] })).rowCount ?? 0) > 0;
  }
}
