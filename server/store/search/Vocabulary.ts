/**
 * The words present in a search index, held in memory as one sorted array that is walked like a trie,
 * so that a query word's near misses are found by visiting only the prefixes within reach: "concusion"
 * → "concussion" (a whole word within the allowed edits) and "mentr" → "mentor…" (a prefix within the
 * allowed edits, which then matches "mentoring" as a prefix query).
 */
import { wordsOf } from './searchTerms.ts';

/** One expansion of a query word. */
export interface Expansion {
  /** A whole index word, or (prefix: true) the start of one or more index words. */
  text: string;
  prefix: boolean;
  /** Edits between the query word and `text`. */
  distance: number;
}

/** Upper bound of trie nodes visited per lookup, so that no query word can make a lookup slow. */
const MAX_VISITS = 50_000;

export class Vocabulary {
  private sorted: string[] = [];
  private readonly pending = new Set<string>();

  /** Number of distinct words. */
  get size(): number {
    this.merge();
    return this.sorted.length;
  }

  /** Adds a word (already normalised); cheap, merged into the sorted array at the next lookup. */
  add(term: string): void {
    if (term && !this.pending.has(term) && !this.has(term)) this.pending.add(term);
  }

  /** Adds the words of a text (normalised like query words). */
  addText(text: string): void {
    for (const t of wordsOf(text)) this.add(t);
  }

  has(term: string): boolean {
    const i = lowerBound(this.sorted, term);
    return (i < this.sorted.length && this.sorted[i] === term) || this.pending.has(term);
  }

  /**
   * Words within `maxDistance` edits of `term` (insertions, deletions, substitutions, swaps of two
   * neighbours), and prefixes at least as long as `term` within `maxDistance` of it (each standing for
   * every word that starts with it). Never `term` itself or its extensions, which a plain prefix query
   * finds already. Nearest first, at most `limit`.
   */
  expansions(term: string, maxDistance: number, limit: number): Expansion[] {
    if (maxDistance <= 0 || limit <= 0 || !term) return [];
    this.merge();
    const words = this.sorted;
    const n = term.length;
    const found: Expansion[] = [];
    let visits = 0;
    const first = Array.from({ length: n + 1 }, (_, j) => j);

    // Node = the words in [lo, hi), which all start with `path` (length depth). rows[d] = edit-distance
    // row of path[0..d) against the term (rows[0] is the empty path).
    const visit = (lo: number, hi: number, path: string, rows: number[][]) => {
      const depth = path.length;
      let i = lo;
      if (i < hi && words[i].length === depth) i++; // the word equal to `path` itself sorts first
      while (i < hi && visits < MAX_VISITS) {
        const c = words[i].charCodeAt(depth);
        const j = upperBoundAt(words, i, hi, depth, c);
        visits++;
        const child = path + words[i][depth];
        const row = nextRow(term, rows, child);
        const d = row[n];
        if (child === term) {
          // Covered by the plain prefix query of the term.
        } else if (d <= maxDistance && child.length >= n) {
          found.push({ text: child, prefix: true, distance: d });
        } else {
          if (d <= maxDistance && words[i].length === child.length) found.push({ text: child, prefix: false, distance: d });
          if (Math.min(...row) <= maxDistance) visit(i, j, child, [...rows, row]);
        }
        i = j;
      }
    };
    visit(0, words.length, '', [first]);
    found.sort((a, b) => a.distance - b.distance || b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
    return found.slice(0, limit);
  }

  private merge() {
    if (this.pending.size === 0) return;
    const add = [...this.pending].sort();
    this.pending.clear();
    const out: string[] = new Array(this.sorted.length + add.length);
    let a = 0;
    let b = 0;
    let k = 0;
    while (a < this.sorted.length || b < add.length) {
      if (b >= add.length || (a < this.sorted.length && this.sorted[a] < add[b])) out[k++] = this.sorted[a++];
      else out[k++] = add[b++];
    }
    this.sorted = out;
  }
}

/** The next optimal-string-alignment row for `path` (one character longer than the last row's). */
function nextRow(term: string, rows: number[][], path: string): number[] {
  const prev = rows[rows.length - 1];
  const prev2 = rows.length >= 2 ? rows[rows.length - 2] : null;
  const depth = path.length;
  const c = path.charCodeAt(depth - 1);
  const cPrev = depth >= 2 ? path.charCodeAt(depth - 2) : -1;
  const row = new Array<number>(term.length + 1);
  row[0] = depth;
  for (let j = 1; j <= term.length; j++) {
    const t = term.charCodeAt(j - 1);
    let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (t === c ? 0 : 1));
    if (prev2 && j >= 2 && t === cPrev && term.charCodeAt(j - 2) === c) d = Math.min(d, prev2[j - 2] + 1);
    row[j] = d;
  }
  return row;
}

/** First index in the sorted array whose word is ≥ `term`. */
function lowerBound(words: string[], term: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In [lo, hi) — words sharing a prefix longer than `depth`, sorted — the first whose char at `depth` is > c. */
function upperBoundAt(words: string[], lo: number, hi: number, depth: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid].charCodeAt(depth) <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
