/**
 * Files dropped or pasted onto the board: each image or PDF is uploaded with progress, then becomes an
 * `image` or `file` item where it was dropped. Other kinds are refused before uploading (the server
 * checks again, by content). The list of uploads in progress or failed is state for UploadStatus.
 */
import { useCallback, useRef, useState } from 'react';
import { UPLOAD_TYPES, type FileDto } from '../../shared/api/files.ts';
import type { Point, Size } from '../../shared/board/geometry.ts';
import { imageSize, uploadBoardFile } from './uploadBoardFile.ts';

/** One upload as shown to the person. */
export interface UploadState {
  key: number;
  name: string;
  /** 0–1. */
  progress: number;
  error?: string;
}

/** Whether a dropped file is worth uploading (by its declared type or, lacking one, its name). */
export function looksUploadable(file: { type: string; name: string }): boolean {
  if ((UPLOAD_TYPES as readonly string[]).includes(file.type)) return true;
  return !file.type && /\.(png|jpe?g|gif|webp|svg|pdf)$/i.test(file.name);
}

/** Uploads for the board of session `sessionId`; `onUploaded` places the item. */
export function useFileUploads(sessionId: string | null, onUploaded: (file: FileDto, at: Point | null, natural: Size | null) => void, announce: (text: string) => void) {
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const next = useRef(1);
  const placed = useRef(onUploaded);
  placed.current = onUploaded;

  const update = (key: number, patch: Partial<UploadState>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const upload = useCallback(
    (files: File[], at: Point | null) => {
      files.forEach((file, i) => {
        const key = next.current++;
        // Several files at once fan out, so none hides another.
        const spot = at ? { x: at.x + i * 48, y: at.y + i * 48 } : null;
        if (!sessionId) {
          setUploads((list) => [...list, { key, name: file.name, progress: 0, error: 'Files can be added only inside a session.' }]);
          return;
        }
        if (!looksUploadable(file)) {
          setUploads((list) => [...list, { key, name: file.name, progress: 0, error: 'Only images (PNG, JPEG, GIF, WebP, SVG) and PDFs can be added.' }]);
          return;
        }
        setUploads((list) => [...list, { key, name: file.name, progress: 0 }]);
        announce(`Uploading ${file.name}`);
        const natural = file.type.startsWith('image/') ? imageSize(file) : Promise.resolve(null);
        uploadBoardFile(sessionId, file, (progress) => update(key, { progress }))
          .then(async (dto) => {
            placed.current(dto, spot, await natural);
            setUploads((list) => list.filter((u) => u.key !== key));
          })
          .catch((err: unknown) => {
            const message = err instanceof Error ? err.message : 'The upload failed.';
            update(key, { error: message });
            announce(`${file.name}: ${message}`);
          });
      });
    },
    [sessionId, announce],
  );

  const dismiss = useCallback((key: number) => setUploads((list) => list.filter((u) => u.key !== key)), []);
  return { uploads, upload, dismiss };
}
