/**
 * Draws board items as simple shapes on a 2D canvas, for the level-of-detail view (zoomed far out, where
 * text is unreadable anyway) and the minimap: coloured rectangles for notes, outlines for shapes and
 * frames, polylines for strokes, lines for arrows. Colours of the chrome come from the design tokens
 * (read from CSS once per canvas); item colours are the validated palette colours.
 */
import type { BoardIndex, BoardIndexEntry } from './BoardIndex.ts';
import { rectsIntersect, type Rect } from '../../shared/board/geometry.ts';

/** The token colours the painter uses. */
export interface PaintPalette {
  surface: string;
  border: string;
  text: string;
  muted: string;
}

/** Reads the palette from the CSS custom properties in effect at `el`. */
export function readPalette(el: Element): PaintPalette {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    surface: v('--color-surface', 'white'),
    border: v('--color-border-strong', 'gray'),
    text: v('--color-text', 'black'),
    muted: v('--color-canvas-dot', 'silver'),
  };
}

/** How board coordinates map to the canvas: canvas = board * scale + offset (in canvas pixels). */
export interface PaintTransform {
  scale: number;
  x: number;
  y: number;
}

/**
 * Paints every item of `index` that meets `view` (board coordinates). Frames first, so they lie under
 * what is on them; `detail` false (the minimap) skips strokes' points and arrows.
 */
export function paintBoardItems(ctx: CanvasRenderingContext2D, index: BoardIndex, view: Rect, t: PaintTransform, palette: PaintPalette, detail: boolean): number {
  ctx.setTransform(t.scale, 0, 0, t.scale, t.x, t.y);
  const line = 1 / t.scale;
  let painted = 0;
  const later: BoardIndexEntry[] = [];
  for (const e of index.all()) {
    if (e.detached || !rectsIntersect(e.rect, view)) continue;
    if (e.type === 'frame') {
      const r = e.rect;
      ctx.fillStyle = palette.surface;
      ctx.fillRect(r.x, r.y, r.w, r.h);
      ctx.strokeStyle = palette.border;
      ctx.lineWidth = line;
      ctx.strokeRect(r.x, r.y, r.w, r.h);
      painted++;
    } else later.push(e);
  }
  for (const e of later) {
    const r = e.rect;
    painted++;
    switch (e.type) {
      case 'sticky':
        ctx.fillStyle = e.color;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        break;
      case 'shape':
        ctx.fillStyle = e.color;
        ctx.beginPath();
        if (e.shape === 'ellipse') ctx.ellipse(r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2, 0, 0, Math.PI * 2);
        else if (e.shape === 'diamond') {
          ctx.moveTo(r.x + r.w / 2, r.y);
          ctx.lineTo(r.x + r.w, r.y + r.h / 2);
          ctx.lineTo(r.x + r.w / 2, r.y + r.h);
          ctx.lineTo(r.x, r.y + r.h / 2);
          ctx.closePath();
        } else ctx.rect(r.x, r.y, r.w, r.h);
        ctx.fill();
        if (detail) {
          ctx.strokeStyle = palette.text;
          ctx.lineWidth = line;
          ctx.stroke();
        }
        break;
      case 'text':
        // A bar where the words are.
        ctx.fillStyle = palette.muted;
        ctx.fillRect(r.x, r.y + r.h * 0.3, r.w * 0.8, r.h * 0.4);
        break;
      case 'stroke': {
        const pts = detail ? e.map.get('points') : null;
        ctx.strokeStyle = e.color;
        if (Array.isArray(pts) && pts.length >= 6) {
          ctx.lineWidth = Math.max(line, 3);
          ctx.beginPath();
          ctx.moveTo(r.x + pts[0], r.y + pts[1]);
          for (let i = 3; i + 1 < pts.length; i += 3) ctx.lineTo(r.x + pts[i], r.y + pts[i + 1]);
          ctx.stroke();
        } else {
          ctx.lineWidth = line;
          ctx.strokeRect(r.x, r.y, r.w, r.h);
        }
        break;
      }
      case 'connector': {
        if (!detail) break;
        const g = index.connectorGeometry(e.id);
        if (!g) break;
        ctx.strokeStyle = e.color;
        ctx.lineWidth = Math.max(line, 2);
        ctx.beginPath();
        ctx.moveTo(g.start.x, g.start.y);
        ctx.bezierCurveTo(g.c1.x, g.c1.y, g.c2.x, g.c2.y, g.end.x, g.end.y);
        ctx.stroke();
        break;
      }
      default:
        // Links, files, images: a card.
        ctx.fillStyle = e.type === 'image' ? palette.muted : palette.surface;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        ctx.strokeStyle = palette.border;
        ctx.lineWidth = line;
        ctx.strokeRect(r.x, r.y, r.w, r.h);
    }
  }
  return painted;
}
