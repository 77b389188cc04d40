import { describe, expect, it } from 'vitest';
import { excerpt } from './CommunityCard.tsx';

describe('excerpt', () => {
  it('keeps short text and flattens whitespace', () => {
    expect(excerpt('  Data  engineers\n\nwho share  ')).toBe('Data engineers who share');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(100);
    const out = excerpt(text, 42);
    expect(out.endsWith('word…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(43);
  });

  it('cuts inside a very long word rather than returning nothing', () => {
    const out = excerpt('a'.repeat(300), 50);
    expect(out).toBe(`${'a'.repeat(50)}…`);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(excerpt('alpha beta, gamma delta', 12)).toBe('alpha beta…');
  });
});
