/**
 * Uploads one file for the board (POST /api/sessions/:id/files, the raw bytes as the body) with progress,
 * through XMLHttpRequest because fetch cannot report upload progress. The server decides the type from
 * the content; the answer says what it found. Errors carry the API's message for people.
 */
import type { ApiErrorBody } from '../../shared/api/errors.ts';
import { uploadPath, type FileDto } from '../../shared/api/files.ts';

/** An upload that failed, with a message fit to show. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Sends `file`; `onProgress` gets 0–1 as bytes go out. Aborts with `signal`. */
export function uploadBoardFile(sessionId: string, file: Blob & { name?: string }, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadPath(sessionId, file.name || 'pasted file'));
    // The declared type is only a hint (the server sniffs the bytes); octet-stream when the browser has none.
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 && xhr.response && typeof xhr.response.sha256 === 'string') {
        onProgress(1);
        resolve(xhr.response as FileDto);
        return;
      }
      const body = xhr.response as ApiErrorBody | null;
      const message =
        body?.error?.message ??
        (xhr.status === 413 ? 'This file is too large to upload.' : `The upload failed (HTTP ${xhr.status}).`);
      reject(new UploadError(message, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError('The upload failed: the server could not be reached.', 0));
    xhr.onabort = () => reject(new UploadError('The upload was cancelled.', 0));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The natural size of an image file (for sizing its board item), or null if the browser cannot decode it. */
export async function imageSize(file: Blob): Promise<{ w: number; h: number } | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img.naturalWidth > 0 && img.naturalHeight > 0 ? { w: img.naturalWidth, h: img.naturalHeight } : null;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
