/**
 * How a version's document state is stored: Y.encodeStateAsUpdate, deflated. Measured on a realistic
 * one-hour session (bench/versions.ts): 172 KB → 35 KB. zlib's async API runs in libuv's thread pool,
 * so compressing and inflating never block the event loop rooms run on.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** The stored form of a document state. */
export async function packState(update: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await deflate(update));
}

/** The document state of a stored version (throws on bytes that are not a packed state). */
export async function unpackState(stored: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await inflate(stored));
}
