/**
 * The minimap: the whole board in miniature on a 2D canvas, with the current view as a rectangle. Click
 * or drag on it to move the view there. The items are painted into an offscreen canvas only when they
 * change (at most every 200 ms) or the mapped area changes; a camera move just redraws that bitmap and
 * the view rectangle. Decorative for assistive technology: the outline view is the accessible overview.
 */
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import type { BoardIndex } from './BoardIndex.ts';
import { boundsOfRects, expandRect, rectContainsRect, visibleRect, type Camera, type Point, type Rect, type Size } from '../../shared/board/geometry.ts';
import { paintBoardItems, readPalette } from './paintBoardItems.ts';

const W = 200;
const H = 140;

/** The board area the minimap shows: all items (padded) and the view, fitted to the minimap's aspect. */
export function minimapWorld(items: Rect | null, view: Rect): Rect {
  const b = boundsOfRects(items ? [expandRect(items, Math.max(items.w, items.h) * 0.1 + 50), view] : [view])!;
  const aspect = W / H;
  if (b.w / b.h > aspect) {
    const h = b.w / aspect;
    return { x: b.x, y: b.y - (h - b.h) / 2, w: b.w, h };
  }
  const w = b.h * aspect;
  return { x: b.x - (w - b.w) / 2, y: b.y, w, h: b.h };
}

interface MinimapProps {
  index: BoardIndex;
  camera: Camera;
  viewport: Size;
  /** Moves the camera so that board point `p` is in the middle of the view. */
  onNavigate: (p: Point) => void;
}

/** The minimap, bottom right above the zoom controls. */
export function Minimap({ index, camera, viewport, onNavigate }: MinimapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const layer = useRef<{ canvas: HTMLCanvasElement; world: Rect; changes: number; itemBounds: Rect | null } | null>(null);
  const [changes, setChanges] = useState(index.getChangeCount());
  const worldRef = useRef<Rect | null>(null);
  const dragging = useRef(false);

  // Item changes arrive in bursts while someone drags: repaint the items at most every 200 ms.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = index.subscribeChanges(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setChanges(index.getChangeCount());
      }, 200);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [index]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || viewport.w === 0) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const view = visibleRect(camera, viewport);
    const prev = layer.current;
    const fresh = !prev || prev.changes !== changes;
    // The items' bounds are cached with the layer: recomputing them is O(n), a camera move must not be.
    const itemBounds = fresh ? index.bounds() : prev.itemBounds;
    // When the view leaves the mapped area, map a generous area around it, so that panning on repaints
    // the items now and then rather than on every frame.
    const world = !fresh && rectContainsRect(prev.world, view) ? prev.world : minimapWorld(itemBounds, fresh ? view : expandRect(view, Math.max(view.w, view.h)));
    if (fresh || prev.world !== world) {
      const canvas = prev?.canvas ?? document.createElement('canvas');
      canvas.width = W * dpr;
      canvas.height = H * dpr;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const s = (W * dpr) / world.w;
      paintBoardItems(ctx, index, world, { scale: s, x: -world.x * s, y: -world.y * s }, readPalette(el), false);
      layer.current = { canvas, world, changes, itemBounds };
    }
    worldRef.current = world;
    el.width = W * dpr;
    el.height = H * dpr;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer.current!.canvas, 0, 0);
    const s = (W * dpr) / world.w;
    ctx.strokeStyle = readPalette(el).text;
    ctx.lineWidth = 1.5 * dpr;
    ctx.strokeRect((view.x - world.x) * s, (view.y - world.y) * s, view.w * s, view.h * s);
  }, [camera, viewport, changes, index]);

  const navigate = (e: PointerEvent<HTMLCanvasElement>) => {
    const world = worldRef.current;
    if (!world) return;
    const r = e.currentTarget.getBoundingClientRect();
    onNavigate({ x: world.x + ((e.clientX - r.left) / r.width) * world.w, y: world.y + ((e.clientY - r.top) / r.height) * world.h });
  };

  return (
    <canvas
      ref={ref}
      className="board-minimap"
      style={{ width: W, height: H }}
      aria-hidden="true"
      onPointerDown={(e) => {
        e.stopPropagation();
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        navigate(e);
      }}
      onPointerMove={(e) => dragging.current && navigate(e)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    />
  );
}
