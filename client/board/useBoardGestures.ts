/**
 * Pointer input on the board canvas: pan (hand tool, space or middle button, one finger on empty
 * canvas), pinch-zoom (two fingers), wheel pan / ctrl-wheel zoom around the pointer, marquee selection
 * (drag on empty canvas with the select tool; Shift adds), shift-click, moving a selection (frames take
 * the items on them along; optional grid snap), resizing, freehand pen strokes (pressure from pointer
 * events) and dragging an arrow from one item to another; it also publishes this person's cursor.
 * Drags write to Yjs at most once per animation frame, and one drag is one undo step (capturing is
 * stopped at its start and end).
 *
 * Known debt: every tool's pointer handling lives here (one gesture state machine); the house style is
 * one file per tool (select, hand, pen, connector), which this should be split into.
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
import { restackZ } from './arrange.ts';
import type { BoardIndex, BoardIndexEntry } from './BoardIndex.ts';
import { moveBoardItems, setBoardItemsZ } from './boardBatchOps.ts';
import type { BoardTool } from './boardKeys.ts';
import { isTypingTarget } from './boardKeys.ts';
import { MAX_ITEM_SIZE, createBoardItem, resizeBoardItem } from './boardOps.ts';
import {
  normalizeWheelDelta,
  panCamera,
  pinchCamera,
  pinchOf,
  rectCenter,
  resizeFromCorner,
  screenToBoard,
  wheelZoomFactor,
  zoomCameraAt,
  type Pinch,
  type Point,
  type Rect,
} from '../../shared/board/geometry.ts';
import type { OverlayStore } from './GestureOverlay.tsx';
import { itemsToMove, marqueeSelect, rectFromPoints, snapDelta } from './selectionGeometry.ts';
import { hitTestShapes, outlinePoint } from '../../shared/board/shapeGeometry.ts';
import { MOUSE_PRESSURE, simplifyStroke, streamlinePoint, strokeBox } from '../../shared/board/strokeOutline.ts';
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
  /** The current selection (latest, also between renders). */
  selectionRef: RefObject<readonly string[]>;
  setSelection: (ids: readonly string[]) => void;
  /** Snap moved items to the grid. */
  snapRef: RefObject<boolean>;
  /** True when items are drawn on the level-of-detail canvas: hit testing is geometric then. */
  lodRef: RefObject<boolean>;
  /** The ink colour for new strokes and arrows. */
  inkRef: RefObject<string>;
  createdBy: string;
  overlay: OverlayStore;
  /** A stroke or arrow was created by a gesture. */
  onCreated: (id: string, announcement: string, select: boolean) => void;
  setCursor: (cursor: Point | null) => void;
  /** Items a facilitator locked for me: selectable, never moved or resized (SPEC R12). */
  isLocked?: (id: string) => boolean;
}

type Gesture =
  | { kind: 'pan'; pointerId: number; start: Point; last: Point; moved: boolean; clearSelection: boolean }
  | { kind: 'marquee'; pointerId: number; start: Point; startBoard: Point; base: readonly string[]; moved: boolean }
  | { kind: 'move'; pointerId: number; grabbed: string; ids: string[]; origins: Map<string, Point>; start: Point; moved: boolean; clickSelect: string | null }
  | { kind: 'resize'; pointerId: number; id: string; start: Point; rect: Rect; moved: boolean }
  | { kind: 'pen'; pointerId: number; points: number[] }
  | { kind: 'connect'; pointerId: number; from: string; start: Point; moved: boolean; target: string | null }
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

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

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
    const toBoard = (p: Point) => screenToBoard(p, d.current.cam.cameraRef.current);

    // Yjs writes (and selection updates) while dragging: at most one per animation frame; the last always lands.
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
        const p = toBoard(lastScreen);
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

    /** The item under an event: its DOM element, or on the level-of-detail canvas, geometry. */
    const itemAt = (target: Element, p: Point): BoardIndexEntry | undefined => {
      const { index, lodRef } = d.current;
      const id = target.closest<HTMLElement>('[data-item-id]')?.dataset.itemId;
      if (id) return index?.get(id);
      if (!lodRef.current || !index) return undefined;
      const hit = hitTestShapes(index.all(), toBoard(p), (it) => (it as BoardIndexEntry).type === 'connector');
      return hit ? index.get(hit) : undefined;
    };

    /** The item an arrow being dragged from `from` would join at board point `b`. */
    const connectTarget = (from: string, b: Point): BoardIndexEntry | undefined => {
      const { index } = d.current;
      if (!index) return undefined;
      const id = hitTestShapes(index.all(), b, (it) => {
        const e = it as BoardIndexEntry;
        return e.id === from || e.type === 'connector' || e.type === 'frame';
      });
      return id ? index.get(id) : undefined;
    };

    const finishStroke = (points: number[]) => {
      const { doc, origin, cam, inkRef, createdBy, onCreated } = d.current;
      const flat = simplifyStroke(points, 0.5 / cam.cameraRef.current.zoom);
      const style = { size: 4, thinning: 0.6 };
      const box = strokeBox(flat, style);
      const rel = flat.map((v, i) => (i % 3 === 0 ? v - box.x : i % 3 === 1 ? v - box.y : v));
      d.current.undo.stopCapturing();
      const id = createBoardItem(doc, origin, { type: 'stroke', ...box, points: rel, color: inkRef.current, strokeWidth: style.size, createdBy });
      d.current.undo.stopCapturing();
      onCreated(id, 'Drawing added', false);
    };

    const finishConnect = (from: string, to: string) => {
      const { doc, origin, inkRef, createdBy, onCreated } = d.current;
      d.current.undo.stopCapturing();
      try {
        const id = createBoardItem(doc, origin, { type: 'connector', from, to, x: 0, y: 0, color: inkRef.current, createdBy });
        d.current.undo.stopCapturing();
        onCreated(id, 'Arrow added', true);
      } catch (err) {
        // An end was deleted (by someone else) mid-drag: nothing to join.
        if (!(err instanceof RangeError)) throw err;
      }
    };

    const endGesture = (completed: boolean) => {
      const gs = gesture;
      gesture = null;
      pointerActiveRef.current = false;
      if (!gs) return;
      flushWrite();
      const { overlay, setSelection } = d.current;
      switch (gs.kind) {
        case 'move':
        case 'resize':
          if (gs.moved) {
            d.current.undo.stopCapturing();
            suppressClick = true;
          } else if (completed && gs.kind === 'move' && gs.clickSelect) {
            setSelection([gs.clickSelect]);
          }
          return;
        case 'pan':
          setPanning(false);
          if (gs.moved) suppressClick = true;
          else if (completed && gs.clearSelection) setSelection([]);
          return;
        case 'marquee':
          overlay.clear();
          if (gs.moved) suppressClick = true;
          else if (completed) setSelection(gs.base);
          return;
        case 'pen':
          overlay.clear();
          if (completed && gs.points.length >= 3) finishStroke(gs.points);
          return;
        case 'connect':
          overlay.clear();
          if (gs.moved) suppressClick = true;
          if (completed && gs.target) finishConnect(gs.from, gs.target);
          return;
      }
    };

    const startDragIfFar = (gs: Extract<Gesture, { kind: 'move' | 'resize' }>, p: Point): boolean => {
      if (gs.moved) return true;
      if (Math.hypot(p.x - gs.start.x, p.y - gs.start.y) < DRAG_THRESHOLD) return false;
      gs.moved = true;
      // Captured only now: capturing at press time would retarget the click of a link inside a card.
      capture(gs.pointerId);
      const { undo, index, doc, origin, selectionRef } = d.current;
      undo.stopCapturing();
      if (gs.kind === 'move' && index) {
        // What is dragged comes to the front (frames stay behind the items on them).
        const chosen = new Set(selectionRef.current.includes(gs.grabbed) ? selectionRef.current : [gs.grabbed]);
        const front = gs.ids.map((id) => index.get(id)).filter((e): e is BoardIndexEntry => !!e && chosen.has(e.id) && e.type !== 'frame');
        setBoardItemsZ(doc, origin, restackZ(front, index.all(), 1));
      }
      return true;
    };

    const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
      const { canEdit, index, tool, spaceHeldRef, selectionRef, setSelection, overlay, inkRef } = d.current;
      suppressClick = false;
      const p = local(e);
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, p);
        if (touches.size >= 2) {
          endGesture(false); // a second finger: a stroke or drag in progress gives way to the pinch
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
      const entry = itemAt(target, p);

      if (e.button === 1 || spaceHeldRef.current || tool === 'hand' || !canEdit) {
        if (e.button === 1) e.preventDefault(); // no autoscroll
        gesture = { kind: 'pan', pointerId: e.pointerId, start: p, last: p, moved: false, clearSelection: !entry };
        if (!entry) capture(e.pointerId);
        return;
      }
      if (tool === 'pen') {
        e.preventDefault();
        capture(e.pointerId);
        const b = toBoard(p);
        const points = [...streamlinePoint(null, b.x, b.y, e.pointerType === 'mouse' ? MOUSE_PRESSURE : e.pressure)];
        gesture = { kind: 'pen', pointerId: e.pointerId, points };
        overlay.set({ pen: { points, color: inkRef.current, size: 4 } });
        return;
      }
      if (tool === 'connector') {
        if (entry && entry.type !== 'connector') {
          capture(e.pointerId);
          gesture = { kind: 'connect', pointerId: e.pointerId, from: entry.id, start: p, moved: false, target: null };
        } else {
          gesture = { kind: 'pan', pointerId: e.pointerId, start: p, last: p, moved: false, clearSelection: !entry };
          capture(e.pointerId);
        }
        return;
      }
      if (!entry) {
        if (e.pointerType === 'touch') {
          // One finger on empty canvas pans, as on every tablet app; a marquee needs a mouse or pen.
          gesture = { kind: 'pan', pointerId: e.pointerId, start: p, last: p, moved: false, clearSelection: true };
        } else {
          const base = e.shiftKey ? selectionRef.current : [];
          gesture = { kind: 'marquee', pointerId: e.pointerId, start: p, startBoard: toBoard(p), base, moved: false };
        }
        capture(e.pointerId);
        return;
      }
      const current = selectionRef.current;
      let selection: readonly string[];
      let clickSelect: string | null = null;
      if (e.shiftKey) {
        selection = current.includes(entry.id) ? current.filter((id) => id !== entry.id) : [...current, entry.id];
        setSelection(selection);
        if (!selection.includes(entry.id)) return; // shift-click removed it: nothing to drag
      } else if (current.includes(entry.id)) {
        selection = current;
        // A click (no drag) on one item of a multi-selection selects just that item.
        if (current.length > 1) clickSelect = entry.id;
      } else {
        selection = [entry.id];
        setSelection(selection);
      }
      if (entry.type === 'connector') return; // an arrow follows its ends; selecting it is all a press does
      if (d.current.isLocked?.(entry.id)) return; // locked for me: selecting it is all a press does
      if (target.closest('[data-resize-handle]')) {
        gesture = { kind: 'resize', pointerId: e.pointerId, id: entry.id, start: p, rect: { ...entry.rect }, moved: false };
        return;
      }
      const all = index ? Array.from(index.all()) : [];
      const ids = itemsToMove(selection, all).filter((id) => !d.current.isLocked?.(id));
      const origins = new Map<string, Point>();
      for (const id of ids) {
        const r = index?.get(id)?.rect;
        if (r) origins.set(id, { x: r.x, y: r.y });
      }
      gesture = { kind: 'move', pointerId: e.pointerId, grabbed: entry.id, ids, origins, start: p, moved: false, clickSelect };
    };

    const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
      const { cam, doc, origin, overlay, index, setSelection, snapRef, inkRef } = d.current;
      const p = local(e);
      lastScreen = p;
      // Kept current at once: a key pressed right after moving places new items here.
      pointerBoardRef.current = toBoard(p);
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
      switch (gs.kind) {
        case 'pan': {
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
        case 'pen': {
          // Coalesced events carry every sample the pen made between frames: smoother curves.
          const samples = e.nativeEvent.getCoalescedEvents?.() ?? [];
          for (const ev of samples.length ? samples : [e.nativeEvent]) {
            const b = toBoard(local(ev));
            const n = gs.points.length;
            const prev = gs.points.slice(n - 3, n);
            gs.points.push(...streamlinePoint(prev, b.x, b.y, ev.pointerType === 'mouse' ? MOUSE_PRESSURE : ev.pressure));
          }
          overlay.set({ pen: { points: gs.points, color: inkRef.current, size: 4 } });
          return;
        }
        case 'marquee': {
          if (!gs.moved && Math.hypot(p.x - gs.start.x, p.y - gs.start.y) < DRAG_THRESHOLD) return;
          gs.moved = true;
          const rect = rectFromPoints(gs.startBoard, toBoard(p));
          overlay.set({ marquee: rect });
          scheduleWrite(() => {
            if (!index) return;
            const hits = marqueeSelect(index.all(), rect);
            const next = [...new Set([...gs.base, ...hits])];
            if (!sameIds(next, d.current.selectionRef.current)) setSelection(next);
          });
          return;
        }
        case 'connect': {
          if (!gs.moved && Math.hypot(p.x - gs.start.x, p.y - gs.start.y) < DRAG_THRESHOLD) return;
          gs.moved = true;
          const source = index?.get(gs.from);
          if (!source) return;
          const b = toBoard(p);
          const target = connectTarget(gs.from, b);
          gs.target = target?.id ?? null;
          const aim = target ? rectCenter(target.rect) : b;
          const c = rectCenter(source.rect);
          const from = outlinePoint(source.shape, source.rect, aim.x - c.x, aim.y - c.y);
          const tc = target ? rectCenter(target.rect) : null;
          const to = target && tc ? outlinePoint(target.shape, target.rect, c.x - tc.x, c.y - tc.y) : b;
          overlay.set({ connector: { from, to, hasTarget: !!target, targetRect: target?.rect } });
          return;
        }
      }
      if (!startDragIfFar(gs, p)) return;
      const zoom = cam.cameraRef.current.zoom;
      const dx = (p.x - gs.start.x) / zoom;
      const dy = (p.y - gs.start.y) / zoom;
      if (gs.kind === 'move') {
        const anchor = gs.origins.get(gs.grabbed) ?? { x: 0, y: 0 };
        const delta = snapRef.current ? snapDelta(anchor, dx, dy) : { x: dx, y: dy };
        const moves = new Map<string, Point>();
        for (const [id, o] of gs.origins) moves.set(id, { x: o.x + delta.x, y: o.y + delta.y });
        scheduleWrite(() => moveBoardItems(doc, origin, moves));
      } else {
        const r = resizeFromCorner(gs.rect, dx, dy, MIN_ITEM_SIZE, MAX_ITEM_SIZE);
        scheduleWrite(() => resizeBoardItem(doc, origin, gs.id, r.w, r.h));
      }
    };

    const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
      touches.delete(e.pointerId);
      if (!gesture) pointerActiveRef.current = false;
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
