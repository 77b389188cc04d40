/**
 * Benchmark: search latency over a community's knowledge base. 1,000 sessions, each with a title, a
 * few agenda items, 50 notes paragraphs (under headings) and 100 board items, are indexed directly
 * through the store (SQLite file, FTS5); then ~200 varied queries — exact words, two-word queries,
 * prefixes, one-letter typos — are timed. Text comes from a seeded generator with a Zipf-like word
 * distribution over a ~6,000-word vocabulary, so the index has realistic common and rare words.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../server/store/sqlite/SqliteStore.ts';
import type { IndexEntry } from '../server/store/types.ts';
import { INDEX_VERSION } from '../server/knowledge/indexEntries.ts';
import { summarize, type Summary } from './stats.ts';

export interface SearchBenchResult {
  sessions: number;
  entries: number;
  dbBytes: number;
  indexMs: { total: number; perSession: Summary };
  /** The first query that needs typo matching loads the vocabulary. */
  vocabularyLoadMs: number;
  queries: { all: Summary; exact: Summary; twoWords: Summary; prefix: Summary; typo: Summary };
  meanResults: number;
}

/** Small seeded PRNG (mulberry32), so every run indexes the same text. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN = `mentoring concussion safeguarding supervision handover consent referral wellbeing rota burnout
  reflection induction pathway protocol escalation audit debrief resilience outreach assessment
  medication allergy asthma epilepsy diabetes immunisation hygiene nutrition anxiety bereavement
  bullying attendance transition confidentiality capacity advocacy curriculum coaching feedback`.split(/\s+/);

/** A vocabulary: real domain words first (frequent), then pronounceable made-up words. */
function vocabulary(random: () => number, size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'sto', 'vel', 'dra', 'pin', 'qua', 'tor', 'shi', 'ben', 'gal', 'fru', 'nex', 'ol', 'ap', 'ur', 'ti', 'mon'];
  const words = new Set(DOMAIN);
  while (words.size < size) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

export async function benchSearch(sessions = 1000, paragraphs = 50, boardItems = 100, queryCount = 200): Promise<SearchBenchResult> {
  const random = rng(42);
  const words = vocabulary(random, 6000);
  // Zipf-like: word i is picked with weight 1/(i+1).
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < words.length; i++) cumulative.push((total += 1 / (i + 1)));
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-bench-search-'));
  const file = path.join(dir, 'bench.sqlite');
  const store = SqliteStore.open({ filename: file });
  try {
    await store.createUser({ id: 'u', name: 'Bench', email: 'bench@example.org', passwordHash: 'x', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.createCommunity({ id: 'c', name: 'Bench', domain: 'd', groundRules: '', visibility: 'invite', createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' });
    const perSession: number[] = [];
    let entryCount = 0;
    const started = performance.now();
    for (let s = 0; s < sessions; s++) {
      const id = `s${s}`;
      const title = sentence(4);
      await store.createSession({ id, communityId: 'c', title, startsAt: '2026-05-01T09:00:00.000Z', durationMinutes: 60, format: 'workshop', room: `room${s}`, createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z' });
      const entries: IndexEntry[] = [{ kind: 'title', itemId: null, text: title }];
      for (let a = 0; a < 5; a++) entries.push({ kind: 'agenda', itemId: `a${a}`, text: sentence(5) });
      for (let p = 0; p < paragraphs; p++) entries.push({ kind: 'notes', itemId: `h${Math.floor(p / 10)}`, text: sentence(15 + Math.floor(random() * 30)) });
      for (let b = 0; b < boardItems; b++) entries.push({ kind: 'board', itemId: `b${b}`, text: sentence(3 + Math.floor(random() * 12)) });
      const t0 = performance.now();
      await store.searchIndex.replaceSessionEntries(id, 'c', entries, { version: INDEX_VERSION, indexedAt: new Date().toISOString() });
      perSession.push(performance.now() - t0);
      entryCount += entries.length;
    }
    const indexTotal = performance.now() - started;

    // Vocabulary load, measured on its own: a typo query on a fresh vocabulary.
    const v0 = performance.now();
    await store.searchIndex.search(['c'], { text: 'mentorimg' }, 20);
    const vocabularyLoadMs = performance.now() - v0;

    const pick = () => words[Math.floor(random() * Math.min(words.length, 3000))];
    const typo = (w: string) => {
      const i = 1 + Math.floor(random() * (w.length - 2));
      return random() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + 'x' + w.slice(i + 1);
    };
    const kinds = ['exact', 'twoWords', 'prefix', 'typo'] as const;
    const times: Record<(typeof kinds)[number], number[]> = { exact: [], twoWords: [], prefix: [], typo: [] };
    let results = 0;
    for (let q = 0; q < queryCount; q++) {
      const kind = kinds[q % kinds.length];
      const w = pick();
      const text = kind === 'exact' ? w : kind === 'twoWords' ? `${w} ${pick()}` : kind === 'prefix' ? w.slice(0, Math.max(3, Math.ceil(w.length / 2))) : typo(w.length >= 5 ? w : `${w}${pick()}`);
      const t0 = performance.now();
      results += (await store.searchIndex.search(['c'], { text }, 20)).length;
      times[kind].push(performance.now() - t0);
    }
    return {
      sessions,
      entries: entryCount,
      dbBytes: statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0),
      indexMs: { total: Math.round(indexTotal), perSession: summarize(perSession) },
      vocabularyLoadMs: Math.round(vocabularyLoadMs * 10) / 10,
      queries: {
        all: summarize(Object.values(times).flat()),
        exact: summarize(times.exact),
        twoWords: summarize(times.twoWords),
        prefix: summarize(times.prefix),
        typo: summarize(times.typo),
      },
      meanResults: Math.round((results / queryCount) * 10) / 10,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/search.ts` runs it on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSearch();
  console.log(JSON.stringify(r, null, 2));
}
