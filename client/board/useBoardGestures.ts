/**
 * Pointer input on the board canvas: pan (empty canvas, hand tool, space or middle button, one finger),
 * pinch-zoom (two fingers), wheel pan / ctrl-wheel zoom around the pointer, moving and resizing items,
 * and publishing this person's cursor. Drags write to Yjs at most once per animation frame, and one
 * drag is one undo step (capturing is stopped at its start and end).
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import type * as Y from 'yjs';
import { MIN_ITEM_SIZE } from '../../shared/doc/layout.ts';
import type { BoardIndex } from './BoardIndex.ts';
import type { BoardTool } from './boardKeys.ts';
import { isTypingTarget } from './boardKeys.ts';
import { MAX_ITEM_SIZE, bringBoardItemToFront, moveBoardItem, resizeBoardItem } from './boardOps.ts';
import {
  normalizeWheelDelta,
  panCamera,
  pinchCamera,
  pinchOf,
  resizeFromCorner,
  screenToBoard,
  wheelZoomFactor,
  zoomCameraAt,
  type Pinch,
  type Point,
  type Rect,
} from './geometry.ts';
import type { CameraControls } from './useCamera.ts';
import type { BoardUndo } from './useBoardUndo.ts';

/** Screen pixels a pointer must travel before a press becomes a drag (so clicks stay clicks). */
const DRAG_THRESHOLD = 3;

export interface GestureDeps {
  canvasRef: RefObject<HTMLDivElement | null>;
  cam: CameraControls;
  index: BoardIndex | null;
  doc: Y.Doc;
  origin: object;
  undo: BoardUndo;
  canEdit: boolean;
  tool: BoardTool;
  /** True while the space bar is held (temporary hand tool). */
  spaceHeldRef: RefObject<boolean>;
  select: (id: string | null) => void;
  setCursor: (cursor: Point | null) => void;
}

type Gesture =
  | { kind: 'pan'; pointerId: number; start: Point; last: Point; moved: boolean; clearSelection: boolean }
  | { kind: 'move'; pointerId: number; id: string; start: Point; from: Point; moved: boolean }
  | { kind: 'resize'; pointerId: number; id: string; start: Point; rect: Rect; moved: boolean }
  | { kind: 'pinch'; pinch: Pinch };

/** What the Board attaches to its canvas, and what it reads back. */
export interface BoardGestures {
  handlers: {
    onPointerDown: (e: ReactPointerEvent<HTMLDivElement>) => void;
    onPointerMove: (e: ReactPointerEvent<HTMLDivElement>) => void;
    onPointerUp: (e: ReactPointerEvent<HTMLDivElement>) => void;
    onPointerCancel: (e: ReactPointerEvent<HTMLDivElement>) => void;
    onPointerLeave: (e: ReactPointerEvent<HTMLDivElement>) => void;
    onClickCapture: (e: ReactMouseEvent) => void;
  };
  /** True while the view is being dragged (for the grabbing cursor). */
  panning: boolean;
  /** The pointer's last position in board coordinates, or null when it is not over the canvas. */
  pointerBoardRef: RefObject<Point | null>;
  /** True while a pointer is pressed on the canvas (focus changes then come from the pointer). */
  pointerActiveRef: RefObject<boolean>;
}

/** Wires pointer and wheel input for the canvas in `deps.canvasRef`. */
export function useBoardGestures(deps: GestureDeps): BoardGestures {
  // Handlers are created once and read the latest props through this ref.
  const d = useRef(deps);
  d.current = deps;
  const [panning, setPanning] = useState(false);
  const pointerBoardRef = useRef<Point | null>(null);
  const pointerActiveRef = useRef(false);

  const g = useMemo(() => {
    let gesture: Gesture | null = null;
    const touches = new Map<number, Point>();
    let suppressClick = false;
    let writeFrame = 0;
    let pendingWrite: (() => void) | null = null;
    let cursorFrame = 0;
    let lastScreen: Point | null = null;

    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = d.current.canvasRef.current?.getBoundingClientRect();
      return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
    };

    // Yjs writes while dragging: at most one per animation frame; the last position always lands.
    const scheduleWrite = (write: () => void) => {
      pendingWrite = write;
      if (!writeFrame)
        writeFrame = requestAnimationFrame(() => {
          writeFrame = 0;
          flushWrite();
        });
    };
    const flushWrite = () => {
      if (writeFrame) cancelAnimationFrame(writeFrame);
      writeFrame = 0;
      const w = pendingWrite;
      pendingWrite = null;
      w?.();
    };

    // The cursor is published once per frame too, from the last screen position and current camera.
    const publishCursor = () => {
      if (cursorFrame || !lastScreen) return;
      cursorFrame = requestAnimationFrame(() => {
        cursorFrame = 0;
        if (!lastScreen) return;
        const p = screenToBoard(lastScreen, d.current.cam.cameraRef.current);
        pointerBoardRef.current = p;
        d.current.setCursor({ x: Math.round(p.x), y: Math.round(p.y) });
      });
    };
    const clearCursor = () => {
      if (cursorFrame) cancelAnimationFrame(cursorFrame);
      cursorFrame = 0;
      lastScreen = null;
      pointerBoardRef.current = null;
      d.current.setCursor(null);
    };

    const capture = (pointerId: number) => {
      try {
        d.current.canvasRef.current?.setPointerCapture(pointerId);
      } catch {
        // The pointer may already be gone (released between events); nothing to capture then.
      }
    };

    const endGesture = (completed: boolean) => {
      const gs = gesture;
      gesture = null;
      pointerActiveRef.current = false;
      if (!gs) return;
      flushWrite();
      if (gs.kind === 'move' || gs.kind === 'resize') {
        if (gs.moved) {
          d.current.undo.stopCapturing();
          suppressClick = true;
        }
      } else if (gs.kind === 'pan') {
        setPanning(false);
        if (gs.moved) suppressClick = true;
        else if (completed && gs.clearSelection) d.current.select(null);
      }
    };

    const startDragIfFar = (gs: Extract<Gesture, { kind: 'move' | 'resize' }>, p: Point): boolean => {
      if (gs.moved) return true;
      if (Math.hypot(p.x - gs.start.x, p.y - gs.start.y) < DRAG_THRESHOLD) return false;
      gs.moved = true;
      // Captured only now: capturing at press time would retarget the click of a link inside a card.
      capture(gs.pointerId);
      d.current.undo.stopCapturing();
      if (gs.kind === 'move') bringBoardItemToFront(d.current.doc, d.current.origin, gs.id);
      return true;
    };

    const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
      const { canEdit, index, tool, spaceHeldRef } = d.current;
      suppressClick = false;
      const p = local(e);
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, p);
        if (touches.size >= 2) {
          endGesture(false);
          const [a, b] = [...touches.values()];
          gesture = { kind: 'pinch', pinch: pinchOf(a, b) };
          return;
        }
      }
      if (e.button !== 0 && e.button !== 1) return;
      const target = e.target as Element;
      if (isTypingTarget(target)) return;
      if (gesture) endGesture(false); // e.g. a second button pressed mid-drag: finish the first cleanly
      pointerActiveRef.current = true;
      const itemEl = target.closest<HTMLElement>('[data-item-id]');
      const id = itemEl?.dataset.itemId ?? null;
      const entry = id ? index?.get(id) : undefined;

      if (e.button === 1 || spaceHeldRef.current || tool === 'hand' || !entry || !canEdit) {
        if (e.button === 1) e.preventDefault(); // no autoscroll
        gesture = { kind: 'pan', pointerId: e.pointerId, start: p, last: p, moved: false, clearSelection: !entry };
        if (!entry) capture(e.pointerId);
        return;
      }
      d.current.select(entry.id);
      gesture = target.closest('[data-resize-handle]')
        ? { kind: 'resize', pointerId: e.pointerId, id: entry.id, start: p, rect: { ...entry.rect }, moved: false }
        : { kind: 'move', pointerId: e.pointerId, id: entry.id, start: p, from: { x: entry.rect.x, y: entry.rect.y }, moved: false };
    };

    const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
      const { cam, doc, origin } = d.current;
      const p = local(e);
      lastScreen = p;
      publishCursor();
      if (e.pointerType === 'touch' && touches.has(e.pointerId)) {
        touches.set(e.pointerId, p);
        if (gesture?.kind === 'pinch' && touches.size >= 2) {
          const [a, b] = [...touches.values()];
          const next = pinchOf(a, b);
          const prev = gesture.pinch;
          cam.update((c) => pinchCamera(c, prev, next));
          gesture.pinch = next;
          return;
        }
      }
      const gs = gesture;
      if (!gs || gs.kind === 'pinch' || gs.pointerId !== e.pointerId) return;
      if (gs.kind === 'pan') {
        const dx = p.x - gs.last.x;
        const dy = p.y - gs.last.y;
        gs.last = p;
        if (!gs.moved && Math.hypot(p.x - gs.start.x, p.y - gs.start.y) >= DRAG_THRESHOLD) {
          gs.moved = true;
          capture(gs.pointerId);
          setPanning(true);
        }
        if (dx !== 0 || dy !== 0) cam.update((c) => panCamera(c, dx, dy));
        return;
      }
      if (!startDragIfFar(gs, p)) return;
      const zoom = cam.cameraRef.current.zoom;
      const dx = (p.x - gs.start.x) / zoom;
      const dy = (p.y - gs.start.y) / zoom;
      if (gs.kind === 'move') {
        const x = gs.from.x + dx;
        const y = gs.from.y + dy;
        scheduleWrite(() => moveBoardItem(doc, origin, gs.id, x, y));
      } else {
        const r = resizeFromCorner(gs.rect, dx, dy, MIN_ITEM_SIZE, MAX_ITEM_SIZE);
        scheduleWrite(() => resizeBoardItem(doc, origin, gs.id, r.w, r.h));
      }
    };

    const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
      touches.delete(e.pointerId);
      if (gesture?.kind === 'pinch') {
        if (touches.size < 2) gesture = null;
        return;
      }
      if (gesture && gesture.pointerId === e.pointerId) endGesture(e.type === 'pointerup');
    };

    const onPointerLeave = (e: ReactPointerEvent<HTMLDivElement>) => {
      // With pointer capture the pointer may leave mid-drag; the cursor goes away only when free.
      if (!gesture || (gesture.kind !== 'pinch' && gesture.pointerId !== e.pointerId)) clearCursor();
    };

    const onClickCapture = (e: ReactMouseEvent) => {
      // A drag that ends over a link must not also open it.
      if (suppressClick) {
        e.preventDefault();
        e.stopPropagation();
        suppressClick = false;
      }
    };

    const onWheel = (e: WheelEvent) => {
      const { cam } = d.current;
      const ctrl = e.ctrlKey || e.metaKey;
      // Let an item's text editor scroll its own text.
      if (!ctrl && isTypingTarget(e.target)) return;
      e.preventDefault();
      const p = local(e);
      lastScreen = p;
      const page = cam.viewportRef.current.h || 800;
      let dx = normalizeWheelDelta(e.deltaX, e.deltaMode, page);
      let dy = normalizeWheelDelta(e.deltaY, e.deltaMode, page);
      if (ctrl) {
        // Trackpad pinch arrives as ctrl+wheel with small deltas; a mouse wheel notch is ~100px.
        cam.update((c) => zoomCameraAt(c, p, c.zoom * wheelZoomFactor(dy)));
      } else {
        if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0];
        cam.update((c) => panCamera(c, -dx, -dy));
      }
      publishCursor();
    };

    // Safari reports trackpad pinches as non-standard gesture events rather than ctrl+wheel.
    let gestureBaseZoom = 1;
    const onGestureStart = (e: Event) => {
      e.preventDefault();
      gestureBaseZoom = d.current.cam.cameraRef.current.zoom;
    };
    const onGestureChange = (e: Event) => {
      const ge = e as Event & { scale?: number; clientX?: number; clientY?: number };
      if (typeof ge.scale !== 'number' || !Number.isFinite(ge.scale)) return;
      e.preventDefault();
      const scale = ge.scale;
      const p = local({ clientX: ge.clientX ?? 0, clientY: ge.clientY ?? 0 });
      d.current.cam.update((c) => zoomCameraAt(c, p, gestureBaseZoom * scale));
    };

    const dispose = () => {
      if (writeFrame) cancelAnimationFrame(writeFrame);
      if (cursorFrame) cancelAnimationFrame(cursorFrame);
      writeFrame = cursorFrame = 0;
      pendingWrite = null;
    };

    return {
      handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onPointerLeave, onClickCapture },
      onWheel,
      onGestureStart,
      onGestureChange,
      dispose,
    };
  }, []);

  useEffect(() => {
    const el = deps.canvasRef.current;
    if (!el) return;
    // Not React's onWheel: that listener is passive, and the page must not scroll or zoom underneath.
    el.addEventListener('wheel', g.onWheel, { passive: false });
    el.addEventListener('gesturestart', g.onGestureStart);
    el.addEventListener('gesturechange', g.onGestureChange);
    return () => {
      el.removeEventListener('wheel', g.onWheel);
      el.removeEventListener('gesturestart', g.onGestureStart);
      el.removeEventListener('gesturechange', g.onGestureChange);
    };
  }, [deps.canvasRef, g]);

  useEffect(
    () => () => {
      g.dispose();
      d.current.setCursor(null);
    },
    [g],
  );

  return { handlers: g.handlers, panning, pointerBoardRef, pointerActiveRef };
}
