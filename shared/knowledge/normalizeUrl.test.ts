import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizeUrl } from './normalizeUrl.ts';

describe('normalizeUrl', () => {
  it('lower-cases scheme and host but not the path', () => {
    expect(normalizeUrl('HTTPS://Example.ORG/Guide/Page')).toBe('https://example.org/Guide/Page');
  });

  it('drops default ports and keeps others', () => {
    expect(normalizeUrl('https://example.org:443/a')).toBe('https://example.org/a');
    expect(normalizeUrl('http://example.org:80/a')).toBe('http://example.org/a');
    expect(normalizeUrl('https://example.org:8443/a')).toBe('https://example.org:8443/a');
  });

  it('drops the fragment', () => {
    expect(normalizeUrl('https://example.org/a#section-2')).toBe('https://example.org/a');
    expect(normalizeUrl('https://example.org/a?x=1#')).toBe('https://example.org/a?x=1');
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(normalizeUrl('https://example.org/a?utm_source=news&b=2&utm_MEDIUM=mail&a=1&fbclid=xyz&gclid=1')).toBe('https://example.org/a?a=1&b=2');
    expect(normalizeUrl('https://example.org/?mc_cid=1&mc_eid=2&igshid=3&_hsenc=4&_hsmi=5&yclid=6&ref_src=7&dclid=8&msclkid=9')).toBe('https://example.org/');
    expect(normalizeUrl('https://example.org/a?utm%5Fsource=x&q=1')).toBe('https://example.org/a?q=1');
    // Repeated keys keep their values, in a stable order.
    expect(normalizeUrl('https://example.org/a?t=2&t=1')).toBe('https://example.org/a?t=1&t=2');
  });

  it('removes the trailing slash of a non-root path only', () => {
    expect(normalizeUrl('https://example.org/guide/')).toBe('https://example.org/guide');
    expect(normalizeUrl('https://example.org/guide//?a=1')).toBe('https://example.org/guide?a=1');
    expect(normalizeUrl('https://example.org/')).toBe('https://example.org/');
    expect(normalizeUrl('https://example.org')).toBe('https://example.org/');
  });

  it('decodes needless percent-encoding and upper-cases the rest', () => {
    expect(normalizeUrl('https://example.org/%7Euser/%61bc')).toBe('https://example.org/~user/abc');
    expect(normalizeUrl('https://example.org/a%2fb?q=%c3%a9')).toBe('https://example.org/a%2Fb?q=%C3%A9');
    expect(normalizeUrl('https://example.org/caf%C3%A9')).toBe(normalizeUrl('https://example.org/café'));
  });

  it('gives one key for the forms people paste', () => {
    const forms = [
      'https://Guide.Example.org/concussion/?utm_source=newsletter&utm_campaign=may',
      'https://guide.example.org:443/concussion#return-to-learn',
      'guide.example.org/concussion',
      'HTTPS://GUIDE.EXAMPLE.ORG/concussion/?fbclid=abc',
    ];
    expect(new Set(forms.map(normalizeUrl))).toEqual(new Set(['https://guide.example.org/concussion']));
  });

  it('is idempotent', () => {
    for (const u of ['https://example.org/a%2Fb?z=1&a=%C3%A9', 'http://x.test:8080/p?q', 'https://example.org/']) {
      const once = normalizeUrl(u)!;
      expect(normalizeUrl(once)).toBe(once);
    }
  });

  it('accepts only http(s)', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('data:text/html,hi')).toBeNull();
    expect(normalizeUrl('ftp://example.org/file')).toBeNull();
    expect(normalizeUrl('')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('isTrackingParam', () => {
  it('knows utm_* and click ids, case-insensitively', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('page')).toBe(false);
    expect(isTrackingParam('ref')).toBe(false);
  });
});
