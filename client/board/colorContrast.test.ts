/**
 * WCAG contrast of what the board draws on its colours: item text (and the muted placeholder text) on
 * every sticky colour, ink (pen, arrows) on the canvas and on every sticky colour. The text colours are
 * read from tokens.css, so changing a token that breaks contrast fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INK_COLORS, STICKY_COLORS } from '../../shared/doc/layout.ts';

const tokens = readFileSync(path.join(import.meta.dirname, '../styles/tokens.css'), 'utf8');
const token = (name: string): string => {
  const m = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(tokens);
  if (!m) throw new Error(`token ${name} not found`);
  return m[1];
};

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('board colour contrast (WCAG AA)', () => {
  it('computes contrast like WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(STICKY_COLORS)('note and shape text on %s reaches 4.5:1', (bg) => {
    // Placeholders on notes use the text colour too (italic tells them apart): the muted text colour
    // falls just short on pink (4.495:1).
    expect(contrast(token('--color-text'), bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(INK_COLORS)('ink %s reaches 4.5:1 on the canvas and on every sticky colour', (ink) => {
    for (const bg of [token('--color-canvas'), token('--color-surface'), ...STICKY_COLORS]) {
      expect(contrast(ink, bg), `${ink} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('frame titles, file names and link titles are legible on their backgrounds', () => {
    expect(contrast(token('--color-text-muted'), token('--color-canvas'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token('--color-primary'), token('--color-surface'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token('--color-danger'), token('--color-danger-soft'))).toBeGreaterThanOrEqual(4.5);
  });
});
