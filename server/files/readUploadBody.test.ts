import { describe, expect, it } from 'vitest';
import { cleanFileName } from './readUploadBody.ts';

describe('cleanFileName', () => {
  it('keeps the last path segment without control or direction characters', () => {
    expect(cleanFileName('C:\\Users\\ann\\ward plan.pdf')).toBe('ward plan.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u202ecod.exe\n')).toBe('abcod.exe');
    expect(cleanFileName('  many   spaces  ')).toBe('many spaces');
  });
  it('falls back to "file" and cuts long names', () => {
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName(null)).toBe('file');
    expect(cleanFileName('/')).toBe('file');
    expect(cleanFileName('x'.repeat(500))).toHaveLength(200);
  });
});
