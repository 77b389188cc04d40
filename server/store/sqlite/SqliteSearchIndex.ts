/**
 * The SearchIndex part of the SQLite store: FTS5 over `search_entries` (migration 2) with bm25 ranking
 * weighted by kind, snippets with highlight markers, and typo tolerance by expanding query words against
 * the index's own vocabulary (fts5vocab), held in memory once first needed.
 */
import type Database from 'better-sqlite3';
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_CLOSE, SNIPPET_MARK_OPEN, stripSnippetMarks, type SearchKind } from '../../../shared/knowledge/search.ts';
import type { IndexEntry, IndexState, SearchHit, SearchIndex, SearchQuery, SessionToIndex } from '../types.ts';
import { allowedTypos, matchesAsPrefix, searchTerms } from '../search/searchTerms.ts';
import { Vocabulary } from '../search/Vocabulary.ts';

/** Multiplies bm25 by kind: a word in a title counts more than in an agenda item, more than in notes. */
const KIND_WEIGHT: Record<SearchKind, number> = { title: 4, agenda: 2, notes: 1, board: 1 };
/** Longest text indexed per entry; the rest of a giant paste is not searchable. */
export const MAX_ENTRY_CHARS = 20_000;
/** Near-miss words tried per query word. */
const MAX_EXPANSIONS = 16;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;
const MAX_LIMIT = 100;

/** An FTS5 string literal. Terms only ever hold letters and digits; quoting keeps that a non-issue. */
function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const KIND_WEIGHT_SQL = `CASE e.kind ${Object.entries(KIND_WEIGHT)
  .map(([k, w]) => `WHEN '${k}' THEN ${w.toFixed(1)}`)
  .join(' ')} ELSE 1.0 END`;

interface TierRow {
  id: number;
  sessionId: string;
  kind: SearchKind;
  itemId: string | null;
  rank: number;
}

interface SnippetRow {
  id: number;
  sessionId: string;
  communityId: string;
  room: string;
  title: string;
  snippet: string;
}

function prepare(db: Database.Database) {
  return {
    deleteEntries: db.prepare<[string]>('DELETE FROM search_entries WHERE session_id = ?'),
    insertEntry: db.prepare<[string, string, string, string | null, string]>(
      'INSERT INTO search_entries (session_id, community_id, kind, item_id, body) VALUES (?, ?, ?, ?, ?)',
    ),
    upsertState: db.prepare<[string, number, string]>(
      `INSERT INTO search_sessions (session_id, version, indexed_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET version = excluded.version, indexed_at = excluded.indexed_at`,
    ),
    // bm25 is negative (lower = better). The community filter runs on the text's matches, so bm25 is
    // computed only for rows that pass it; a plain top-N (no window function) keeps only the best rows
    // while scanning, and search() removes repeated places.
    tier: db.prepare<{ match: string; communities: string; limit: number }, TierRow>(
      `SELECT e.id AS id, e.session_id AS sessionId, e.kind AS kind, e.item_id AS itemId,
              bm25(search_index) * ${KIND_WEIGHT_SQL} AS rank
       FROM search_index JOIN search_entries e ON e.id = search_index.rowid
       WHERE search_index MATCH @match AND e.community_id IN (SELECT value FROM json_each(@communities))
       ORDER BY rank, e.id LIMIT @limit`,
    ),
    snippets: db.prepare<{ match: string; ids: string }, SnippetRow>(
      `SELECT e.id AS id, s.id AS sessionId, s.community_id AS communityId, s.room AS room, s.title AS title,
              snippet(search_index, 0, '${SNIPPET_MARK_OPEN}', '${SNIPPET_MARK_CLOSE}', '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS}) AS snippet
       FROM search_index
       JOIN search_entries e ON e.id = search_index.rowid
       JOIN sessions s ON s.id = e.session_id
       WHERE search_index MATCH @match AND search_index.rowid IN (SELECT value FROM json_each(@ids))`,
    ),
    vocabulary: db.prepare<[], { term: string }>("SELECT term FROM search_vocab WHERE col = 'body'"),
    toIndex: db.prepare<{ version: number; limit: number }, SessionToIndex>(
      `SELECT s.id AS sessionId, s.community_id AS communityId, s.room AS room, s.title AS title
       FROM sessions s LEFT JOIN search_sessions x ON x.session_id = s.id
       WHERE x.session_id IS NULL
          OR x.version < @version
          OR x.indexed_at < COALESCE((SELECT u.created_at FROM doc_updates u WHERE u.room = s.room ORDER BY u.id DESC LIMIT 1), '')
          OR x.indexed_at < COALESCE((SELECT d.updated_at FROM doc_snapshots d WHERE d.room = s.room), '')
       ORDER BY x.session_id IS NOT NULL, s.created_at, s.id
       LIMIT @limit`,
    ),
  };
}

/** SearchIndex on the store's connection. Synchronous underneath, like the rest of SqliteStore. */
export class SqliteSearchIndex implements SearchIndex {
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly replaceTx: (sessionId: string, communityId: string, entries: IndexEntry[], state: IndexState) => string[];
  /** Loaded on the first query that needs typo matching, then kept current by replaceSessionEntries. */
  private vocabulary: Vocabulary | null = null;

  constructor(db: Database.Database) {
    const s = (this.stmt = prepare(db));
    this.replaceTx = db.transaction((sessionId: string, communityId: string, entries: IndexEntry[], state: IndexState) => {
      s.deleteEntries.run(sessionId);
      const texts: string[] = [];
      for (const e of entries) {
        const text = stripSnippetMarks(e.text).slice(0, MAX_ENTRY_CHARS).trim();
        if (!text) continue;
        s.insertEntry.run(sessionId, communityId, e.kind, e.itemId, text);
        texts.push(text);
      }
      s.upsertState.run(sessionId, state.version, state.indexedAt);
      return texts;
    });
  }

  async replaceSessionEntries(sessionId: string, communityId: string, entries: IndexEntry[], state: IndexState): Promise<void> {
    const texts = this.replaceTx(sessionId, communityId, entries, state);
    // Words that left the index stay in the vocabulary: they only cost a failed expansion.
    if (this.vocabulary) for (const t of texts) this.vocabulary.addText(t);
  }

  async listSessionsToIndex(version: number, limit: number): Promise<SessionToIndex[]> {
    return this.stmt.toIndex.all({ version, limit: Math.max(1, Math.floor(limit)) });
  }

  async search(communityIds: string[], query: SearchQuery, limit: number): Promise<SearchHit[]> {
    const max = Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit) || 1));
    const terms = searchTerms(query.text);
    if (terms.length === 0 || communityIds.length === 0) return [];
    const communities = JSON.stringify([...new Set(communityIds)]);
    const match = (words: string[]) => words.join(' AND ');

    // Tiers: every word exact, then exact-or-prefix, then with typos. Earlier tiers rank first.
    const tiers = [match(terms.map(quote))];
    if (terms.some(matchesAsPrefix)) tiers.push(match(terms.map(prefixExpr)));
    const found = new Map<string, TierRow & { score: number }>();
    let lastScore = Infinity;
    let broadest = tiers[tiers.length - 1];
    const runTier = (expr: string) => {
      // Fetch more rows than needed, since several may be the same place; widen until enough or all.
      for (let want = (max + found.size) * 3; ; want *= 4) {
        const rows = this.stmt.tier.all({ match: expr, communities, limit: want });
        for (const row of rows) {
          if (found.size >= max) return;
          const key = `${row.sessionId}\u0000${row.kind}\u0000${row.itemId ?? ''}`;
          if (found.has(key)) continue;
          // Scores never increase down the list, even across tiers.
          lastScore = Math.min(lastScore, -row.rank);
          found.set(key, { ...row, score: lastScore });
        }
        if (rows.length < want || found.size >= max) return;
      }
    };
    for (const t of tiers) if (found.size < max) runTier(t);
    if (found.size < max) {
      const fuzzy = this.typoExprs(terms);
      if (fuzzy) {
        broadest = match(fuzzy);
        runTier(broadest);
      }
    }
    if (found.size === 0) return [];

    const hits = [...found.values()];
    const details = new Map(this.stmt.snippets.all({ match: broadest, ids: JSON.stringify(hits.map((h) => h.id)) }).map((r) => [r.id, r]));
    const out: SearchHit[] = [];
    for (const h of hits) {
      const d = details.get(h.id);
      if (!d) continue; // the session vanished between the two statements
      out.push({ sessionId: d.sessionId, communityId: d.communityId, room: d.room, title: d.title, kind: h.kind, itemId: h.itemId, snippet: d.snippet, score: h.score });
    }
    return out;
  }

  /** Each word OR its near misses (words and prefixes) from the vocabulary; null when no word has any. */
  private typoExprs(terms: string[]): string[] | null {
    if (!terms.some((t) => allowedTypos(t) > 0)) return null;
    const vocabulary = this.loadVocabulary();
    let expanded = false;
    const exprs = terms.map((t) => {
      const near = vocabulary.expansions(t, allowedTypos(t), MAX_EXPANSIONS);
      if (near.length === 0) return prefixExpr(t);
      expanded = true;
      return `(${[prefixExpr(t), ...near.map((e) => (e.prefix ? `${quote(e.text)}*` : quote(e.text)))].join(' OR ')})`;
    });
    return expanded ? exprs : null;
  }

  private loadVocabulary(): Vocabulary {
    if (!this.vocabulary) {
      const v = new Vocabulary();
      for (const row of this.stmt.vocabulary.iterate()) v.add(row.term);
      this.vocabulary = v;
    }
    return this.vocabulary;
  }
}

/** A word, also as a prefix when long enough. */
function prefixExpr(term: string): string {
  return matchesAsPrefix(term) ? `${quote(term)}*` : quote(term);
}
