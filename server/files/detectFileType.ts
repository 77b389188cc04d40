/**
 * What an uploaded file really is, from its first bytes ("magic numbers"), never from its name or the
 * type the client declared: PNG, JPEG, GIF, WebP, PDF, or SVG (UTF-8 XML whose root element is <svg>).
 * Anything else is refused by the caller (415).
 */
import type { UploadType } from '../../shared/api/files.ts';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');

/** How far into a text file the <svg> root element may start (after the XML declaration, comments, doctype). */
const SVG_HEAD_BYTES = 4096;

/** True when `bytes` is an XML document whose root element is <svg> (UTF-8, optionally with a BOM). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SVG_HEAD_BYTES);
  if (head.includes(0)) return false; // binary, or UTF-16: not a text SVG we accept
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? head.subarray(0, lastCompleteChar(head)) : head);
  } catch {
    return false;
  }
  let s = text.replace(/^\uFEFF/, '');
  // Skip what may come before the root: whitespace, the XML declaration, comments, a doctype.
  for (;;) {
    const before = s;
    s = s.replace(/^\s+/, '');
    if (s.startsWith('<?xml')) s = s.slice(endOf(s, '?>'));
    else if (s.startsWith('<!--')) s = s.slice(endOf(s, '-->'));
    else if (/^<!DOCTYPE\s/i.test(s)) s = s.slice(endOfDoctype(s));
    if (s === before) break;
  }
  return /^<svg[\s>/]/.test(s);
}

function endOf(s: string, marker: string): number {
  const i = s.indexOf(marker);
  return i < 0 ? s.length : i + marker.length;
}

function endOfDoctype(s: string): number {
  const bracket = s.indexOf('[');
  const close = s.indexOf('>');
  if (bracket >= 0 && (close < 0 || bracket < close)) return endOf(s, ']>');
  return close < 0 ? s.length : close + 1;
}

/** Length of `b` without a UTF-8 sequence cut off at its end. */
function lastCompleteChar(b: Uint8Array): number {
  let i = b.length;
  let back = 0;
  while (i > 0 && back < 4 && (b[i - 1] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i > 0 && b[i - 1] >= 0xc0) i--; // a lead byte whose continuation was cut
  return i;
}

/** The detected type of `bytes`, or null when it is none of the accepted kinds. */
export function detectFileType(bytes: Uint8Array): UploadType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}
