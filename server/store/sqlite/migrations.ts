/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many have run;
 * `migrate` applies the missing ones in one transaction when the store opens.
 */
import type Database from 'better-sqlite3';
import { SQLITE_SERIES_MIGRATION } from './SqliteSeriesRecords.ts';
import { SQLITE_ACTIONS_MIGRATION } from './SqliteActionRecords.ts';
import { SQLITE_VERSIONS_MIGRATION } from './SqliteVersionRecords.ts';
import { SQLITE_GUESTS_MIGRATION } from './SqliteGuestRecords.ts';
import { SQLITE_RESOURCES_MIGRATION } from './SqliteResourceRecords.ts';

/** One schema step. Versions are 1, 2, 3… in array order; a shipped migration is never edited, only appended to. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, oldest first. Column names are snake_case; the store aliases them to the camelCase
 * record fields. Timestamps are ISO-8601 strings. Version 2 adds the knowledge base: the FTS5 search
 * index fed by server/knowledge, session tags and pins; 3 uploaded files; 4 recurring series, feedback
 * check-ins and calendar feed tokens (SqliteSeriesRecords.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        email         TEXT NOT NULL UNIQUE, -- stored lower-cased by the store
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX auth_sessions_expires ON auth_sessions(expires_at);
      CREATE INDEX auth_sessions_user ON auth_sessions(user_id);

      CREATE TABLE communities (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        domain       TEXT NOT NULL,
        ground_rules TEXT NOT NULL,
        visibility   TEXT NOT NULL CHECK (visibility IN ('open', 'invite')),
        created_by   TEXT NOT NULL REFERENCES users(id),
        created_at   TEXT NOT NULL
      );
      CREATE INDEX communities_created ON communities(created_at);

      CREATE TABLE memberships (
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('host', 'facilitator', 'member', 'viewer')),
        joined_at    TEXT NOT NULL,
        PRIMARY KEY (community_id, user_id)
      ) WITHOUT ROWID;
      -- listCommunities looks memberships up by user.
      CREATE INDEX memberships_user ON memberships(user_id);

      CREATE TABLE invites (
        code         TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        created_by   TEXT NOT NULL REFERENCES users(id),
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('host', 'facilitator', 'member', 'viewer'))
      );
      CREATE INDEX invites_community ON invites(community_id);

      -- No CHECK on format: new session formats should not need a table rebuild.
      CREATE TABLE sessions (
        id               TEXT PRIMARY KEY,
        community_id     TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        title            TEXT NOT NULL,
        starts_at        TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        format           TEXT NOT NULL,
        room             TEXT NOT NULL UNIQUE,
        created_by       TEXT NOT NULL REFERENCES users(id),
        created_at       TEXT NOT NULL
      );
      CREATE INDEX sessions_community ON sessions(community_id);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE doc_snapshots (
        room       TEXT PRIMARY KEY,
        data       BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- AUTOINCREMENT so ids are never reused after compaction deletes the newest rows: compaction
      -- deletes by "id <= max id read", which needs ids to grow monotonically for the life of the file.
      CREATE TABLE doc_updates (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        room       TEXT NOT NULL,
        data       BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX doc_updates_room_id ON doc_updates(room, id);
    `,
  },
  {
    version: 2,
    name: 'knowledge base: search index, session tags, pins',
    sql: `
      -- One row per searchable piece of a session; search_index (FTS5) indexes its body as external
      -- content, kept in step by the triggers below. The community filter is applied to the text's
      -- matches (measured: a community column inside the FTS index makes every query walk the whole
      -- community's posting list, ~10x slower for rare words in a community of 150,000 entries).
      CREATE TABLE search_entries (
        id           INTEGER PRIMARY KEY,
        session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        community_id TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('title', 'agenda', 'notes', 'board')),
        item_id      TEXT,
        body         TEXT NOT NULL
      );
      CREATE INDEX search_entries_session ON search_entries(session_id);

      CREATE VIRTUAL TABLE search_index USING fts5(
        body,
        content = 'search_entries', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
      END;
      CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
      END;
      CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
        INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
      END;
      -- The index's words, for typo-tolerant matching.
      CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'col');

      -- When each session was last indexed, and by which extraction version.
      CREATE TABLE search_sessions (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE session_tags (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (session_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX session_tags_tag ON session_tags(tag);

      CREATE TABLE pins (
        id           TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('notes', 'board')),
        item_id      TEXT NOT NULL,
        anchor       TEXT,
        excerpt      TEXT NOT NULL,
        pinned_by    TEXT NOT NULL REFERENCES users(id),
        pinned_at    TEXT NOT NULL,
        UNIQUE (community_id, session_id, kind, item_id)
      );
      CREATE INDEX pins_community ON pins(community_id, pinned_at);
    `,
  },
  {
    version: 3,
    name: 'uploaded files',
    sql: `
      -- One row per distinct content; the bytes are in DATA_DIR/files/ab/cd/<sha256>.
      CREATE TABLE files (
        sha256     TEXT PRIMARY KEY,
        mime       TEXT NOT NULL,
        bytes      INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Each session a file was uploaded to: who may read a file follows from these rows (members of
      -- the communities that have it).
      CREATE TABLE file_links (
        sha256       TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        uploaded_by  TEXT NOT NULL REFERENCES users(id),
        uploaded_at  TEXT NOT NULL,
        PRIMARY KEY (sha256, session_id)
      ) WITHOUT ROWID;
      CREATE INDEX file_links_community ON file_links(community_id, sha256);
    `,
  },
  {
    version: 4,
    name: 'recurring series, feedback check-ins, calendar feed tokens',
    sql: SQLITE_SERIES_MIGRATION,
  },
  // Slots reserved for the parts being built in parallel; each is replaced by its module's migration.
  { version: 5, name: 'resource library', sql: SQLITE_RESOURCES_MIGRATION },
  { version: 6, name: 'session versions and last-seen marks', sql: SQLITE_VERSIONS_MIGRATION },
  { version: 7, name: 'decisions and actions', sql: SQLITE_ACTIONS_MIGRATION },
  // Audience mode lives in each session's control room: only guest links need tables.
  { version: 8, name: 'guest links and audience mode', sql: SQLITE_GUESTS_MIGRATION },
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to SCHEMA_VERSION. Runs in one IMMEDIATE transaction, so two processes opening
 * the same file cannot both migrate, and a failing step leaves the previous version intact. Refuses a
 * database written by newer code rather than guessing at its schema.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} has version ${m.version}, expected ${i + 1}`);
  });
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
    }
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      // user_version lives in the file header and is covered by the transaction.
      db.pragma(`user_version = ${m.version}`);
    }
    return migrations.length;
  });
  return run.immediate();
}
