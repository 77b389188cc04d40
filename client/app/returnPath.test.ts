import { describe, expect, it } from 'vitest';
import { authPath, safeReturnPath } from './returnPath.ts';

describe('safeReturnPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnPath('/c/abc')).toBe('/c/abc');
    expect(safeReturnPath('/invite/XYZ?from=mail')).toBe('/invite/XYZ?from=mail');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative', '//evil.example'],
    ['backslash trick', '/\\evil.example'],
    ['embedded backslash', '/x\\..\\\\evil'],
    ['control character', '/\t/evil.example'],
    ['javascript URL', 'javascript:alert(1)'],
    ['loop back to sign-in', '/signin?next=/c/1'],
    ['loop back to sign-up', '/signup'],
  ])('falls back to / for %s', (_name, raw) => {
    expect(safeReturnPath(raw)).toBe('/');
  });
});

describe('authPath', () => {
  it('encodes the return path', () => {
    expect(authPath('/signin', '/invite/a b?x=1&y=2')).toBe('/signin?next=%2Finvite%2Fa%20b%3Fx%3D1%26y%3D2');
  });
  it('leaves the parameter out when returning home', () => {
    expect(authPath('/signup', '/')).toBe('/signup');
    expect(authPath('/signin', '//evil.example')).toBe('/signin');
  });
});
