/**
 * Content-addressed storage of uploaded files in the data folder: a file is named by the sha256 of its
 * content, under two levels of folders (`files/ab/cd/<sha256>`) so no folder grows huge. The same
 * content uploaded twice is stored once. Writes go to a temporary file, are fsynced and renamed into
 * place, so a crash never leaves a half-written file under a real name.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** The hex sha256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files under one root folder (normally DATA_DIR/files). */
export class FileStorage {
  constructor(readonly root: string) {}

  /** Where the content with this sha256 lives. Throws for anything that is not a sha256 (no path tricks). */
  pathFor(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError('not a sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores `bytes` (unless the same content is already there) and returns its sha256. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; stored: boolean }> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathFor(sha256);
    if (await this.has(sha256)) return { sha256, stored: false };
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(path.dirname(target), `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(tmp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    return { sha256, stored: true };
  }

  /** True when the content is stored. */
  async has(sha256: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathFor(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /**
   * A stream of the content and its size, or null when it is not stored. The file is opened here (not
   * when the stream is first read), so the size and the bytes are of the same file.
   */
  async open(sha256: string): Promise<{ stream: ReadStream; size: number } | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathFor(sha256), 'r');
    } catch {
      return null;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a file');
      return { stream: handle.createReadStream({ autoClose: true }), size: stat.size };
    } catch {
      await handle.close();
      return null;
    }
  }
}
