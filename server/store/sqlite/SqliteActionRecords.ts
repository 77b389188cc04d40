/**
 * The ActionStore part of the SQLite store (migration 7): decisions and actions extracted from each
 * session's notes, end-of-session summaries, and the carry-forward claims.
 */
import type Database from 'better-sqlite3';
import type { ActionStatus, SessionActions, SessionSummary } from '../../../shared/knowledge/actions.ts';
import type { ActionStore, StoredAction, StoredDecision } from '../types.ts';
import { actionInsertRows, decisionFromRow, type ActionRow } from '../recordRows.ts';

/** Schema step 7. One table holds both kinds: a session's rows are replaced together on every pass. */
export const SQLITE_ACTIONS_MIGRATION = `
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
    done          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, kind, position)
  ) WITHOUT ROWID;
  CREATE INDEX session_actions_community ON session_actions(community_id, kind, done);

  CREATE TABLE session_summaries (
    session_id   TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    ended_at     TEXT NOT NULL,
    data         TEXT NOT NULL -- the SessionSummary as JSON
  );

  CREATE TABLE carry_forwards (
    session_id      TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    from_session_id TEXT NOT NULL,
    created_at      TEXT NOT NULL
  );
`;

type Row = ActionRow<number>;

const COLS = `a.session_id AS sessionId, s.title AS sessionTitle, s.starts_at AS sessionStartsAt, a.position, a.block_id AS blockId,
  a.anchor, a.text, a.assignee, a.assignee_name AS assigneeName, a.due, a.done`;
const FROM = 'FROM session_actions a JOIN sessions s ON s.id = a.session_id';

const toAction = (r: Row): StoredAction => ({ ...r, done: r.done === 1 });
function prepare(db: Database.Database) {
  return {
    deleteSession: db.prepare<[string]>('DELETE FROM session_actions WHERE session_id = ?'),
    insert: db.prepare<[string, string, string, number, string, string | null, string, string | null, string | null, string | null, number]>(
      `INSERT INTO session_actions (session_id, community_id, kind, position, block_id, anchor, text, assignee, assignee_name, due, done)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    actionsAll: db.prepare<[string], Row>(`SELECT ${COLS} ${FROM} WHERE a.community_id = ? AND a.kind = 'action'`),
    actionsDone: db.prepare<[string, number], Row>(`SELECT ${COLS} ${FROM} WHERE a.community_id = ? AND a.kind = 'action' AND a.done = ?`),
    sessionActions: db.prepare<[string], Row>(`SELECT ${COLS} ${FROM} WHERE a.session_id = ? AND a.kind = 'action' ORDER BY a.position`),
    decisions: db.prepare<[string], Row>(
      `SELECT ${COLS} ${FROM} WHERE a.community_id = ? AND a.kind = 'decision' ORDER BY julianday(s.starts_at) DESC, a.session_id, a.position`,
    ),
    insertSummary: db.prepare<[string, string, string, string]>(
      'INSERT INTO session_summaries (session_id, community_id, ended_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING',
    ),
    summary: db.prepare<[string], { data: string }>('SELECT data FROM session_summaries WHERE session_id = ?'),
    claim: db.prepare<[string, string, string]>(
      'INSERT INTO carry_forwards (session_id, from_session_id, created_at) VALUES (?, ?, ?) ON CONFLICT (session_id) DO NOTHING',
    ),
    carryForward: db.prepare<[string], { fromSessionId: string; at: string }>(
      'SELECT from_session_id AS fromSessionId, created_at AS at FROM carry_forwards WHERE session_id = ?',
    ),
  };
}

/** Decisions, actions, summaries and carry-forward claims on the store's connection. */
export class SqliteActionRecords implements ActionStore {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly replaceTx: (sessionId: string, communityId: string, items: SessionActions) => void;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.replaceTx = db.transaction((sessionId: string, communityId: string, items: SessionActions) => {
      s.deleteSession.run(sessionId);
      for (const [kind, position, blockId, anchor, text, assignee, assigneeName, due, done] of actionInsertRows(items)) {
        s.insert.run(sessionId, communityId, kind, position, blockId, anchor, text, assignee, assigneeName, due, done ? 1 : 0);
      }
    });
  }

  async replaceSessionActions(sessionId: string, communityId: string, items: SessionActions): Promise<void> {
    this.replaceTx(sessionId, communityId, items);
  }

  async listActions(communityId: string, status: ActionStatus): Promise<StoredAction[]> {
    const rows = status === 'all' ? this.stmt.actionsAll.all(communityId) : this.stmt.actionsDone.all(communityId, status === 'done' ? 1 : 0);
    return rows.map(toAction);
  }

  async listSessionActions(sessionId: string): Promise<StoredAction[]> {
    return this.stmt.sessionActions.all(sessionId).map(toAction);
  }

  async listDecisions(communityId: string): Promise<StoredDecision[]> {
    return this.stmt.decisions.all(communityId).map(decisionFromRow);
  }

  async addSummary(summary: SessionSummary): Promise<boolean> {
    return this.stmt.insertSummary.run(summary.sessionId, summary.communityId, summary.endedAt, JSON.stringify(summary)).changes > 0;
  }

  async getSummary(sessionId: string): Promise<SessionSummary | null> {
    const row = this.stmt.summary.get(sessionId);
    return row ? (JSON.parse(row.data) as SessionSummary) : null;
  }

  async claimCarryForward(sessionId: string, fromSessionId: string, at: string): Promise<boolean> {
    return this.stmt.claim.run(sessionId, fromSessionId, at).changes > 0;
  }

  async getCarryForward(sessionId: string): Promise<{ fromSessionId: string; at: string } | null> {
    return this.stmt.carryForward.get(sessionId) ?? null;
  }
}
