/**
 * The SeriesStore part of the PostgreSQL store: recurring series, the sessions generated for them,
 * feedback check-ins and calendar feed tokens. Mirrors server/store/sqlite/SqliteSeriesRecords.ts; its
 * schema step is PG_SERIES_MIGRATION (version 4 of PG_MIGRATIONS, like SQLite's migration 4).
 */
import type pg from 'pg';
import type { FeedTokenRecord, FeedbackRecord, SeriesRecord, SeriesStore, SessionRecord } from '../types.ts';
import { iso, stmt, withTransaction } from './sqlHelpers.ts';

/** The schema step: the same tables as SQLite's migration 4, with native types. */
export const PG_SERIES_MIGRATION = {
  name: 'recurring series, feedback check-ins, calendar feed tokens',
  sql: `
    CREATE TABLE series (
      id               TEXT PRIMARY KEY,
      community_id     TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      title            TEXT NOT NULL,
      rule             TEXT NOT NULL,
      time_zone        TEXT NOT NULL,
      start_date       TEXT NOT NULL,
      start_time       TEXT NOT NULL,
      format           TEXT NOT NULL,
      duration_minutes INTEGER NOT NULL,
      created_by       TEXT NOT NULL REFERENCES users(id),
      created_at       TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX series_community ON series(community_id, created_at);

    ALTER TABLE sessions ADD COLUMN series_id TEXT REFERENCES series(id) ON DELETE SET NULL;
    CREATE UNIQUE INDEX sessions_series_start ON sessions(series_id, starts_at) WHERE series_id IS NOT NULL;

    CREATE TABLE session_feedback (
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      valuable   SMALLINT NOT NULL CHECK (valuable BETWEEN 1 AND 5),
      focus_next TEXT NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (session_id, user_id)
    );

    CREATE TABLE feed_tokens (
      token_hash   TEXT PRIMARY KEY,
      community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at   TIMESTAMPTZ NOT NULL,
      UNIQUE (community_id, user_id)
    );
  `,
} as const;

const SERIES_COLS = `id, community_id AS "communityId", title, rule, time_zone AS "timeZone", start_date AS "startDate",
  start_time AS "startTime", format, duration_minutes AS "durationMinutes", created_by AS "createdBy", ${iso('created_at')} AS "createdAt"`;
const FEEDBACK_COLS = `session_id AS "sessionId", user_id AS "userId", valuable::int AS valuable, focus_next AS "focusNext", ${iso('updated_at')} AS "updatedAt"`;

const SQL = {
  insertSeries: stmt(
    'insertSeries',
    `INSERT INTO series (id, community_id, title, rule, time_zone, start_date, start_time, format, duration_minutes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  ),
  seriesById: stmt('seriesById', `SELECT ${SERIES_COLS} FROM series WHERE community_id = $1 AND id = $2`),
  listSeries: stmt('listSeries', `SELECT ${SERIES_COLS} FROM series WHERE community_id = $1 ORDER BY created_at, id COLLATE "C"`),
  seriesForUpdate: stmt('seriesForUpdate', 'SELECT id FROM series WHERE community_id = $1 AND id = $2 FOR UPDATE'),
  deleteUpcoming: stmt('deleteUpcoming', 'DELETE FROM sessions WHERE series_id = $1 AND starts_at >= $2::timestamptz'),
  deleteSeries: stmt('deleteSeries', 'DELETE FROM series WHERE community_id = $1 AND id = $2'),
  insertSeriesSession: stmt(
    'insertSeriesSession',
    `INSERT INTO sessions (id, community_id, title, starts_at, starts_at_text, duration_minutes, format, room, created_by, created_at, series_id)
     VALUES ($1, $2, $3, $4::text::timestamptz, $4::text, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (series_id, starts_at) WHERE series_id IS NOT NULL DO NOTHING`,
  ),
  upsertFeedback: stmt(
    'upsertFeedback',
    `INSERT INTO session_feedback (session_id, user_id, valuable, focus_next, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id, user_id) DO UPDATE SET valuable = EXCLUDED.valuable, focus_next = EXCLUDED.focus_next, updated_at = EXCLUDED.updated_at`,
  ),
  listFeedback: stmt('listFeedback', `SELECT ${FEEDBACK_COLS} FROM session_feedback WHERE session_id = $1 ORDER BY updated_at, user_id COLLATE "C"`),
  deleteFeedToken: stmt('deleteFeedToken', 'DELETE FROM feed_tokens WHERE community_id = $1 AND user_id = $2'),
  insertFeedToken: stmt('insertFeedToken', 'INSERT INTO feed_tokens (token_hash, community_id, user_id, created_at) VALUES ($1, $2, $3, $4)'),
  feedToken: stmt(
    'feedToken',
    `SELECT token_hash AS "tokenHash", community_id AS "communityId", user_id AS "userId", ${iso('created_at')} AS "createdAt" FROM feed_tokens WHERE token_hash = $1`,
  ),
} as const;

/** Series, feedback and feed tokens on the store's pool. */
export class PostgresSeriesRecords implements SeriesStore {
  constructor(private readonly pool: pg.Pool) {}

  async createSeries(s: SeriesRecord): Promise<void> {
    await this.pool.query({
      ...SQL.insertSeries,
      values: [s.id, s.communityId, s.title, s.rule, s.timeZone, s.startDate, s.startTime, s.format, s.durationMinutes, s.createdBy, s.createdAt],
    });
  }

  async getSeries(communityId: string, seriesId: string): Promise<SeriesRecord | null> {
    return (await this.pool.query<SeriesRecord>({ ...SQL.seriesById, values: [communityId, seriesId] })).rows[0] ?? null;
  }

  async listSeries(communityId: string): Promise<SeriesRecord[]> {
    return (await this.pool.query<SeriesRecord>({ ...SQL.listSeries, values: [communityId] })).rows;
  }

  async deleteSeries(communityId: string, seriesId: string, sessionsFrom: string): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const found = await client.query({ ...SQL.seriesForUpdate, values: [communityId, seriesId] });
      if (!found.rowCount) return false;
      await client.query({ ...SQL.deleteUpcoming, values: [seriesId, sessionsFrom] });
      return ((await client.query({ ...SQL.deleteSeries, values: [communityId, seriesId] })).rowCount ?? 0) > 0;
    });
  }

  async addSeriesSession(s: SessionRecord & { seriesId: string }): Promise<boolean> {
    const res = await this.pool.query({
      ...SQL.insertSeriesSession,
      values: [s.id, s.communityId, s.title, s.startsAt, s.durationMinutes, s.format, s.room, s.createdBy, s.createdAt, s.seriesId],
    });
    return (res.rowCount ?? 0) > 0;
  }

  async setFeedback(f: FeedbackRecord): Promise<void> {
    await this.pool.query({ ...SQL.upsertFeedback, values: [f.sessionId, f.userId, f.valuable, f.focusNext, f.updatedAt] });
  }

  async listFeedback(sessionId: string): Promise<FeedbackRecord[]> {
    return (await this.pool.query<FeedbackRecord>({ ...SQL.listFeedback, values: [sessionId] })).rows;
  }

  async setFeedToken(t: FeedTokenRecord): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.deleteFeedToken, values: [t.communityId, t.userId] });
      await client.query({ ...SQL.insertFeedToken, values: [t.tokenHash, t.communityId, t.userId, t.createdAt] });
    });
  }

  async getFeedToken(tokenHash: string): Promise<FeedTokenRecord | null> {
    return (await this.pool.query<FeedTokenRecord>({ ...SQL.feedToken, values: [tokenHash] })).rows[0] ?? null;
  }
}
