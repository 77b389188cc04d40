import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { HttpError } from '../../http/HttpError.ts';
import { readImportZip } from './readImportZip.ts';

const SHA = 'b'.repeat(64);
const manifest = strToU8('{"formatVersion":1}');

function refusal(fn: () => unknown): { status: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('readImportZip', () => {
  it('returns the manifest and files, and never inflates the Markdown copies', () => {
    const zip = zipSync({ 'manifest.json': manifest, [`files/${SHA}`]: strToU8('png'), 'sessions/2026-01-01-a.md': strToU8('# A') });
    const got = readImportZip(zip, { fileBytes: 100 });
    expect(new TextDecoder().decode(got.manifest)).toBe('{"formatVersion":1}');
    expect([...got.files.keys()]).toEqual([SHA]);
    expect(got.versions.size).toBe(0);
  });

  it('returns timeline versions, each bounded by the document size limit', () => {
    const zip = zipSync({ 'manifest.json': manifest, [`versions/${SHA}`]: new Uint8Array(50) });
    expect([...readImportZip(zip, { fileBytes: 10, docBytes: 50 }).versions.keys()]).toEqual([SHA]);
    expect(refusal(() => readImportZip(zip, { fileBytes: 100, docBytes: 49 })).status).toBe(413);
    for (const name of ['versions/abc', `versions/${SHA}/x`, `versions/../${SHA}`]) {
      expect(refusal(() => readImportZip(zipSync({ 'manifest.json': manifest, [name]: strToU8('x') }), { fileBytes: 100 })).status).toBe(400);
    }
  });

  it('checks declared sizes per entry and in total, and the number of entries', () => {
    expect(refusal(() => readImportZip(zipSync({ 'manifest.json': manifest, [`files/${SHA}`]: new Uint8Array(101) }), { fileBytes: 100 })).status).toBe(413);
    expect(refusal(() => readImportZip(zipSync({ 'manifest.json': new Uint8Array(50) }), { fileBytes: 100, manifestBytes: 40 })).status).toBe(413);
    const many = zipSync({ 'manifest.json': manifest, [`files/${SHA}`]: new Uint8Array(60), [`files/${'c'.repeat(64)}`]: new Uint8Array(60) });
    expect(refusal(() => readImportZip(many, { fileBytes: 100, totalBytes: 100 })).message).toMatch(/more than/);
    expect(refusal(() => readImportZip(many, { fileBytes: 100, entries: 2 })).message).toMatch(/more than 2 entries/);
  });

  it('refuses unknown names and path tricks instead of skipping them', () => {
    for (const name of ['../x', 'files/abc', 'sessions/a.txt', 'sessions/../a.md', 'FILES/' + SHA]) {
      expect(refusal(() => readImportZip(zipSync({ 'manifest.json': manifest, [name]: strToU8('x') }), { fileBytes: 100 })).status).toBe(400);
    }
  });

  it('refuses a zip without a manifest, and what is not a zip', () => {
    expect(refusal(() => readImportZip(zipSync({ 'sessions/a.md': strToU8('x') }), { fileBytes: 100 })).message).toMatch(/no manifest\.json/);
    expect(refusal(() => readImportZip(strToU8('PK nonsense'), { fileBytes: 100 })).status).toBe(400);
  });
});
