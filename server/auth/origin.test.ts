import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, normalizeOrigin } from './origin.ts';

const ALLOWED = ['http://localhost:3000', 'https://commonplace.example.org/'];

describe('isAllowedOrigin', () => {
  it('accepts exact matches, after normalising case and default ports', () => {
    expect(isAllowedOrigin('http://localhost:3000', ALLOWED)).toBe(true);
    expect(isAllowedOrigin('https://commonplace.example.org', ALLOWED)).toBe(true);
    expect(isAllowedOrigin('https://COMMONPLACE.example.org:443', ALLOWED)).toBe(true);
  });

  it('refuses missing, null and malformed origins', () => {
    for (const o of [undefined, null, '', 'null', 'localhost:3000', 'file://', 'not a url', 'http://']) {
      expect(isAllowedOrigin(o, ALLOWED)).toBe(false);
    }
  });

  it('refuses look-alikes', () => {
    for (const o of [
      'http://localhost:3000.evil.com',
      'http://evil.com/http://localhost:3000',
      'http://localhost:3000/',
      'http://localhost:3000/path',
      'http://localhost:3000?x',
      'http://localhost:30000',
      'http://localhost:300',
      'https://localhost:3000',
      'http://localhost',
      'http://user@localhost:3000',
      'http://evil.com#http://localhost:3000',
      'http://evil.com\\@localhost:3000',
      'https://commonplace.example.org.evil.com',
      'https://evilcommonplace.example.org',
      'ws://localhost:3000',
      ' http://localhost:3000',
    ]) {
      expect(isAllowedOrigin(o, ALLOWED), o).toBe(false);
    }
  });

  it('normalizeOrigin only accepts bare http(s) origins', () => {
    expect(normalizeOrigin('HTTP://LocalHost:80')).toBe('http://localhost');
    expect(normalizeOrigin('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('http://a.com/')).toBeNull();
  });
});
