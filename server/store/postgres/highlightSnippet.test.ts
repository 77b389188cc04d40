/** highlightSnippet: FTS5-like snippets from stored text, with words matched in their normalised form. */
import { describe, expect, it } from 'vitest';
import { SNIPPET_MARK_CLOSE as C, SNIPPET_MARK_OPEN as O } from '../../../shared/knowledge/search.ts';
import { highlightSnippet } from './highlightSnippet.ts';

const is = (...words: string[]) => (w: string) => words.includes(w);

describe('highlightSnippet', () => {
  it('keeps a short text whole, punctuation included, and marks words matched by their normalised form', () => {
    expect(highlightSnippet('« Café crème », s’il vous plaît.', is('cafe', 'plait'))).toBe(`« ${O}Café${C} crème », s’il vous ${O}plaît${C}.`);
    // Decomposed accents (NFD) stay inside the marked word.
    expect(highlightSnippet('Cafe\u0301 noir', is('cafe'))).toBe(`${O}Cafe\u0301${C} noir`);
  });

  it('cuts a long text to the window with the most matches, centred, with ellipses where cut', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    words[30] = 'alpha';
    words[33] = 'beta';
    words[5] = 'alpha';
    const snippet = highlightSnippet(words.join(' '), is('alpha', 'beta'), 8);
    expect(snippet).toBe(`…w28 w29 ${O}alpha${C} w31 w32 ${O}beta${C} w34 w35…`);
  });

  it('clamps the window at either end of the text', () => {
    const text = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(highlightSnippet(text, is('w0'), 4)).toBe(`${O}w0${C} w1 w2 w3…`);
    expect(highlightSnippet(text, is('w19'), 4)).toBe(`…w16 w17 w18 ${O}w19${C}`);
  });

  it('starts at the beginning when nothing matches, and returns text without words unchanged', () => {
    expect(highlightSnippet('one two three', is('zzz'), 2)).toBe('one two…');
    expect(highlightSnippet('?!', is('x'))).toBe('?!');
  });
});
