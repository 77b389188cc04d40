import { describe, expect, it } from 'vitest';
import { parseCookies, serializeClearedSessionCookie, serializeSessionCookie, sessionTokenFromCookieHeader } from './cookies.ts';
import { SESSION_COOKIE } from './AuthSessions.ts';

describe('cookies', () => {
  it('parses a Cookie header, first occurrence winning', () => {
    const c = parseCookies('a=1; cp_session=tok_EN-x;b="quoted"; a=2; c=%20sp; broken; d=%E0%A4%A');
    expect(c.get('a')).toBe('1');
    expect(c.get(SESSION_COOKIE)).toBe('tok_EN-x');
    expect(c.get('b')).toBe('quoted');
    expect(c.get('c')).toBe(' sp');
    expect(c.get('d')).toBe('%E0%A4%A'); // bad escape kept raw
    expect(c.has('broken')).toBe(false);
  });

  it('is safe with empty input and prototype-looking names', () => {
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
    const c = parseCookies('__proto__=x; constructor=y');
    expect(c.get('__proto__')).toBe('x');
    expect(c.get('constructor')).toBe('y');
    expect(parseCookies('x=1').get('__proto__')).toBeUndefined();
  });

  it('reads the session token', () => {
    expect(sessionTokenFromCookieHeader('theme=dark; cp_session=abc')).toBe('abc');
    expect(sessionTokenFromCookieHeader('theme=dark')).toBeNull();
  });

  it('serialises the session cookie HttpOnly, Lax, Path=/ and Secure on request', () => {
    const plain = serializeSessionCookie('tok', { maxAgeSeconds: 3600, secure: false });
    expect(plain).toBe('cp_session=tok; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax');
    expect(serializeSessionCookie('tok', { maxAgeSeconds: 10, secure: true })).toMatch(/; Secure$/);
  });

  it('clears the cookie', () => {
    const cleared = serializeClearedSessionCookie({ secure: false });
    expect(cleared).toContain('cp_session=;');
    expect(cleared).toContain('Max-Age=0');
    expect(cleared).toContain('Expires=Thu, 01 Jan 1970');
  });
});
