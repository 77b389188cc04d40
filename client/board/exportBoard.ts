/**
 * Exporting the board (all of it, one frame, or the selection) as SVG or PNG in the browser: the items
 * come from the Yjs document, images are fetched and embedded as data: URLs, boardToSvg draws them, and
 * a PNG is the SVG drawn through an <img> onto a canvas (at up to 2× and at most 8192 px a side).
 */
import type * as Y from 'yjs';
import { getBoard, readBoardItem, type BoardItemFields } from '../../shared/doc/layout.ts';
import { DEFAULT_SVG_PALETTE, boardToSvg, type SvgPalette } from '../../shared/board/boardToSvg.ts';
import { fileUrl } from './FileItemView.tsx';
import { frameMembers, itemsToMove, type TypedRect } from './selectionGeometry.ts';

/** What to export. */
export type ExportScope = { kind: 'board' } | { kind: 'selection'; ids: readonly string[] } | { kind: 'frame'; id: string };

/** The items of a scope, plus the arrows between them. */
export function itemsForScope(doc: Y.Doc, scope: ExportScope): BoardItemFields[] {
  const all = Array.from(getBoard(doc).entries(), ([id, map]) => ({ ...readBoardItem(map), id }));
  if (scope.kind === 'board') return all;
  const typed: TypedRect[] = all.map((i) => ({ id: i.id, type: i.type, z: i.z, rect: { x: i.x, y: i.y, w: i.w, h: i.h } }));
  let ids: Set<string>;
  if (scope.kind === 'frame') {
    const frame = typed.find((t) => t.id === scope.id);
    ids = new Set(frame ? [frame.id, ...frameMembers(frame, typed)] : []);
  } else ids = new Set(itemsToMove(scope.ids, typed));
  for (const c of all) if (c.type === 'connector' && ids.has(c.from ?? '') && ids.has(c.to ?? '')) ids.add(c.id);
  return all.filter((i) => ids.has(i.id));
}

/** The export palette from the design tokens in effect at `el`. */
export function exportPalette(el: Element): SvgPalette {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  const d = DEFAULT_SVG_PALETTE;
  return {
    canvas: v('--color-canvas', d.canvas),
    surface: v('--color-surface', d.surface),
    border: v('--color-border-strong', d.border),
    text: v('--color-text', d.text),
    muted: v('--color-text-muted', d.muted),
    link: v('--color-primary', d.link),
  };
}

async function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/** Fetches every image of `items` as a data: URL (failures leave a placeholder in the export). */
async function embedImages(items: readonly BoardItemFields[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const shas = [...new Set(items.filter((i) => i.type === 'image' && i.sha256).map((i) => i.sha256!))];
  await Promise.all(
    shas.map(async (sha) => {
      try {
        const res = await fetch(fileUrl(sha), { credentials: 'same-origin' });
        if (res.ok) out.set(sha, await dataUrl(await res.blob()));
      } catch {
        // Offline or no longer allowed: the image is exported as a labelled placeholder.
      }
    }),
  );
  return out;
}

/** Renders `items` to an SVG document string, measuring text with a canvas so wrapping matches the board. */
export async function renderSvg(items: readonly BoardItemFields[], palette: SvgPalette): Promise<{ svg: string; width: number; height: number } | null> {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const measure = ctx
    ? (text: string, size: number, bold: boolean) => {
        ctx.font = `${bold ? 600 : 400} ${size}px ${family}`;
        return ctx.measureText(text).width;
      }
    : undefined;
  return boardToSvg(items, { palette, images: await embedImages(items), measure, fontFamily: family });
}

/** Draws an SVG document onto a canvas and returns it as a PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<{ blob: Blob; width: number; height: number }> {
  const scale = Math.min(2, 8192 / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the export.');
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('This browser could not make a PNG.');
    return { blob, width: w, height: h };
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Saving a blob is not board-specific (exports elsewhere use it too): it lives in client/app.
export { download } from '../app/fetchDownload.ts';
