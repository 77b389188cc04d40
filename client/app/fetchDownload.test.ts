import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './fetchDownload.ts';

describe('fileNameFromDisposition', () => {
  it('prefers the exact UTF-8 name, else the plain one', () => {
    expect(fileNameFromDisposition(`attachment; filename="caf_.md"; filename*=UTF-8''caf%C3%A9.md`)).toBe('café.md');
    expect(fileNameFromDisposition('attachment; filename="board.svg"')).toBe('board.svg');
    expect(fileNameFromDisposition('attachment; filename=plain.zip')).toBe('plain.zip');
  });

  it('drops folders and control characters, and gives null without a name', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`)).toBe('passwd');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
