import { describe, expect, it } from 'vitest';
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { connectorLine, previewViewBox, strokePoints } from './boardPreview.ts';

const item = (over: Partial<BoardEntry>): BoardEntry => ({ id: 'i', type: 'sticky', text: '', x: 0, y: 0, w: 100, h: 50, color: '#fff3a3', z: 0, createdBy: '', createdAt: 0, ...over });

describe('board preview geometry', () => {
  it('covers every positioned item with a margin, ignoring connectors', () => {
    expect(previewViewBox([item({ x: 0, y: 0 }), item({ x: 300, y: 200, w: 50, h: 50 }), item({ type: 'connector', x: 9999, y: 9999 })])).toEqual({ x: -40, y: -40, w: 430, h: 330 });
    expect(previewViewBox([])).toBeNull();
  });

  it('joins the centres of a connector’s ends, and skips a dangling one', () => {
    const a = item({ id: 'a', x: 0, y: 0 });
    const b = item({ id: 'b', x: 200, y: 100 });
    const byId = new Map([a, b].map((i) => [i.id, i]));
    expect(connectorLine(item({ type: 'connector', from: 'a', to: 'b' }), byId)).toEqual({ x1: 50, y1: 25, x2: 250, y2: 125 });
    expect(connectorLine(item({ type: 'connector', from: 'a', to: 'gone' }), byId)).toBeNull();
  });

  it('turns stroke points into SVG points at the stroke’s position', () => {
    expect(strokePoints(item({ type: 'stroke', x: 10, y: 20, points: [0, 0, 0.5, 5, 6, 0.5] }))).toBe('10,20 15,26');
  });
});
