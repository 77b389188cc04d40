/** The small shared pieces of the knowledge base: anchors, snippets, focus links, tags. */
import { describe, expect, it } from 'vitest';
import { headingAnchors, headingSlug } from './anchors.ts';
import { archiveHref, formatFocus, parseFocus, sessionHref } from './focus.ts';
import { SNIPPET_MARK_CLOSE as C, SNIPPET_MARK_OPEN as O, splitSnippet, stripSnippetMarks } from './search.ts';
import { normalizeTags } from './tags.ts';

describe('anchors', () => {
  it('slugs headings: accents dropped, punctuation collapsed, any script kept, never empty', () => {
    expect(headingSlug('  Décisions & next steps! ')).toBe('decisions-next-steps');
    expect(headingSlug('Итоги встречи')).toBe('итоги-встречи');
    expect(headingSlug('a\nb')).toBe('a-b');
    expect(headingSlug('!!!')).toBe('section');
    expect(headingSlug('x'.repeat(100))).toHaveLength(64);
  });

  it('makes repeated headings unique in document order', () => {
    expect(headingAnchors(['Actions', 'Notes', 'Actions', 'actions'])).toEqual(['actions', 'notes', 'actions-2', 'actions-3']);
  });
});

describe('snippets', () => {
  it('splits at the markers into plain and highlighted parts', () => {
    expect(splitSnippet(`…the ${O}consent${C} form and ${O}consent${C}`)).toEqual([
      { text: '…the ', mark: false },
      { text: 'consent', mark: true },
      { text: ' form and ', mark: false },
      { text: 'consent', mark: true },
    ]);
    expect(splitSnippet(`open ${O}to the end`)).toEqual([
      { text: 'open ', mark: false },
      { text: 'to the end', mark: true },
    ]);
    expect(splitSnippet('<b>not html</b>')).toEqual([{ text: '<b>not html</b>', mark: false }]);
    expect(stripSnippetMarks(`a${O}b${C}c`)).toBe('abc');
  });
});

describe('focus links', () => {
  it('parses and formats kind:itemId, refusing unknown kinds', () => {
    expect(parseFocus('board:abc:def')).toEqual({ kind: 'board', itemId: 'abc:def' });
    expect(parseFocus('notes')).toEqual({ kind: 'notes' });
    expect(parseFocus('evil:1')).toBeNull();
    expect(parseFocus(null)).toBeNull();
    expect(parseFocus(`board:${'x'.repeat(201)}`)).toBeNull();
    expect(formatFocus({ kind: 'agenda', itemId: 'a1' })).toBe('agenda:a1');
  });

  it('links into a session at a place, or to its archive', () => {
    expect(sessionHref('s 1', { kind: 'notes', itemId: 'décisions' })).toBe('/s/s%201?focus=notes%3Ad%C3%A9cisions');
    expect(sessionHref('s1', { kind: 'title' })).toBe('/s/s1');
    expect(archiveHref('s1')).toBe('/s/s1/archive');
  });
});

describe('tags', () => {
  it('normalises: trimmed, single spaces, lower case, no repeats or empties, sorted', () => {
    expect(normalizeTags([' Case  Review ', 'onboarding', 'ONBOARDING', '   '])).toEqual(['case review', 'onboarding']);
  });
});
