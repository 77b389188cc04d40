/**
 * The ResourceStore part of the PostgreSQL store: the community resource library. Mirrors
 * server/store/sqlite/SqliteResourceRecords.ts; its schema step is PG_RESOURCES_MIGRATION (version 5).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { aggregateResources, planSessionOccurrences, type ResourceOccurrenceRow, type StoredSessionOccurrence } from '../resourceListing.ts';
import type { DirectResource, ResourceListing, ResourceOccurrence, ResourceStore, StoredDirectResource } from '../types.ts';
import { iso, stmt, withTransaction } from './sqlHelpers.ts';

/** The schema step: the same tables as SQLite's migration 5, with native types. */
export const PG_RESOURCES_MIGRATION = {
  name: 'resource library',
  sql: `
    CREATE TABLE resources (
      id            TEXT PRIMARY KEY,
      community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      key           TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('link', 'file')),
      url           TEXT NOT NULL,
      title         TEXT NOT NULL,
      sha256        TEXT,
      note          TEXT NOT NULL DEFAULT '',
      first_seen_at TIMESTAMPTZ NOT NULL,
      UNIQUE (community_id, key)
    );
    CREATE TABLE resource_occurrences (
      resource_id  TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
      community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      session_id   TEXT REFERENCES sessions(id) ON DELETE CASCADE,
      place        TEXT NOT NULL CHECK (place IN ('board', 'notes', 'direct')),
      item_id      TEXT NOT NULL,
      shared_by    TEXT,
      seen_at      TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX resource_occurrences_community ON resource_occurrences(community_id);
    CREATE INDEX resource_occurrences_session ON resource_occurrences(session_id);
    CREATE INDEX resource_occurrences_resource ON resource_occurrences(resource_id);
    CREATE UNIQUE INDEX resource_occurrences_direct ON resource_occurrences(resource_id, item_id) WHERE place = 'direct';
  `,
} as const;

const SQL = {
  // Serialises re-indexing of one session across nodes.
  lockSession: stmt('resLockSession', 'SELECT id FROM sessions WHERE id = $1 FOR UPDATE'),
  upsertResource: stmt(
    'resUpsert',
    `INSERT INTO resources (id, community_id, key, kind, url, title, sha256, note, first_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (community_id, key) DO UPDATE SET
       title = CASE WHEN resources.title = '' THEN EXCLUDED.title ELSE resources.title END,
       note = CASE WHEN resources.note = '' THEN EXCLUDED.note ELSE resources.note END
     RETURNING id`,
  ),
  sessionOccurrences: stmt(
    'resSessionOccurrences',
    `SELECT o.resource_id AS "resourceId", r.key, o.place, o.item_id AS "itemId", ${iso('o.seen_at')} AS "seenAt"
     FROM resource_occurrences o JOIN resources r ON r.id = o.resource_id WHERE o.session_id = $1`,
  ),
  deleteSessionOccurrences: stmt('resDeleteSession', 'DELETE FROM resource_occurrences WHERE session_id = $1'),
  insertOccurrence: stmt(
    'resInsertOccurrence',
    `INSERT INTO resource_occurrences (resource_id, community_id, session_id, place, item_id, shared_by, seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
  ),
  deleteIfOrphan: stmt(
    'resDeleteOrphan',
    'DELETE FROM resources WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM resource_occurrences o WHERE o.resource_id = resources.id)',
  ),
  listRows: stmt(
    'resListRows',
    `SELECT r.id AS "resourceId", r.community_id AS "communityId", r.key, r.kind, r.url, r.title, r.sha256, r.note,
            ${iso('r.first_seen_at')} AS "firstSeenAt", o.place, o.session_id AS "sessionId", s.title AS "sessionTitle",
            s.starts_at_text AS "sessionStartsAt", o.shared_by AS "sharedBy", u.name AS "sharedByName", ${iso('o.seen_at')} AS "seenAt"
     FROM resource_occurrences o
     JOIN resources r ON r.id = o.resource_id
     LEFT JOIN sessions s ON s.id = o.session_id
     LEFT JOIN users u ON u.id = o.shared_by
     WHERE o.community_id = $1`,
  ),
  listDirect: stmt(
    'resListDirect',
    `SELECT r.community_id AS "communityId", r.key, r.url, r.title, r.note, o.item_id AS "addedBy", u.name AS "addedByName", ${iso('o.seen_at')} AS "addedAt"
     FROM resource_occurrences o
     JOIN resources r ON r.id = o.resource_id
     LEFT JOIN users u ON u.id = o.item_id
     WHERE o.community_id = $1 AND o.place = 'direct'
     ORDER BY o.seen_at, r.key COLLATE "C", o.item_id COLLATE "C"`,
  ),
} as const;

/** The resource library on the store's pool. */
export class PostgresResourceRecords implements ResourceStore {
  constructor(private readonly pool: pg.Pool) {}

  async replaceSessionResources(communityId: string, sessionId: string, items: ResourceOccurrence[], indexedAt: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.lockSession, values: [sessionId] });
      const previous = (await client.query<StoredSessionOccurrence>({ ...SQL.sessionOccurrences, values: [sessionId] })).rows;
      const plan = planSessionOccurrences(previous, items, indexedAt);
      await client.query({ ...SQL.deleteSessionOccurrences, values: [sessionId] });
      for (const item of plan.writes) {
        const res = await client.query<{ id: string }>({
          ...SQL.upsertResource,
          values: [randomUUID(), communityId, item.key, item.kind, item.url, item.title, item.sha256, '', item.seenAt],
        });
        await client.query({ ...SQL.insertOccurrence, values: [res.rows[0]!.id, communityId, sessionId, item.place, item.itemId, item.sharedBy, item.seenAt] });
      }
      for (const resourceId of plan.maybeOrphaned) await client.query({ ...SQL.deleteIfOrphan, values: [resourceId] });
    });
  }

  async addDirect(r: DirectResource): Promise<string> {
    return withTransaction(this.pool, async (client) => {
      const res = await client.query<{ id: string }>({
        ...SQL.upsertResource,
        values: [randomUUID(), r.communityId, r.key, 'link', r.url, r.title, null, r.note, r.addedAt],
      });
      const id = res.rows[0]!.id;
      await client.query({ ...SQL.insertOccurrence, values: [id, r.communityId, null, 'direct', r.addedBy, r.addedBy, r.addedAt] });
      return id;
    });
  }

  async listDirect(communityId: string): Promise<StoredDirectResource[]> {
    return (await this.pool.query<StoredDirectResource>({ ...SQL.listDirect, values: [communityId] })).rows;
  }

  async listResources(communityId: string): Promise<ResourceListing[]> {
    return aggregateResources((await this.pool.query<ResourceOccurrenceRow>({ ...SQL.listRows, values: [communityId] })).rows);
  }
}
