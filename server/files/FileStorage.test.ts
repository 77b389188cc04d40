import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStorage, sha256Hex } from './FileStorage.ts';

describe('FileStorage', () => {
  let root: string;
  let storage: FileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'commonplace-files-'));
    storage = new FileStorage(path.join(root, 'files'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const read = async (sha: string) => {
    const opened = await storage.open(sha);
    if (!opened) return null;
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString();
  };

  it('stores content under its sha256, two folder levels deep', async () => {
    const bytes = new TextEncoder().encode('hello');
    const { sha256, stored } = await storage.put(bytes);
    expect(sha256).toBe(sha256Hex(bytes));
    expect(sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(stored).toBe(true);
    expect(fs.existsSync(path.join(root, 'files', '2c', 'f2', sha256))).toBe(true);
    expect(await read(sha256)).toBe('hello');
    const opened = await storage.open(sha256);
    expect(opened?.size).toBe(5);
    opened?.stream.destroy();
  });

  it('stores the same content once and leaves no temporary files', async () => {
    const bytes = new TextEncoder().encode('same');
    const [a, b] = await Promise.all([storage.put(bytes), storage.put(bytes)]);
    expect(a.sha256).toBe(b.sha256);
    expect((await storage.put(bytes)).stored).toBe(false);
    const dir = path.dirname(storage.pathFor(a.sha256));
    expect(fs.readdirSync(dir)).toEqual([a.sha256]);
  });

  it('knows nothing of missing content and refuses names that are not a sha256', async () => {
    expect(await storage.open('0'.repeat(64))).toBeNull();
    expect(await storage.has('0'.repeat(64))).toBe(false);
    expect(() => storage.pathFor('../../etc/passwd')).toThrow(RangeError);
    expect(() => storage.pathFor('A'.repeat(64))).toThrow(RangeError);
  });
});
