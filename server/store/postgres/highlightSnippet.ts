/**
 * Search snippets for the PostgreSQL store, shaped like SQLite FTS5's `snippet()`: a window of words
 * around the matches, matched words wrapped in the highlight markers, an ellipsis where text was cut.
 * Built in JavaScript from the stored text, so that words are split and normalised exactly as indexed.
 */
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_CLOSE, SNIPPET_MARK_OPEN } from '../../../shared/knowledge/search.ts';
import { wordsOf } from '../search/searchTerms.ts';

/** Words of context in a snippet (as in SqliteSearchIndex). */
export const SNIPPET_TOKENS = 16;

// A word as the normaliser sees it: letters and digits, with any combining marks that follow them.
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * `text` cut to at most `maxTokens` words around the densest run of words for which `matches` holds
 * (given their normalised form), those words wrapped in SNIPPET_MARK_OPEN/CLOSE. `text` must already
 * be free of marker characters (the index strips them).
 */
export function highlightSnippet(text: string, matches: (word: string) => boolean, maxTokens = SNIPPET_TOKENS): string {
  const tokens: { start: number; end: number; hit: boolean }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, hit: wordsOf(m[0]).some(matches) });
  }
  if (tokens.length === 0) return text;

  // The window holding the most matched words; then centred on the span of those matches.
  const hits = tokens.flatMap((t, i) => (t.hit ? [i] : []));
  let first = hits[0] ?? 0;
  let last = first;
  let best = 0;
  for (let a = 0, b = 0; a < hits.length; a++) {
    b = Math.max(a, b);
    while (b + 1 < hits.length && hits[b + 1]! - hits[a]! < maxTokens) b++;
    if (b - a + 1 > best) [best, first, last] = [b - a + 1, hits[a]!, hits[b]!];
  }
  const width = Math.min(maxTokens, tokens.length);
  const start = Math.max(0, Math.min(first - Math.floor((width - (last - first + 1)) / 2), tokens.length - width));
  const end = start + width - 1;

  let out = start > 0 ? SNIPPET_ELLIPSIS : '';
  let pos = start > 0 ? tokens[start]!.start : 0;
  for (let i = start; i <= end; i++) {
    const t = tokens[i]!;
    out += text.slice(pos, t.start);
    out += t.hit ? SNIPPET_MARK_OPEN + text.slice(t.start, t.end) + SNIPPET_MARK_CLOSE : text.slice(t.start, t.end);
    pos = t.end;
  }
  out += end < tokens.length - 1 ? SNIPPET_ELLIPSIS : text.slice(pos);
  return out;
}
