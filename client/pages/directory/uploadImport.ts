/**
 * Sends a community export zip to POST /api/communities/import (the raw bytes as the body) with upload
 * progress, through XMLHttpRequest because fetch cannot report it. Errors carry the API's message.
 */
import type { ApiErrorBody } from '../../../shared/api/errors.ts';
import type { ImportResultDto } from '../../../shared/api/exportSchemas.ts';

/** Sends `file`; `onProgress` gets 0–1 as bytes go out (1 once sent: the server is then creating things). */
export function uploadImport(file: Blob, onProgress: (fraction: number) => void): Promise<ImportResultDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/communities/import');
    xhr.setRequestHeader('Content-Type', 'application/zip');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = xhr.response as (ImportResultDto & ApiErrorBody) | null;
      if (xhr.status === 201 && typeof body?.communityId === 'string') return resolve(body);
      reject(new Error(body?.error?.message ?? (xhr.status === 413 ? 'This file is too large to import.' : `The import failed (HTTP ${xhr.status}).`)));
    };
    xhr.onerror = () => reject(new Error('The import failed: the server could not be reached.'));
    xhr.send(file);
  });
}
