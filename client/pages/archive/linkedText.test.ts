import { describe, expect, it } from 'vitest';
import { linkedText } from './linkedText.ts';

describe('linkedText', () => {
  it('places links in order, each after the previous one', () => {
    expect(
      linkedText('See the guide, then the guide appendix', [
        { href: 'https://a.org/', text: 'guide' },
        { href: 'https://b.org/', text: 'guide appendix' },
      ]),
    ).toEqual([
      { text: 'See the ' },
      { text: 'guide', href: 'https://a.org/' },
      { text: ', then the ' },
      { text: 'guide appendix', href: 'https://b.org/' },
    ]);
  });

  it('keeps unsafe targets and links it cannot find as plain text', () => {
    expect(linkedText('click here', [{ href: 'javascript:alert(1)', text: 'here' }, { href: 'https://x.org', text: 'missing' }])).toEqual([{ text: 'click here' }]);
    expect(linkedText('', [])).toEqual([{ text: '' }]);
  });
});
