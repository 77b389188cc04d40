/**
 * Reads an uploaded community export zip defensively: only the names the format has (manifest.json,
 * sessions/<name>.md, files/<sha256>, versions/<sha256>) — anything else, a path trick included, is refused, not skipped;
 * only stored or deflated entries; a limit on the number of entries, on every entry and on the total,
 * checked against the sizes the archive declares before anything is inflated. fflate inflates an entry
 * into a buffer of its declared size and never past it, so a zip bomb that lies about its sizes yields
 * truncated content, which the caller's checks (JSON, sha256) then reject.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { IMPORT_LIMITS, MANIFEST_NAME } from '../../../shared/api/exportSchemas.ts';
import { HttpError } from '../../http/HttpError.ts';

/** The entries an import uses. Markdown copies are checked but not kept (they are derived data). */
export interface ImportEntries {
  manifest: Uint8Array;
  /** sha256 → content, from `files/<sha256>`. */
  files: Map<string, Uint8Array>;
  /** sha256 → a timeline version's document state, from `versions/<sha256>` (format version 2). */
  versions: Map<string, Uint8Array>;
}

export interface ImportZipLimits {
  /** Largest uploaded file (MAX_UPLOAD_BYTES). */
  fileBytes: number;
  /** Largest document state (MAX_DOC_BYTES): each timeline version. */
  docBytes?: number;
  manifestBytes?: number;
  markdownBytes?: number;
  totalBytes?: number;
  entries?: number;
}

const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;
const VERSION_ENTRY = /^versions\/([0-9a-f]{64})$/;
const MARKDOWN_ENTRY = /^sessions\/[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.md$/;

const MiB = (n: number) => `${Math.floor(n / (1024 * 1024))} MiB`;

/** The entries of `zip`. Throws HttpError 400 (malformed, unexpected names) or 413 (over a limit). */
export function readImportZip(zip: Uint8Array, limits: ImportZipLimits): ImportEntries {
  const max = {
    manifest: limits.manifestBytes ?? IMPORT_LIMITS.manifestBytes,
    markdown: limits.markdownBytes ?? IMPORT_LIMITS.markdownBytes,
    doc: limits.docBytes ?? IMPORT_LIMITS.docBytes,
    total: limits.totalBytes ?? IMPORT_LIMITS.totalBytes,
    entries: limits.entries ?? IMPORT_LIMITS.entries,
  };
  const seen = new Set<string>();
  let total = 0;

  const check = (info: UnzipFileInfo): boolean => {
    const { name } = info;
    // Folder entries some zip tools add carry no data.
    if ((name === 'sessions/' || name === 'files/' || name === 'versions/') && info.originalSize === 0) return false;
    const shown = JSON.stringify(name.slice(0, 120));
    if (seen.has(name)) throw new HttpError('invalid_input', `The zip holds ${shown} twice`);
    seen.add(name);
    if (seen.size > max.entries) throw new HttpError('payload_too_large', `The zip has more than ${max.entries} entries`);
    let limit: number;
    if (name === MANIFEST_NAME) limit = max.manifest;
    else if (FILE_ENTRY.test(name)) limit = limits.fileBytes;
    else if (VERSION_ENTRY.test(name)) limit = max.doc;
    else if (MARKDOWN_ENTRY.test(name)) limit = max.markdown;
    else throw new HttpError('invalid_input', `The zip holds an entry this format does not have: ${shown}`);
    if (info.compression !== 0 && info.compression !== 8) throw new HttpError('invalid_input', `${shown} is compressed in a way this server does not read`);
    if (info.originalSize > limit) throw new HttpError('payload_too_large', `${shown} is larger than ${MiB(limit)}`);
    total += info.originalSize;
    if (total > max.total) throw new HttpError('payload_too_large', `The zip holds more than ${MiB(max.total)} of content`);
    // Markdown copies are not read on import: checked above, never inflated.
    return !MARKDOWN_ENTRY.test(name);
  };

  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, { filter: check });
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError('invalid_input', 'This file is not a readable zip archive');
  }
  const manifest = entries[MANIFEST_NAME];
  if (!manifest) throw new HttpError('invalid_input', `The zip has no ${MANIFEST_NAME}: is it a Commonplace community export?`);
  const files = new Map<string, Uint8Array>();
  const versions = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(entries)) {
    const file = FILE_ENTRY.exec(name)?.[1];
    if (file) files.set(file, content);
    const version = VERSION_ENTRY.exec(name)?.[1];
    if (version) versions.set(version, content);
  }
  return { manifest, files, versions };
}
