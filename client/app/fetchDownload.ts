/**
 * Downloads that need the session cookie and a proper error message (exports): fetch the file, turn a
 * failure into an ApiError with the server's message, take the name the server gave it, and offer a
 * blob to the person as a file.
 */
import { ApiError, toApiError } from '../api/http.ts';

/** The file name of a Content-Disposition header: the exact RFC 5987 `filename*` if present, else `filename`. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const exact = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (exact) {
    try {
      return cleanName(decodeURIComponent(exact[1].trim()));
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  return plain ? cleanName(plain[1] ?? plain[2]) : null;
}

/** No folders and no control characters in a name we save under. */
function cleanName(name: string): string | null {
  const base = name.split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base || null;
}

/** Fetches `path` as a file (cookies included). Throws ApiError with the server's message on failure. */
export async function fetchDownload(path: string): Promise<{ blob: Blob; name: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach Commonplace. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  return { blob: await res.blob(), name: fileNameFromDisposition(res.headers.get('content-disposition')) };
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
