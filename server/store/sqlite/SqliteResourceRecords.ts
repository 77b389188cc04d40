/**
 * The ResourceStore part of the SQLite store: the community resource library (migration 5). Resources
 * are unique per (community, key); each place a resource is shared is one occurrence row, replaced per
 * session by the knowledge indexer.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { aggregateResources, planSessionOccurrences, type ResourceOccurrenceRow, type StoredSessionOccurrence } from '../resourceListing.ts';
import type { DirectResource, ResourceListing, ResourceOccurrence, ResourceStore, StoredDirectResource } from '../types.ts';

/** Schema step 5: resources and where they were shared. */
export const SQLITE_RESOURCES_MIGRATION = `
  CREATE TABLE resources (
    id            TEXT PRIMARY KEY,
    community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    key           TEXT NOT NULL, -- normalised URL, or sha256:<hash> for an uploaded file
    kind          TEXT NOT NULL CHECK (kind IN ('link', 'file')),
    url           TEXT NOT NULL,
    title         TEXT NOT NULL,
    sha256        TEXT,
    note          TEXT NOT NULL DEFAULT '',
    first_seen_at TEXT NOT NULL,
    UNIQUE (community_id, key)
  );

  -- session_id is NULL for direct additions (item_id is then the adder's id). shared_by is not a
  -- foreign key: board items carry whatever id their writer set (a guest's, a foreign client's).
  CREATE TABLE resource_occurrences (
    resource_id  TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    session_id   TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    place        TEXT NOT NULL CHECK (place IN ('board', 'notes', 'direct')),
    item_id      TEXT NOT NULL,
    shared_by    TEXT,
    seen_at      TEXT NOT NULL
  );
  CREATE INDEX resource_occurrences_community ON resource_occurrences(community_id);
  CREATE INDEX resource_occurrences_session ON resource_occurrences(session_id);
  CREATE INDEX resource_occurrences_resource ON resource_occurrences(resource_id);
  CREATE UNIQUE INDEX resource_occurrences_direct ON resource_occurrences(resource_id, item_id) WHERE place = 'direct';
`;

interface UpsertParams {
  id: string;
  communityId: string;
  key: string;
  kind: string;
  url: string;
  title: string;
  sha256: string | null;
  note: string;
  seenAt: string;
}

interface OccurrenceParams {
  resourceId: string;
  communityId: string;
  sessionId: string | null;
  place: string;
  itemId: string;
  sharedBy: string | null;
  seenAt: string;
}

function prepare(db: Database.Database) {
  return {
    // A title or note is only filled in where there was none: the first one given stays.
    upsertResource: db.prepare<[UpsertParams], { id: string }>(
      `INSERT INTO resources (id, community_id, key, kind, url, title, sha256, note, first_seen_at)
       VALUES (@id, @communityId, @key, @kind, @url, @title, @sha256, @note, @seenAt)
       ON CONFLICT (community_id, key) DO UPDATE SET
         title = CASE WHEN resources.title = '' THEN excluded.title ELSE resources.title END,
         note = CASE WHEN resources.note = '' THEN excluded.note ELSE resources.note END
       RETURNING id`,
    ),
    sessionOccurrences: db.prepare<[string], StoredSessionOccurrence>(
      `SELECT o.resource_id AS resourceId, r.key, o.place, o.item_id AS itemId, o.seen_at AS seenAt
       FROM resource_occurrences o JOIN resources r ON r.id = o.resource_id WHERE o.session_id = ?`,
    ),
    deleteSessionOccurrences: db.prepare<[string]>('DELETE FROM resource_occurrences WHERE session_id = ?'),
    insertOccurrence: db.prepare<[OccurrenceParams]>(
      `INSERT INTO resource_occurrences (resource_id, community_id, session_id, place, item_id, shared_by, seen_at)
       VALUES (@resourceId, @communityId, @sessionId, @place, @itemId, @sharedBy, @seenAt)
       ON CONFLICT DO NOTHING`,
    ),
    deleteIfOrphan: db.prepare<[string]>(
      `DELETE FROM resources WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM resource_occurrences o WHERE o.resource_id = resources.id)`,
    ),
    listRows: db.prepare<[string], ResourceOccurrenceRow>(
      `SELECT r.id AS resourceId, r.community_id AS communityId, r.key, r.kind, r.url, r.title, r.sha256, r.note,
              r.first_seen_at AS firstSeenAt, o.place, o.session_id AS sessionId, s.title AS sessionTitle,
              s.starts_at AS sessionStartsAt, o.shared_by AS sharedBy, u.name AS sharedByName, o.seen_at AS seenAt
       FROM resource_occurrences o
       JOIN resources r ON r.id = o.resource_id
       LEFT JOIN sessions s ON s.id = o.session_id
       LEFT JOIN users u ON u.id = o.shared_by
       WHERE o.community_id = ?`,
    ),
    listDirect: db.prepare<[string], StoredDirectResource>(
      `SELECT r.community_id AS communityId, r.key, r.url, r.title, r.note, o.item_id AS addedBy, u.name AS addedByName, o.seen_at AS addedAt
       FROM resource_occurrences o
       JOIN resources r ON r.id = o.resource_id
       LEFT JOIN users u ON u.id = o.item_id
       WHERE o.community_id = ? AND o.place = 'direct'
       ORDER BY o.seen_at, r.key, o.item_id`,
    ),
  };
}

/** The resource library on the store's connection. */
export class SqliteResourceRecords implements ResourceStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly replaceTx: (communityId: string, sessionId: string, items: ResourceOccurrence[], indexedAt: string) => void;
  private readonly addTx: (r: DirectResource) => string;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.replaceTx = db.transaction((communityId: string, sessionId: string, items: ResourceOccurrence[], indexedAt: string) => {
      const plan = planSessionOccurrences(s.sessionOccurrences.all(sessionId), items, indexedAt);
      s.deleteSessionOccurrences.run(sessionId);
      for (const item of plan.writes) {
        const { id } = s.upsertResource.get({ id: randomUUID(), communityId, key: item.key, kind: item.kind, url: item.url, title: item.title, sha256: item.sha256, note: '', seenAt: item.seenAt })!;
        s.insertOccurrence.run({ resourceId: id, communityId, sessionId, place: item.place, itemId: item.itemId, sharedBy: item.sharedBy, seenAt: item.seenAt });
      }
      for (const resourceId of plan.maybeOrphaned) s.deleteIfOrphan.run(resourceId);
    });
    this.addTx = db.transaction((r: DirectResource) => {
      const { id } = s.upsertResource.get({ id: randomUUID(), communityId: r.communityId, key: r.key, kind: 'link', url: r.url, title: r.title, sha256: null, note: r.note, seenAt: r.addedAt })!;
      s.insertOccurrence.run({ resourceId: id, communityId: r.communityId, sessionId: null, place: 'direct', itemId: r.addedBy, sharedBy: r.addedBy, seenAt: r.addedAt });
      return id;
    });
  }

  async replaceSessionResources(communityId: string, sessionId: string, items: ResourceOccurrence[], indexedAt: string): Promise<void> {
    this.replaceTx(communityId, sessionId, items, indexedAt);
  }

  async addDirect(resource: DirectResource): Promise<string> {
    return this.addTx(resource);
  }

  async listDirect(communityId: string): Promise<StoredDirectResource[]> {
    return this.stmt.listDirect.all(communityId);
  }

  async listResources(communityId: string): Promise<ResourceListing[]> {
    return aggregateResources(this.stmt.listRows.all(communityId));
  }
}
