import { describe, expect, it } from 'vitest';
import { Vocabulary, type Expansion } from './Vocabulary.ts';
import { allowedTypos, searchTerms } from './searchTerms.ts';

const vocab = (...words: string[]) => {
  const v = new Vocabulary();
  for (const w of words) v.add(w);
  return v;
};

/** Whether some expansion matches `word` (as the word itself, or as a prefix of it). */
const covers = (found: Expansion[], word: string) => found.some((e) => (e.prefix ? word.startsWith(e.text) : word === e.text));

describe('searchTerms', () => {
  it('lower-cases, drops accents, splits at punctuation, removes repeats and caps the count', () => {
    expect(searchTerms('  Café-Crème, CAFÉ! naïve_résumé 2026 ')).toEqual(['cafe', 'creme', 'naive', 'resume', '2026']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('!!! ??')).toEqual([]);
  });

  it('allows no typo below 4 letters, one up to 7, two from 8', () => {
    expect([allowedTypos('cat'), allowedTypos('care'), allowedTypos('mentors'), allowedTypos('concusion')]).toEqual([0, 1, 1, 2]);
  });
});

describe('Vocabulary', () => {
  it('finds whole words within the allowed edits: missing, extra, wrong and swapped letters', () => {
    const v = vocab('concussion', 'concussions', 'conclusion', 'protocol', 'consent');
    const concusion = v.expansions('concusion', 1, 10);
    expect(covers(concusion, 'concussion') && covers(concusion, 'conclusion')).toBe(true);
    expect(covers(concusion, 'consent')).toBe(false);
    for (const typo of ['protocl', 'protocoll', 'protocal', 'portocol']) {
      const found = v.expansions(typo, 1, 10);
      expect(covers(found, 'protocol'), typo).toBe(true);
      expect(found.every((e) => e.distance === 1)).toBe(true);
    }
    expect(covers(v.expansions('cosnent', 1, 10), 'consent')).toBe(true);
    expect(v.expansions('xyzzy', 1, 10)).toEqual([]);
    expect(v.expansions('protocl', 0, 10)).toEqual([]);
  });

  it('finds a word shorter than the query word with a typo', () => {
    const v = vocab('concusion');
    expect(v.expansions('concussion', 2, 10)).toEqual([{ text: 'concusion', prefix: false, distance: 1 }]);
  });

  it('finds prefixes within one edit ("mentr" reaches "mentoring")', () => {
    const v = vocab('mentoring', 'mentors', 'meeting');
    const found = v.expansions('mentr', 1, 10);
    expect(found.every((e) => e.distance === 1)).toBe(true);
    expect(found.some((e) => e.prefix && 'mentoring'.startsWith(e.text))).toBe(true);
    expect(found.some((e) => 'meeting'.startsWith(e.text))).toBe(false);
  });

  it('never returns the word itself or what its own prefix query covers', () => {
    const v = vocab('care', 'career', 'cares');
    expect(v.expansions('care', 1, 10).map((e) => e.text)).not.toContain('care');
    expect(v.expansions('care', 1, 10).some((e) => e.text.startsWith('care'))).toBe(false);
  });

  it('orders by distance and respects the limit; words added later are found', () => {
    const v = vocab('abcdefgh');
    v.addText('Abcdefgx, ABCDEFXY');
    expect(v.size).toBe(3);
    const found = v.expansions('abcdefgh', 2, 10);
    expect(found.map((e) => [e.text, e.distance])).toEqual([
      ['abcdefgx', 1],
      ['abcdefxy', 2],
    ]);
    expect(v.expansions('abcdefgh', 2, 1)).toHaveLength(1);
  });
});
