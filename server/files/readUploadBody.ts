/**
 * Reads an upload's body with a size limit: the raw bytes (any Content-Type; the name from `?name=`),
 * or multipart/form-data with one `file` field. Over the limit is a 413 before or while reading (an
 * honest Content-Length is refused without reading the body); the declared type is never trusted.
 */
import type { Context } from 'hono';
import { MAX_FILE_NAME_LENGTH } from '../../shared/api/files.ts';
import { HttpError } from '../http/HttpError.ts';

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** A file name fit to store and show: no folders, no control characters, at most MAX_FILE_NAME_LENGTH. */
export function cleanFileName(raw: string | null | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FILE_NAME_LENGTH);
  return clean || 'file';
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError('payload_too_large', `Files can be at most ${Math.floor(maxBytes / (1024 * 1024))} MiB`);
}

/**
 * The body's bytes, reading at most `limit`. Beyond it, the rest is read and thrown away (up to a
 * bound) so the client still gets the 413 rather than a reset connection, and 413 is thrown.
 */
async function readLimited(c: Context, limit: number, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      over = true;
      chunks.length = 0;
      if (total > limit * 2 + 1024 * 1024) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(value);
  }
  if (over) throw tooLarge(maxBytes);
  const out = new Uint8Array(total);
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    at += ch.byteLength;
  }
  return out;
}

/** The uploaded file's bytes and the name it was given. Throws 413 over `maxBytes`, 400 for a malformed form. */
export async function readUploadBody(c: Context, maxBytes: number): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header('content-type') ?? '';
  const multipart = /^multipart\/form-data\s*;/i.test(type);
  const limit = maxBytes + (multipart ? MULTIPART_OVERHEAD : 0);
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxBytes);
  const raw = await readLimited(c, limit, maxBytes);
  if (!multipart) return { bytes: raw, name: cleanFileName(c.req.query('name')) };

  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpError('invalid_input', 'The form data could not be read');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') {
    throw new HttpError('invalid_input', 'Send the file in a form field named "file"', { issues: [{ path: 'file', message: 'Required' }] });
  }
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: cleanFileName(file.name || c.req.query('name')) };
}
