/**
 * The PostgreSQL schema as an ordered list of versioned migrations, and `migrate`, which applies the
 * missing ones at start-up. Several nodes may start at once: each step runs under one advisory lock.
 */
import type { Pool, PoolClient } from 'pg';
import { PG_FILES_MIGRATION } from './PostgresFileRecords.ts';
import { PG_SERIES_MIGRATION } from './PostgresSeriesRecords.ts';
import { PG_ACTIONS_MIGRATION } from './PostgresActionRecords.ts';
import { PG_VERSIONS_MIGRATION } from './PostgresVersionRecords.ts';
import { PG_GUESTS_MIGRATION } from './PostgresGuestRecords.ts';
import { PG_RESOURCES_MIGRATION } from './PostgresResourceRecords.ts';

/** One schema step. Versions are 1, 2, 3… in array order; a shipped migration is never edited, only appended to. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Key of the transaction-level advisory lock every migration step takes (any constant unique to this
 * app; the single-bigint key space does not overlap the two-int one used for per-room locks).
 */
export const MIGRATION_LOCK_KEY = 7_043_581_209_133;

/**
 * Every migration, oldest first. Mirrors the SQLite schema (server/store/sqlite/migrations.ts) with
 * native types: instants are timestamptz, document bytes BYTEA, ids of the update log an identity.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        email         TEXT NOT NULL UNIQUE, -- stored lower-cased by the store
        password_hash TEXT NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL
      );

      CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX auth_sessions_expires ON auth_sessions(expires_at);
      CREATE INDEX auth_sessions_user ON auth_sessions(user_id);

      -- seq stands in for SQLite's rowid: listCommunities breaks created_at ties by insertion order.
      CREATE TABLE communities (
        id           TEXT PRIMARY KEY,
        seq          BIGINT GENERATED ALWAYS AS IDENTITY,
        name         TEXT NOT NULL,
        domain       TEXT NOT NULL,
        ground_rules TEXT NOT NULL,
        visibility   TEXT NOT NULL CHECK (visibility IN ('open', 'invite')),
        created_by   TEXT NOT NULL REFERENCES users(id),
        created_at   TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX communities_created ON communities(created_at);

      CREATE TABLE memberships (
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('host', 'facilitator', 'member', 'viewer')),
        joined_at    TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (community_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);

      CREATE TABLE invites (
        code         TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        created_by   TEXT NOT NULL REFERENCES users(id),
        created_at   TIMESTAMPTZ NOT NULL,
        expires_at   TIMESTAMPTZ NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('host', 'facilitator', 'member', 'viewer'))
      );
      CREATE INDEX invites_community ON invites(community_id);

      -- starts_at is the instant (ordering, range queries); starts_at_text keeps the value as written,
      -- UTC offset included, because the organiser's offset is information the UI may show.
      CREATE TABLE sessions (
        id               TEXT PRIMARY KEY,
        community_id     TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        title            TEXT NOT NULL,
        starts_at        TIMESTAMPTZ NOT NULL,
        starts_at_text   TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        format           TEXT NOT NULL,
        room             TEXT NOT NULL UNIQUE,
        created_by       TEXT NOT NULL REFERENCES users(id),
        created_at       TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX sessions_community ON sessions(community_id, starts_at);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE doc_snapshots (
        room       TEXT PRIMARY KEY,
        data       BYTEA NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );

      -- Identity ids only order a room's log; compaction deletes exactly the rows it merged, never by
      -- id range (ids are assigned at insert, not at commit, so a range could cover a late commit).
      CREATE TABLE doc_updates (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        room       TEXT NOT NULL,
        data       BYTEA NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX doc_updates_room_id ON doc_updates(room, id);
    `,
  },
  {
    version: 2,
    name: 'knowledge base: search index, session tags, pins',
    sql: `
      -- One row per searchable piece of a session. The store normalises words itself (the same code as
      -- query words: accents dropped, lower case) and writes tsv as a literal tsvector, so matching never
      -- depends on the server's text-search configuration, locale or extensions.
      CREATE TABLE search_entries (
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        community_id TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('title', 'agenda', 'notes', 'board')),
        item_id      TEXT,
        body         TEXT NOT NULL,
        tsv          TSVECTOR NOT NULL
      );
      CREATE INDEX search_entries_session ON search_entries(session_id);
      CREATE INDEX search_entries_community ON search_entries(community_id);
      CREATE INDEX search_entries_tsv ON search_entries USING GIN (tsv);

      -- Every word ever indexed, for typo-tolerant matching; seq lets each node fetch only new words.
      CREATE TABLE search_words (
        word TEXT PRIMARY KEY,
        seq  BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX search_words_seq ON search_words(seq);

      -- When each session was last indexed, and by which extraction version.
      CREATE TABLE search_sessions (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        indexed_at TIMESTAMPTZ NOT NULL
      );

      CREATE TABLE session_tags (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (session_id, tag)
      );
      CREATE INDEX session_tags_tag ON session_tags(tag);

      -- seq stands in for SQLite's rowid: listPins breaks pinned_at ties by insertion order.
      CREATE TABLE pins (
        id           TEXT PRIMARY KEY,
        seq          BIGINT GENERATED ALWAYS AS IDENTITY,
        community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('notes', 'board')),
        item_id      TEXT NOT NULL,
        anchor       TEXT,
        excerpt      TEXT NOT NULL,
        pinned_by    TEXT NOT NULL REFERENCES users(id),
        pinned_at    TIMESTAMPTZ NOT NULL,
        UNIQUE (community_id, session_id, kind, item_id)
      );
      CREATE INDEX pins_community ON pins(community_id, pinned_at);
    `,
  },
  { version: 3, ...PG_FILES_MIGRATION },
  { version: 4, ...PG_SERIES_MIGRATION },
  // Slots reserved for the parts being built in parallel; each is replaced by its module's migration.
  { version: 5, ...PG_RESOURCES_MIGRATION },
  { version: 6, ...PG_VERSIONS_MIGRATION },
  { version: 7, ...PG_ACTIONS_MIGRATION },
  // Audience mode lives in each session's control room: only guest links need tables.
  { version: 8, ...PG_GUESTS_MIGRATION },
];

/** The schema version this code expects. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/**
 * Brings the database up to the latest version and returns how many steps this call applied. Each step
 * runs in its own transaction that first takes MIGRATION_LOCK_KEY and then re-reads the version, so
 * nodes starting together wait for each other and each step runs exactly once; a failing step rolls
 * back alone. Refuses a database migrated by newer code rather than guessing at its schema.
 */
export async function migrate(pool: Pool, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} has version ${m.version}, expected ${i + 1}`);
  });
  const client = await pool.connect();
  let applied = 0;
  let failed = false;
  try {
    for (;;) {
      const step = await inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        // Under the lock, so two nodes never race on creating it.
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version    INTEGER PRIMARY KEY,
          name       TEXT NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )`);
        const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
        const current = rows[0]!.v;
        if (current > migrations.length) {
          throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
        }
        const next = migrations[current];
        if (!next) return null;
        await client.query(next.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [next.version, next.name]);
        return next;
      });
      if (!step) return applied;
      applied++;
    }
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    // A connection that saw an error is discarded rather than handed back in an unknown state.
    client.release(failed);
  }
}
