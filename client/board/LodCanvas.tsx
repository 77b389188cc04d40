/**
 * The level-of-detail view: when the board is zoomed out far (see LOD_ZOOM in Board.tsx), items are not
 * mounted as DOM elements but painted as simple shapes on one canvas. Painting thousands of items takes
 * a few milliseconds, so the canvas is painted for a region half a viewport larger than the view on
 * every side and then only moved and scaled by a CSS transform as the camera changes; it is repainted
 * when the items change, when the view leaves the painted region, or (while zooming) at most every 120 ms.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BoardIndex } from './BoardIndex.ts';
import { expandRect, rectContainsRect, visibleRect, type Camera, type Size } from '../../shared/board/geometry.ts';
import { paintBoardItems, readPalette, type PaintPalette } from './paintBoardItems.ts';

/** Extra painted area on each side, as a fraction of the viewport. */
const MARGIN = 0.5;
/** Least time between repaints caused by zooming alone. */
const ZOOM_REPAINT_MS = 120;

interface Painted {
  cam: Camera;
  changes: number;
  at: number;
}

/** The canvas layer, under the item layer; mounted only while the board is in the level-of-detail view. */
export function LodCanvas({ index, camera, viewport }: { index: BoardIndex; camera: Camera; viewport: Size }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const painted = useRef<Painted | null>(null);
  const palette = useRef<PaintPalette | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ camera, viewport });
  latest.current = { camera, viewport };

  const place = (cam: Camera, vp: Size) => {
    const el = ref.current;
    const p = painted.current;
    if (!el || !p) return;
    const k = cam.zoom / p.cam.zoom;
    const tx = cam.x + MARGIN * vp.w - k * (MARGIN * vp.w + p.cam.x);
    const ty = cam.y + MARGIN * vp.h - k * (MARGIN * vp.h + p.cam.y);
    el.style.transform = `translate(${tx}px, ${ty}px) scale(${k})`;
  };

  const paint = () => {
    const el = ref.current;
    const { camera: cam, viewport: vp } = latest.current;
    if (!el || vp.w === 0) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.ceil(vp.w * (1 + 2 * MARGIN));
    const h = Math.ceil(vp.h * (1 + 2 * MARGIN));
    if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
      el.width = Math.round(w * dpr);
      el.height = Math.round(h * dpr);
      el.style.width = `${w}px`;
      el.style.height = `${h}px`;
    }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    palette.current ??= readPalette(el);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, el.width, el.height);
    const view = expandRect(visibleRect(cam, vp), (MARGIN * Math.max(vp.w, vp.h)) / cam.zoom);
    paintBoardItems(ctx, index, view, { scale: dpr * cam.zoom, x: dpr * (cam.x + MARGIN * vp.w), y: dpr * (cam.y + MARGIN * vp.h) }, palette.current, true);
    painted.current = { cam, changes: index.getChangeCount(), at: performance.now() };
    place(cam, vp);
  };

  // Items changed: repaint on the next frame (many remote changes in a row cost one paint).
  useEffect(() => {
    let frame = 0;
    const off = index.subscribeChanges(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        paint();
      });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
      if (timer.current) clearTimeout(timer.current);
      const el = ref.current;
      if (el) el.width = el.height = 0; // free the bitmap now, not at garbage collection
    };
    // paint reads the latest camera through a ref.
  }, [index]);

  // The camera moved: move the painted bitmap, and repaint only when it no longer covers the view.
  useLayoutEffect(() => {
    const p = painted.current;
    if (!p || p.changes !== index.getChangeCount() || viewport.w === 0) return paint();
    const paintedView = expandRect(visibleRect(p.cam, viewport), (MARGIN * Math.max(viewport.w, viewport.h)) / p.cam.zoom);
    const covered = rectContainsRect(paintedView, visibleRect(camera, viewport));
    const zoomed = camera.zoom !== p.cam.zoom;
    if (!covered) return paint();
    place(camera, viewport);
    if (zoomed) {
      const wait = ZOOM_REPAINT_MS - (performance.now() - p.at);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(paint, Math.max(0, wait));
    }
  }, [camera, viewport, index]);

  return (
    <canvas
      ref={ref}
      className="board__lod"
      style={{ left: -MARGIN * viewport.w, top: -MARGIN * viewport.h }}
      aria-hidden="true"
    />
  );
}
