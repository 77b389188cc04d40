/**
 * Password hashing with scrypt (node:crypto, async so the event loop keeps serving other requests).
 * The encoded hash carries its own parameters, so raising the cost later still verifies old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP's scrypt recommendation: N=2^17, r=8, p=1. */
export const DEFAULT_SCRYPT_LOG_N = 17;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from a stored hash: a corrupt or hostile row must not make one login
// allocate gigabytes or spin for minutes.
const MAX_LOG_N = 20;
const MAX_R = 32;
const MAX_P = 16;

function scryptAsync(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** scrypt needs about 128·N·r bytes; Node's default maxmem (32 MiB) is below what N=2^17 requires. */
function maxmemFor(N: number, r: number): number {
  return 128 * N * r * 2;
}

/** Hashes a password into `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export async function hashPassword(password: string, logN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  if (!Number.isInteger(logN) || logN < 1 || logN > MAX_LOG_N) throw new RangeError(`scrypt logN out of range: ${logN}`);
  const N = 2 ** logN;
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, { N, r: R, p: P, maxmem: maxmemFor(N, R) });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s) ? Number(s) : NaN));
  if (!(N >= 2 && N <= 2 ** MAX_LOG_N && (N & (N - 1)) === 0)) return null;
  if (!(r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** True when `password` matches the encoded hash. A malformed hash verifies as false, never throws. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const h = parseHash(encoded);
  if (!h) return false;
  const key = await scryptAsync(password, h.salt, h.key.length, { N: h.N, r: h.r, p: h.p, maxmem: maxmemFor(h.N, h.r) });
  return timingSafeEqual(key, h.key);
}

const dummyHashes = new Map<number, Promise<string>>();

/** Computes (once per cost) the hash that unknown accounts are checked against. Call at start-up. */
export function primeDummyHash(logN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  let hash = dummyHashes.get(logN);
  if (!hash) {
    hash = hashPassword(randomBytes(18).toString('base64url'), logN);
    dummyHashes.set(logN, hash);
  }
  return hash;
}

/**
 * Burns the same scrypt work as a real check, for a login whose email matches no account, so that the
 * response time does not reveal which emails are registered. Always resolves to false.
 */
export async function verifyDummyPassword(password: string, logN = DEFAULT_SCRYPT_LOG_N): Promise<false> {
  await verifyPassword(password, await primeDummyHash(logN));
  return false;
}
