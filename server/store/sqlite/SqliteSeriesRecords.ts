/**
 * The SeriesStore part of the SQLite store: recurring series, the sessions generated for them, feedback
 * check-ins and calendar feed tokens (migration 4).
 */
import type Database from 'better-sqlite3';
import type { FeedTokenRecord, FeedbackRecord, SeriesRecord, SeriesStore, SessionRecord } from '../types.ts';

/** Schema step 4. Sessions gain a nullable series_id; a series has at most one session per start instant. */
export const SQLITE_SERIES_MIGRATION = `
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
    created_at       TEXT NOT NULL
  );
  CREATE INDEX series_community ON series(community_id, created_at);

  ALTER TABLE sessions ADD COLUMN series_id TEXT REFERENCES series(id) ON DELETE SET NULL;
  -- Generated sessions' starts_at is always toISOString(), so the text identifies the instant.
  CREATE UNIQUE INDEX sessions_series_start ON sessions(series_id, starts_at) WHERE series_id IS NOT NULL;

  CREATE TABLE session_feedback (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    valuable   INTEGER NOT NULL CHECK (valuable BETWEEN 1 AND 5),
    focus_next TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, user_id)
  ) WITHOUT ROWID;

  CREATE TABLE feed_tokens (
    token_hash   TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    UNIQUE (community_id, user_id)
  );
`;

const SERIES_COLS = `id, community_id AS communityId, title, rule, time_zone AS timeZone, start_date AS startDate,
  start_time AS startTime, format, duration_minutes AS durationMinutes, created_by AS createdBy, created_at AS createdAt`;
const FEEDBACK_COLS = 'session_id AS sessionId, user_id AS userId, valuable, focus_next AS focusNext, updated_at AS updatedAt';

function prepare(db: Database.Database) {
  return {
    insertSeries: db.prepare<[SeriesRecord]>(
      `INSERT INTO series (id, community_id, title, rule, time_zone, start_date, start_time, format, duration_minutes, created_by, created_at)
       VALUES (@id, @communityId, @title, @rule, @timeZone, @startDate, @startTime, @format, @durationMinutes, @createdBy, @createdAt)`,
    ),
    seriesById: db.prepare<[string, string], SeriesRecord>(`SELECT ${SERIES_COLS} FROM series WHERE community_id = ? AND id = ?`),
    listSeries: db.prepare<[string], SeriesRecord>(`SELECT ${SERIES_COLS} FROM series WHERE community_id = ? ORDER BY created_at, id`),
    deleteUpcoming: db.prepare<[string, string]>('DELETE FROM sessions WHERE series_id = ? AND julianday(starts_at) >= julianday(?)'),
    deleteSeries: db.prepare<[string, string]>('DELETE FROM series WHERE community_id = ? AND id = ?'),
    insertSeriesSession: db.prepare<[SessionRecord & { seriesId: string }]>(
      `INSERT INTO sessions (id, community_id, title, starts_at, duration_minutes, format, room, created_by, created_at, series_id)
       VALUES (@id, @communityId, @title, @startsAt, @durationMinutes, @format, @room, @createdBy, @createdAt, @seriesId)
       ON CONFLICT (series_id, starts_at) WHERE series_id IS NOT NULL DO NOTHING`,
    ),
    upsertFeedback: db.prepare<[FeedbackRecord]>(
      `INSERT INTO session_feedback (session_id, user_id, valuable, focus_next, updated_at)
       VALUES (@sessionId, @userId, @valuable, @focusNext, @updatedAt)
       ON CONFLICT (session_id, user_id) DO UPDATE SET valuable = excluded.valuable, focus_next = excluded.focus_next, updated_at = excluded.updated_at`,
    ),
    listFeedback: db.prepare<[string], FeedbackRecord>(`SELECT ${FEEDBACK_COLS} FROM session_feedback WHERE session_id = ? ORDER BY updated_at, user_id`),
    deleteFeedToken: db.prepare<[string, string]>('DELETE FROM feed_tokens WHERE community_id = ? AND user_id = ?'),
    insertFeedToken: db.prepare<[FeedTokenRecord]>(
      'INSERT INTO feed_tokens (token_hash, community_id, user_id, created_at) VALUES (@tokenHash, @communityId, @userId, @createdAt)',
    ),
    feedToken: db.prepare<[string], FeedTokenRecord>(
      'SELECT token_hash AS tokenHash, community_id AS communityId, user_id AS userId, created_at AS createdAt FROM feed_tokens WHERE token_hash = ?',
    ),
  };
}

/** Series, feedback and feed tokens on the store's connection. */
export class SqliteSeriesRecords implements SeriesStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly deleteTx: (communityId: string, seriesId: string, from: string) => boolean;
  private readonly tokenTx: (t: FeedTokenRecord) => void;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.deleteTx = db.transaction((communityId: string, seriesId: string, from: string) => {
      if (!s.seriesById.get(communityId, seriesId)) return false;
      s.deleteUpcoming.run(seriesId, from);
      return s.deleteSeries.run(communityId, seriesId).changes > 0;
    });
    this.tokenTx = db.transaction((t: FeedTokenRecord) => {
      s.deleteFeedToken.run(t.communityId, t.userId);
      s.insertFeedToken.run(t);
    });
  }

  async createSeries(series: SeriesRecord): Promise<void> {
    this.stmt.insertSeries.run(series);
  }

  async getSeries(communityId: string, seriesId: string): Promise<SeriesRecord | null> {
    return this.stmt.seriesById.get(communityId, seriesId) ?? null;
  }

  async listSeries(communityId: string): Promise<SeriesRecord[]> {
    return this.stmt.listSeries.all(communityId);
  }

  async deleteSeries(communityId: string, seriesId: string, sessionsFrom: string): Promise<boolean> {
    return this.deleteTx(communityId, seriesId, sessionsFrom);
  }

  async addSeriesSession(session: SessionRecord & { seriesId: string }): Promise<boolean> {
    return this.stmt.insertSeriesSession.run(session).changes > 0;
  }

  async setFeedback(feedback: FeedbackRecord): Promise<void> {
    this.stmt.upsertFeedback.run(feedback);
  }

  async listFeedback(sessionId: string): Promise<FeedbackRecord[]> {
    return this.stmt.listFeedback.all(sessionId);
  }

  async setFeedToken(token: FeedTokenRecord): Promise<void> {
    this.tokenTx(token);
  }

  async getFeedToken(tokenHash: string): Promise<FeedTokenRecord | null> {
    return this.stmt.feedToken.get(tokenHash) ?? null;
  }
}
