import { describe, expect, it } from 'vitest';
import { detectFileType } from './detectFileType.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(new TextEncoder().encode(p)) : p)));

describe('detectFileType', () => {
  it('recognises the accepted formats by their first bytes', () => {
    expect(detectFileType(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'rest'))).toBe('image/png');
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(detectFileType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(detectFileType(bytes('GIF87a'))).toBe('image/gif');
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('recognises SVG after a BOM, an XML declaration, comments and a doctype', () => {
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(detectFileType(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg>'))).toBe('image/svg+xml');
    expect(detectFileType(bytes('<!DOCTYPE svg [ <!ENTITY a "b"> ]><svg>'))).toBe('image/svg+xml');
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(detectFileType(bytes('<!doctype html><html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(bytes('<html><svg></svg></html>'))).toBeNull();
    expect(detectFileType(bytes('<svgfoo>'))).toBeNull();
    expect(detectFileType(bytes('PK', [3, 4], 'zip'))).toBeNull();
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(detectFileType(bytes('hello'))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
    // UTF-16 SVG (NUL bytes) is not accepted.
    expect(detectFileType(bytes([0xff, 0xfe, 0x3c, 0, 0x73, 0, 0x76, 0, 0x67, 0]))).toBeNull();
  });
});
