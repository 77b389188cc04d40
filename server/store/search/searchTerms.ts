/**
 * Query words, normalised the way the index's tokenizer (FTS5 unicode61, remove_diacritics 2) sees
 * words: accents dropped, lower case, split at anything that is not a letter or digit. Shared by store
 * implementations so that they read a query the same way.
 */

/** At most this many words of a query are used (a pasted paragraph must not become a huge query). */
export const MAX_QUERY_TERMS = 8;
/** Longer words are cut (no real word is longer; it bounds the typo search). */
export const MAX_TERM_LENGTH = 48;

/** Every lower-case, accent-free word of `text`, in order (repeats included). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a query: normalised, without repeats, at most MAX_QUERY_TERMS of MAX_TERM_LENGTH. */
export function searchTerms(text: string): string[] {
  return [...new Set(wordsOf(text).map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_QUERY_TERMS);
}

/** How many typos a query word may contain and still match: none below 4 characters, 2 from 8 on. */
export function allowedTypos(term: string): number {
  const n = [...term].length;
  return n < 4 ? 0 : n < 8 ? 1 : 2;
}

/** Whether a query word is also matched as a prefix (single letters would match far too much). */
export function matchesAsPrefix(term: string): boolean {
  return [...term].length >= 2;
}
