/**
 * Turns a fetched page's bytes into text: the charset of the Content-Type header, else of a
 * `<meta charset>` near the top, else UTF-8. An unknown charset label falls back to UTF-8 (never throws).
 */

/** The charset a page declares in its first bytes (`<meta charset=x>` or the http-equiv form). */
function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

/** The text of an HTML body, decoded with its declared charset. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? sniffCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
