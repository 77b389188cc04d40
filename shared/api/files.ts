/**
 * The file upload contract: what `POST /api/sessions/:id/files` answers, the types the server accepts
 * (detected from the content, never from the name or the declared type) and the default size limit.
 */

/** Types an upload may have, as detected by the server from the file's first bytes. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'application/pdf'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** Default of MAX_UPLOAD_BYTES: 20 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Longest file name kept (longer names are cut). */
export const MAX_FILE_NAME_LENGTH = 200;

/** An uploaded file as the API describes it. */
export interface FileDto {
  /** Hex sha256 of the stored content (for SVG: of the sanitised content). */
  sha256: string;
  /** The detected type. */
  mime: UploadType;
  bytes: number;
  /** The name given at upload, cleaned. */
  name: string;
  /** Where to read it: `/api/files/<sha256>`. */
  url: string;
}

/** The upload route for a session. The body is the raw file (or multipart/form-data with a `file` field). */
export function uploadPath(sessionId: string, name: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/files?name=${encodeURIComponent(name)}`;
}
