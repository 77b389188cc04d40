import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_LOG_N, hashPassword, primeDummyHash, verifyDummyPassword, verifyPassword } from './passwords.ts';

// logN 10 keeps the suite fast; the production default is asserted separately.
const LOG_N = 10;

describe('passwords', () => {
  it('defaults to the OWASP cost N=2^17, r=8, p=1', async () => {
    expect(DEFAULT_SCRYPT_LOG_N).toBe(17);
    const encoded = await hashPassword('correct horse battery staple');
    const [alg, N, r, p, salt, key] = encoded.split('$');
    expect([alg, N, r, p]).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('s3cret-passphrase', LOG_N);
    expect(encoded.startsWith(`scrypt$${2 ** LOG_N}$8$1$`)).toBe(true);
    expect(await verifyPassword('s3cret-passphrase', encoded)).toBe(true);
    expect(await verifyPassword('s3cret-passphrasE', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('same password', LOG_N);
    const b = await hashPassword('same password', LOG_N);
    expect(a).not.toBe(b);
  });

  it('treats malformed or hostile encodings as a mismatch without throwing', async () => {
    const good = await hashPassword('pw-pw-pw-pw', LOG_N);
    const parts = good.split('$');
    const bad = [
      '',
      'garbage',
      'bcrypt$1$2$3$4$5',
      parts.slice(0, 5).join('$'),
      ['scrypt', '1000', ...parts.slice(2)].join('$'), // N not a power of two
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'), // absurd memory cost
      ['scrypt', parts[1], '999', ...parts.slice(3)].join('$'),
      [...parts.slice(0, 5), ''].join('$'),
    ];
    for (const encoded of bad) expect(await verifyPassword('pw-pw-pw-pw', encoded)).toBe(false);
  });

  it('rejects an out-of-range cost when hashing', async () => {
    await expect(hashPassword('x', 40)).rejects.toThrow(RangeError);
  });

  it('the dummy verifier does real scrypt work and always fails', async () => {
    const dummy = await primeDummyHash(LOG_N);
    expect(dummy.startsWith(`scrypt$${2 ** LOG_N}$`)).toBe(true);
    expect(await primeDummyHash(LOG_N)).toBe(dummy); // computed once per cost
    expect(await verifyDummyPassword('anything at all', LOG_N)).toBe(false);
  });
});
