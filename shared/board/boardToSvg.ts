/**
 * Renders board items into a standalone SVG document, from the Yjs data (plain item snapshots), for
 * export as SVG or (rasterised) PNG. Everything a person wrote is escaped as XML text; colours are the
 * validated palettes; images are embedded as data: URLs when given (an SVG shown as an image cannot
 * load anything else). No foreignObject, so a browser can draw the result onto a canvas. Pure.
 */
import type { BoardItemFields } from '../doc/layout.ts';
import { cleanColor, safeHttpUrl } from '../doc/layout.ts';
import { arrowHead, arrowSize, connectorBounds, connectorGeometry, type ConnectorGeometry } from './connectorGeometry.ts';
import { boundsOfRects, type Rect } from './geometry.ts';
import { formatBytes } from './itemLabel.ts';
import { shapePath } from './shapeGeometry.ts';
import { outlineToSvgPath, strokeBox, strokeOutline } from './strokeOutline.ts';

/** The interface colours used around items (from the design tokens at export time). */
export interface SvgPalette {
  canvas: string;
  surface: string;
  border: string;
  text: string;
  muted: string;
  link: string;
}

/**
 * The light theme's colours (client/styles/tokens.css), for renderers without the design tokens at hand
 * (the server's board.svg) and as the browser's fallbacks. Keep in step with tokens.css.
 */
export const DEFAULT_SVG_PALETTE: SvgPalette = {
  canvas: '#fbfaf7',
  surface: '#ffffff',
  border: '#a8a59b',
  text: '#1f2328',
  muted: '#57606a',
  link: '#1f4e79',
};

export interface SvgExportOptions {
  palette: SvgPalette;
  /** sha256 → data: URL of the image content. Images without one are drawn as a labelled placeholder. */
  images?: ReadonlyMap<string, string>;
  /** Width of `text` in px at `size` (a canvas measureText in the browser); a character estimate otherwise. */
  measure?: (text: string, size: number, bold: boolean) => number;
  padding?: number;
  fontFamily?: string;
}

/** `text` made safe as XML character data or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 does not allow at all are dropped rather than escaped.
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const estimate = (text: string, size: number, bold: boolean) => text.length * size * (bold ? 0.6 : 0.55);

/** `text` broken into lines no wider than `width` (words kept whole unless one alone is too wide), at most `maxLines`. */
export function wrapText(text: string, width: number, size: number, maxLines: number, measure = estimate, bold = false): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (measure(next, size, bold) <= width || !line) {
        line = next;
        // A single word wider than the box is cut by characters.
        while (measure(line, size, bold) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measure(line.slice(0, cut), size, bold) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].replace(/.$/, '')}…`;
    return kept;
  }
  return lines;
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/** The drawable geometry of every connector whose ends are among `items`. */
function connectorGeometries(items: readonly BoardItemFields[]): Map<string, ConnectorGeometry> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, ConnectorGeometry>();
  for (const c of items) {
    if (c.type !== 'connector') continue;
    const a = c.from ? byId.get(c.from) : undefined;
    const b = c.to ? byId.get(c.to) : undefined;
    if (!a || !b || a.type === 'connector' || b.type === 'connector') continue;
    out.set(
      c.id,
      connectorGeometry({ rect: a, shape: a.shape, anchor: c.fromAnchor ?? 'auto' }, { rect: b, shape: b.shape, anchor: c.toAnchor ?? 'auto' }),
    );
  }
  return out;
}

/** The SVG document for `items`, sized to their bounds plus padding; null when there is nothing to draw. */
export function boardToSvg(items: readonly BoardItemFields[], opts: SvgExportOptions): { svg: string; width: number; height: number } | null {
  const { palette: p } = opts;
  const measure = opts.measure ?? estimate;
  const pad = opts.padding ?? 32;
  const font = opts.fontFamily ?? 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
  const geometries = connectorGeometries(items);
  const rects: Rect[] = [];
  for (const it of items) {
    if (it.type === 'connector') {
      const g = geometries.get(it.id);
      if (g) rects.push(connectorBounds(g, it.strokeWidth ?? 2));
    } else rects.push(it.type === 'frame' ? { x: it.x, y: it.y - 28, w: it.w, h: it.h + 28 } : it);
  }
  const b = boundsOfRects(rects);
  if (!b) return null;
  const width = Math.ceil(b.w + 2 * pad);
  const height = Math.ceil(b.h + 2 * pad);
  const ox = pad - b.x;
  const oy = pad - b.y;

  const textBlock = (text: string, r: Rect, o: { size: number; bold?: boolean; color: string; center?: boolean; inset: number; maxLines?: number }) => {
    const lineHeight = o.size * 1.35;
    const maxLines = o.maxLines ?? Math.max(1, Math.floor((r.h - 2 * o.inset) / lineHeight));
    const lines = wrapText(text, Math.max(10, r.w - 2 * o.inset), o.size, maxLines, measure, o.bold);
    const top = o.center ? r.y + r.h / 2 - (lines.length * lineHeight) / 2 : r.y + o.inset;
    const x = o.center ? r.x + r.w / 2 : r.x + o.inset;
    const tspans = lines
      .map((l, i) => `<tspan x="${n(x)}" y="${n(top + i * lineHeight + o.size)}">${escapeXml(l)}</tspan>`)
      .join('');
    return `<text font-size="${o.size}"${o.bold ? ' font-weight="600"' : ''} fill="${o.color}"${o.center ? ' text-anchor="middle"' : ''}>${tspans}</text>`;
  };

  const parts: string[] = [];
  const sorted = [...items].sort((a, c) => a.z - c.z);
  for (const it of sorted) {
    const r = { x: it.x, y: it.y, w: it.w, h: it.h };
    switch (it.type) {
      case 'frame':
        parts.push(
          `<g><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="8" fill="${p.surface}" stroke="${p.border}" stroke-width="1.5"/>` +
            textBlock(it.text || 'Untitled frame', { x: r.x, y: r.y - 26, w: r.w, h: 24 }, { size: 14, bold: true, color: p.text, inset: 2, maxLines: 1 }) +
            '</g>',
        );
        break;
      case 'sticky':
        parts.push(
          `<g><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="4" fill="${cleanColor(it.color)}"/>` +
            textBlock(it.text, r, { size: 16, color: p.text, inset: 14 }) +
            '</g>',
        );
        break;
      case 'text':
        parts.push(textBlock(it.text, r, { size: 20, bold: true, color: p.text, inset: 6 }));
        break;
      case 'shape':
        parts.push(
          `<g><path transform="translate(${n(r.x)} ${n(r.y)})" d="${shapePath(it.shape ?? 'rectangle', r.w, r.h, 1)}" fill="${cleanColor(it.color, 'shape')}" stroke="${p.text}" stroke-width="1.5"/>` +
            textBlock(it.text, { x: r.x + r.w * 0.12, y: r.y, w: r.w * 0.76, h: r.h }, { size: 16, color: p.text, center: true, inset: 6 }) +
            '</g>',
        );
        break;
      case 'link': {
        const host = safeHttpUrl(it.url)?.host ?? 'Not a web address';
        parts.push(
          `<g><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="8" fill="${p.surface}" stroke="${p.border}"/>` +
            textBlock(host, { ...r, h: 30 }, { size: 12, color: p.muted, inset: 14, maxLines: 1 }) +
            textBlock(it.text || host, { x: r.x, y: r.y + 22, w: r.w, h: r.h - 22 }, { size: 16, bold: true, color: p.link, inset: 14, maxLines: 2 }) +
            '</g>',
        );
        break;
      }
      case 'file':
        parts.push(
          `<g><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="8" fill="${p.surface}" stroke="${p.border}"/>` +
            `<text x="${n(r.x + 30)}" y="${n(r.y + r.h / 2 + 5)}" font-size="13" font-weight="700" fill="${p.text}" text-anchor="middle">${it.mime === 'application/pdf' ? 'PDF' : 'FILE'}</text>` +
            textBlock(it.text || 'Untitled file', { x: r.x + 52, y: r.y + 8, w: r.w - 52, h: 30 }, { size: 15, bold: true, color: p.text, inset: 6, maxLines: 1 }) +
            textBlock(formatBytes(it.bytes ?? 0), { x: r.x + 52, y: r.y + 36, w: r.w - 52, h: 24 }, { size: 12, color: p.muted, inset: 6, maxLines: 1 }) +
            '</g>',
        );
        break;
      case 'image': {
        const data = it.sha256 ? opts.images?.get(it.sha256) : undefined;
        parts.push(
          data && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]*$/.test(data)
            ? `<image x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" preserveAspectRatio="xMidYMid meet" href="${data}"/>`
            : `<g><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="${p.canvas}" stroke="${p.border}"/>` +
                textBlock(it.text || 'Image', r, { size: 14, color: p.muted, center: true, inset: 8 }) +
                '</g>',
        );
        break;
      }
      case 'stroke': {
        const pts = it.points ?? [];
        if (pts.length < 3) break;
        const style = { size: it.strokeWidth ?? 4, thinning: 0.6 };
        const box = strokeBox(pts, style);
        const sx = r.w / box.w;
        const sy = r.h / box.h;
        parts.push(
          `<path transform="translate(${n(r.x)} ${n(r.y)}) scale(${n(sx)} ${n(sy)}) translate(${n(-box.x)} ${n(-box.y)})" d="${outlineToSvgPath(strokeOutline(pts, style))}" fill="${cleanColor(it.color, 'stroke')}"/>`,
        );
        break;
      }
      case 'connector': {
        const g = geometries.get(it.id);
        if (!g) break;
        const color = cleanColor(it.color, 'connector');
        const w = it.strokeWidth ?? 2;
        const tipFrom = g.c2.x === g.end.x && g.c2.y === g.end.y ? g.start : g.c2;
        parts.push(
          `<g><path d="${g.d}" fill="none" stroke="${color}" stroke-width="${n(w)}" stroke-linecap="round"/>` +
            `<polygon points="${arrowHead(g.end, tipFrom, arrowSize(w))}" fill="${color}"/></g>`,
        );
        break;
      }
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">` +
    `<rect width="100%" height="100%" fill="${p.canvas}"/>` +
    `<g transform="translate(${n(ox)} ${n(oy)})">${parts.join('')}</g></svg>`;
  return { svg, width, height };
}
