/**
 * The SearchIndex part of the PostgreSQL store (migration 2), with the observable behaviour of the SQLite
 * one: words normalised in JavaScript and stored as a literal tsvector (GIN-indexed), tiers of exact,
 * prefix and typo matches, ranking by ts_rank weighted by kind, snippets built from the stored text.
 * Typo tolerance expands query words against the vocabulary in `search_words`, mirrored in memory.
 */
import type pg from 'pg';
import { stripSnippetMarks, type SearchKind } from '../../../shared/knowledge/search.ts';
import type { IndexEntry, IndexState, SearchHit, SearchIndex, SearchQuery, SessionToIndex } from '../types.ts';
import { allowedTypos, matchesAsPrefix, searchTerms, wordsOf } from '../search/searchTerms.ts';
import { Vocabulary } from '../search/Vocabulary.ts';
import { highlightSnippet } from './highlightSnippet.ts';
import { stmt, withTransaction } from './sqlHelpers.ts';

/** Multiplies the rank by kind, as SqliteSearchIndex does. */
const KIND_WEIGHT: Record<SearchKind, number> = { title: 4, agenda: 2, notes: 1, board: 1 };
/** Longest text indexed per entry (as in SqliteSearchIndex). */
export const MAX_ENTRY_CHARS = 20_000;
/** Longest indexed word: far beyond real words, and within PostgreSQL's 2 KB lexeme limit in any script. */
const MAX_WORD_CHARS = 200;
/** tsvector keeps at most 256 positions per lexeme; more would be an error. */
const MAX_POSITIONS = 256;
const MAX_EXPANSIONS = 16;
const MAX_LIMIT = 100;
/** Another node's new words may be missed by an incremental refresh (ids commit out of order): reload fully this often. */
const VOCABULARY_RELOAD_MS = 10 * 60_000;

const KIND_WEIGHT_SQL = `CASE e.kind ${Object.entries(KIND_WEIGHT)
  .map(([k, w]) => `WHEN '${k}' THEN ${w.toFixed(1)}`)
  .join(' ')} ELSE 1.0 END`;
// Normalisation 1 divides by 1 + log(length): a word in a short entry weighs more than a passing mention.
const RANK_SQL = `ts_rank(e.tsv, q, 1) * ${KIND_WEIGHT_SQL}`;

const SQL = {
  deleteEntries: stmt('searchDeleteEntries', 'DELETE FROM search_entries WHERE session_id = $1'),
  insertEntries: stmt(
    'searchInsertEntries',
    `INSERT INTO search_entries (session_id, community_id, kind, item_id, body, tsv)
     SELECT $1, $2, x.kind, x.item_id, x.body, x.tsv::tsvector
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS x(kind, item_id, body, tsv)`,
  ),
  upsertState: stmt(
    'searchUpsertState',
    `INSERT INTO search_sessions (session_id, version, indexed_at) VALUES ($1, $2, $3)
     ON CONFLICT (session_id) DO UPDATE SET version = excluded.version, indexed_at = excluded.indexed_at`,
  ),
  // Sorted, and skipping known words, so that concurrent indexers lock new words in one order (no deadlock).
  addWords: stmt(
    'searchAddWords',
    `INSERT INTO search_words (word)
     SELECT w FROM unnest($1::text[]) AS w WHERE NOT EXISTS (SELECT 1 FROM search_words x WHERE x.word = w) ORDER BY w COLLATE "C"
     ON CONFLICT DO NOTHING`,
  ),
  words: stmt('searchWords', 'SELECT word, seq::text AS seq FROM search_words WHERE seq > $1::bigint ORDER BY seq'),
  // One row per place (session, kind, item): its best entry.
  tier: stmt(
    'searchTier',
    `SELECT id::text AS id, "sessionId", kind, "itemId", rank FROM (
       SELECT e.id, e.session_id AS "sessionId", e.kind, e.item_id AS "itemId", ${RANK_SQL} AS rank,
              row_number() OVER (PARTITION BY e.session_id, e.kind, e.item_id ORDER BY ${RANK_SQL} DESC, e.id) AS n
       FROM search_entries e, CAST($2 AS tsquery) q
       WHERE e.community_id = ANY($1::text[]) AND e.tsv @@ q
     ) t WHERE n = 1 ORDER BY rank DESC, id LIMIT $3`,
  ),
  details: stmt(
    'searchDetails',
    `SELECT e.id::text AS id, s.id AS "sessionId", s.community_id AS "communityId", s.room, s.title, e.body
     FROM search_entries e JOIN sessions s ON s.id = e.session_id WHERE e.id = ANY($1::bigint[])`,
  ),
  toIndex: stmt(
    'searchToIndex',
    `SELECT s.id AS "sessionId", s.community_id AS "communityId", s.room, s.title
     FROM sessions s LEFT JOIN search_sessions x ON x.session_id = s.id
     WHERE x.session_id IS NULL
        OR x.version < $1
        OR x.indexed_at < (SELECT u.created_at FROM doc_updates u WHERE u.room = s.room ORDER BY u.id DESC LIMIT 1)
        OR x.indexed_at < (SELECT d.updated_at FROM doc_snapshots d WHERE d.room = s.room)
     ORDER BY x.session_id IS NOT NULL, s.created_at, s.id COLLATE "C"
     LIMIT $2`,
  ),
} as const;

/** A word or prefix a query matches; the last tier's list also decides what a snippet highlights. */
interface Pattern {
  text: string;
  prefix: boolean;
}

interface TierRow {
  id: string;
  sessionId: string;
  kind: SearchKind;
  itemId: string | null;
  rank: number;
}

interface DetailRow {
  id: string;
  sessionId: string;
  communityId: string;
  room: string;
  title: string;
  body: string;
}

/** A tsquery (or tsvector) lexeme literal. Words hold only letters and digits; quoting keeps it that way. */
function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function patternQuery(p: Pattern): string {
  return p.prefix ? `${lexeme(p.text)}:*` : lexeme(p.text);
}

/** Index words of a text: normalised like query words, capped in length. */
function indexWords(text: string): string[] {
  return wordsOf(text).map((w) => w.slice(0, MAX_WORD_CHARS));
}

/** The tsvector literal of a text: each distinct word with its positions (`'word':1,7`). */
function tsvectorLiteral(words: string[]): string {
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = positions.get(w);
    if (!list) positions.set(w, [i + 1]);
    else if (list.length < MAX_POSITIONS) list.push(i + 1);
  });
  let out = '';
  for (const [w, list] of positions) out += `${out ? ' ' : ''}${lexeme(w)}:${list.join(',')}`;
  return out;
}

/** SearchIndex on the store's pool. */
export class PostgresSearchIndex implements SearchIndex {
  private vocabulary: Vocabulary | null = null;
  /** Highest search_words.seq mirrored so far (bigint as text). */
  private vocabularySeq = '0';
  private vocabularyLoadedAt = 0;
  private vocabularyLoading: Promise<Vocabulary> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  async replaceSessionEntries(sessionId: string, communityId: string, entries: IndexEntry[], state: IndexState): Promise<void> {
    const kinds: string[] = [];
    const itemIds: (string | null)[] = [];
    const bodies: string[] = [];
    const vectors: string[] = [];
    const words = new Set<string>();
    for (const e of entries) {
      const text = stripSnippetMarks(e.text).slice(0, MAX_ENTRY_CHARS).trim();
      if (!text) continue;
      const w = indexWords(text);
      for (const x of w) words.add(x);
      kinds.push(e.kind);
      itemIds.push(e.itemId);
      bodies.push(text);
      vectors.push(tsvectorLiteral(w));
    }
    await withTransaction(this.pool, async (client) => {
      await client.query({ ...SQL.deleteEntries, values: [sessionId] });
      if (kinds.length > 0) await client.query({ ...SQL.insertEntries, values: [sessionId, communityId, kinds, itemIds, bodies, vectors] });
      await client.query({ ...SQL.upsertState, values: [sessionId, state.version, state.indexedAt] });
    });
    // After the commit and outside it: a word known before its entries only costs a failed expansion.
    // Words that left the index stay in the vocabulary for the same reason.
    const fresh = [...words].filter((w) => !this.vocabulary?.has(w));
    if (fresh.length > 0) await this.pool.query({ ...SQL.addWords, values: [fresh] });
    if (this.vocabulary) for (const w of fresh) this.vocabulary.add(w);
  }

  async listSessionsToIndex(version: number, limit: number): Promise<SessionToIndex[]> {
    return (await this.pool.query<SessionToIndex>({ ...SQL.toIndex, values: [version, Math.max(1, Math.floor(limit))] })).rows;
  }

  async search(communityIds: string[], query: SearchQuery, limit: number): Promise<SearchHit[]> {
    const max = Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit) || 1));
    const terms = searchTerms(query.text);
    const scope = [...new Set(communityIds)];
    if (terms.length === 0 || scope.length === 0) return [];

    // Tiers: every word exact, then exact-or-prefix, then with typos. Earlier tiers rank first.
    const exact = terms.map((t) => [{ text: t, prefix: false }]);
    const tiers: Pattern[][][] = [exact];
    if (terms.some(matchesAsPrefix)) tiers.push(terms.map(prefixPatterns));
    const found = new Map<string, TierRow & { score: number }>();
    let lastScore = Infinity;
    let broadest = tiers[tiers.length - 1]!;
    const runTier = async (tier: Pattern[][]) => {
      const tsquery = tier.map((alternatives) => `(${alternatives.map(patternQuery).join(' | ')})`).join(' & ');
      const { rows } = await this.pool.query<TierRow>({ ...SQL.tier, values: [scope, tsquery, max + found.size] });
      for (const row of rows) {
        const key = `${row.sessionId}\u0000${row.kind}\u0000${row.itemId ?? ''}`;
        if (found.has(key) || found.size >= max) continue;
        // Scores never increase down the list, even across tiers.
        lastScore = Math.min(lastScore, row.rank);
        found.set(key, { ...row, score: lastScore });
      }
    };
    for (const t of tiers) if (found.size < max) await runTier(t);
    if (found.size < max) {
      const fuzzy = await this.typoPatterns(terms);
      if (fuzzy) {
        broadest = fuzzy;
        await runTier(fuzzy);
      }
    }
    if (found.size === 0) return [];

    const hits = [...found.values()];
    const { rows } = await this.pool.query<DetailRow>({ ...SQL.details, values: [hits.map((h) => h.id)] });
    const details = new Map(rows.map((r) => [r.id, r]));
    const patterns = broadest.flat();
    const matches = (word: string) => patterns.some((p) => (p.prefix ? word.startsWith(p.text) : word === p.text));
    const out: SearchHit[] = [];
    for (const h of hits) {
      const d = details.get(h.id);
      if (!d) continue; // the session vanished between the two statements
      out.push({
        sessionId: d.sessionId,
        communityId: d.communityId,
        room: d.room,
        title: d.title,
        kind: h.kind,
        itemId: h.itemId,
        snippet: highlightSnippet(d.body, matches),
        score: h.score,
      });
    }
    return out;
  }

  /** Each word OR its near misses (words and prefixes) from the vocabulary; null when no word has any. */
  private async typoPatterns(terms: string[]): Promise<Pattern[][] | null> {
    if (!terms.some((t) => allowedTypos(t) > 0)) return null;
    const vocabulary = await this.currentVocabulary();
    let expanded = false;
    const tier = terms.map((t) => {
      const near = vocabulary.expansions(t, allowedTypos(t), MAX_EXPANSIONS);
      if (near.length > 0) expanded = true;
      return [...prefixPatterns(t), ...near.map((e) => ({ text: e.text, prefix: e.prefix }))];
    });
    return expanded ? tier : null;
  }

  /** The vocabulary, with words other nodes indexed since the last look. */
  private async currentVocabulary(): Promise<Vocabulary> {
    if (!this.vocabulary || Date.now() - this.vocabularyLoadedAt > VOCABULARY_RELOAD_MS) {
      this.vocabularyLoading ??= this.fetchWords(new Vocabulary(), '0')
        .then((v) => {
          this.vocabulary = v;
          this.vocabularyLoadedAt = Date.now();
          return v;
        })
        .finally(() => (this.vocabularyLoading = null));
      return this.vocabularyLoading;
    }
    return this.fetchWords(this.vocabulary, this.vocabularySeq);
  }

  private async fetchWords(into: Vocabulary, afterSeq: string): Promise<Vocabulary> {
    const { rows } = await this.pool.query<{ word: string; seq: string }>({ ...SQL.words, values: [afterSeq] });
    for (const r of rows) into.add(r.word);
    const last = rows[rows.length - 1];
    if (last && BigInt(last.seq) > BigInt(this.vocabularySeq)) this.vocabularySeq = last.seq;
    return into;
  }
}

/** A word, also as a prefix when long enough. */
function prefixPatterns(term: string): Pattern[] {
  return [{ text: term, prefix: matchesAsPrefix(term) }];
}
