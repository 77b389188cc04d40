import { describe, expect, it } from 'vitest';
import { formatShortcut } from './formatShortcut.ts';

describe('formatShortcut', () => {
  it('spells shortcuts out on Windows and Linux', () => {
    expect(formatShortcut('Mod-b', false)).toEqual({ label: 'Ctrl+B', aria: 'Control+B' });
    expect(formatShortcut('Mod-Alt-1', false)).toEqual({ label: 'Ctrl+Alt+1', aria: 'Control+Alt+1' });
  });

  it('uses symbols in Apple order on Apple platforms', () => {
    expect(formatShortcut('Mod-Shift-8', true)).toEqual({ label: '⇧⌘8', aria: 'Meta+Shift+8' });
    expect(formatShortcut('Mod-Alt-c', true)).toEqual({ label: '⌥⌘C', aria: 'Meta+Alt+C' });
  });
});
