/**
 * The ActionStore part of the PostgreSQL store: decisions and actions, end-of-session summaries and
 * carry-forward claims. Mirrors server/store/sqlite/SqliteActionRecords.ts; its schema step is
 * PG_ACTIONS_MIGRATION (version 7 of PG_MIGRATIONS, like SQLite's migration 7).
 */
import type pg from 'pg';
import type { ActionStatus, SessionActions, SessionSummary } from '../../../shared/knowledge/actions.ts';
import type { ActionStore, StoredAction, StoredDecision } from '../types.ts';
import { actionInsertRows, decisionFromRow, type ActionRow } from '../recordRows.ts';
import { iso, stmt, withTransaction } from './sqlHelpers.ts';

/** The schema step: the same tables as SQLite's migration 7, with native types. */
export const PG_ACTIONS_MIGRATION = {
  name: 'decisions and actions',
  sql: `
    CREATE TABLE session_actions (
      session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      community_id  TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL CHECK (kind IN ('action', 'decision')),
      position      INTEGER NOT NULL,
      block_id      TEXT NOT NULL,
      anchor        TEXT,
      text          TEXT NOT NULL,
      assignee      TEXT,
      assignee_name TEXT,
      due           TEXT,
      done          BOOLEAN NOT NULL DEFAULT false,
      PRIMARY KEY (session_id, kind, position)
    );
    CREATE INDEX session_actions_community ON session_actions(community_id, kind, done);

    CREATE TABLE session_summaries (
      session_id   TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
      community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
      ended_at     TIMESTAMPTZ NOT NULL,
      data         JSONB NOT NULL
    );

    CREATE TABLE carry_forwards (
      session_id      TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
      from_session_id TEXT NOT NULL,
      created_at      TIMESTAMPTZ NOT NULL
    );
  `,
} as const;

type Row = ActionRow<boolean>;

const COLS = `a.session_id AS "sessionId", s.title AS "sessionTitle", s.starts_at_text AS "sessionStartsAt", a.position, a.block_id AS "blockId",
  a.anchor, a.text, a.assignee, a.assignee_name AS "assigneeName", a.due, a.done`;
const FROM = 'FROM session_actions a JOIN sessions s ON s.id = a.session_id';

const SQL = {
  deleteSession: stmt('actionsDeleteSession', 'DELETE FROM session_actions WHERE session_id = $1'),
  // One statement per session: every row as parallel arrays.
  insertMany: stmt(
    'actionsInsertMany',
    `INSERT INTO session_actions (session_id, community_id, kind, position, block_id, anchor, text, assignee, assignee_name, due, done)
     SELECT $1::text, $2::text, * FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[])`,
  ),
  actionsAll: stmt('actionsAll', `SELECT ${COLS} ${FROM} WHERE a.community_id = $1 AND a.kind = 'action'`),
  actionsDone: stmt('actionsDone', `SELECT ${COLS} ${FROM} WHERE a.community_id = $1 AND a.kind = 'action' AND a.done = $2`),
  sessionActions: stmt('actionsOfSession', `SELECT ${COLS} ${FROM} WHERE a.session_id = $1 AND a.kind = 'action' ORDER BY a.position`),
  decisions: stmt(
    'decisionsOfCommunity',
    `SELECT ${COLS} ${FROM} WHERE a.community_id = $1 AND a.kind = 'decision' ORDER BY s.starts_at DESC, a.session_id COLLATE "C", a.position`,
  ),
  insertSummary: stmt(
    'insertSummary',
    'INSERT INTO session_summaries (session_id, community_id, ended_at, data) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING',
  ),
  summary: stmt('summaryOfSession', 'SELECT data FROM session_summaries WHERE session_id = $1'),
  claim: stmt(
    'claimCarryForward',
    'INSERT INTO carry_forwards (session_id, from_session_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (session_id) DO NOTHING',
  ),
  carryForward: stmt('carryForwardOfSession', `SELECT from_session_id AS "fromSessionId", ${iso('created_at')} AS at FROM carry_forwards WHERE session_id = $1`),
} as const;

/** Decisions, actions, summaries and carry-forward claims on the store's pool. */
export class PostgresActionRecords implements ActionStore {
  constructor(private readonly pool: pg.Pool) {}

  async replaceSessionActions(sessionId: string, communityId: string, items: SessionActions): Promise<void> {
    const rows = actionInsertRows(items);
    const column = (k: number) => rows.map((r) => r[k]);
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.deleteSession, values: [sessionId] });
      if (rows.length === 0) return;
      await client.query({ ...SQL.insertMany, values: [sessionId, communityId, ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map(column)] });
    });
  }

  async listActions(communityId: string, status: ActionStatus): Promise<StoredAction[]> {
    const res =
      status === 'all'
        ? await this.pool.query<Row>({ ...SQL.actionsAll, values: [communityId] })
        : await this.pool.query<Row>({ ...SQL.actionsDone, values: [communityId, status === 'done'] });
    return res.rows;
  }

  async listSessionActions(sessionId: string): Promise<StoredAction[]> {
    return (await this.pool.query<Row>({ ...SQL.sessionActions, values: [sessionId] })).rows;
  }

  async listDecisions(communityId: string): Promise<StoredDecision[]> {
    return (await this.pool.query<Row>({ ...SQL.decisions, values: [communityId] })).rows.map(decisionFromRow);
  }

  async addSummary(summary: SessionSummary): Promise<boolean> {
    const res = await this.pool.query({ ...SQL.insertSummary, values: [summary.sessionId, summary.communityId, summary.endedAt, JSON.stringify(summary)] });
    return (res.rowCount ?? 0) > 0;
  }

  async getSummary(sessionId: string): Promise<SessionSummary | null> {
    return (await this.pool.query<{ data: SessionSummary }>({ ...SQL.summary, values: [sessionId] })).rows[0]?.data ?? null;
  }

  async claimCarryForward(sessionId: string, fromSessionId: string, at: string): Promise<boolean> {
    return ((await this.pool.query({ ...SQL.claim, values: [sessionId, fromSessionId, at] })).rowCount ?? 0) > 0;
  }

  async getCarryForward(sessionId: string): Promise<{ fromSessionId: string; at: string } | null> {
    return (await this.pool.query<{ fromSessionId: string; at: string }>({ ...SQL.carryForward, values: [sessionId] })).rows[0] ?? null;
  }
}
