/** Reads an uploaded file's whole content (for exports, which embed or pack files rather than stream them). */
import fs from 'node:fs/promises';
import type { FileStorage } from '../../files/FileStorage.ts';

/** The stored content with this sha256, or null when it is not stored (or unreadable). */
export async function readStoredFile(files: FileStorage, sha256: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(files.pathFor(sha256)));
  } catch {
    return null;
  }
}
