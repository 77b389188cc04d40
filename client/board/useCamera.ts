/**
 * The local camera (pan and zoom) of one board view, plus the size of its viewport. Camera state is
 * this person's alone: it never goes into Yjs. A ref mirrors the state so that pointer handlers can do
 * their maths on the latest camera between renders.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import {
  centerCameraOn,
  fitCameraToRect,
  zoomCameraAt,
  zoomStep,
  type Camera,
  type Point,
  type Rect,
  type Size,
} from '../../shared/board/geometry.ts';

/** What useCamera gives the board. */
export interface CameraControls {
  camera: Camera;
  viewport: Size;
  /** Always the latest camera, also between renders. */
  cameraRef: RefObject<Camera>;
  viewportRef: RefObject<Size>;
  /** True once the person has panned or zoomed (then the board stops auto-fitting new content). */
  touchedRef: RefObject<boolean>;
  /** Changes the camera because the person asked for it. */
  update: (next: (cam: Camera, viewport: Size) => Camera) => void;
  /** Places the camera without counting as the person's own move (initial placement, auto-fit). */
  place: (cam: Camera) => void;
  /** Zooms one step in or out around `at` (screen point; default: the viewport centre). */
  zoomStepAt: (direction: 1 | -1, at?: Point) => void;
  /** Back to 100%, keeping the centre of the view where it is. */
  reset: () => void;
  /** Shows all of `rect` (board coordinates); an empty board centres the origin. */
  fit: (rect: Rect | null) => void;
}

const INITIAL: Camera = { x: 0, y: 0, zoom: 1 };

/** Camera and viewport size for the element in `target` (measured before first paint, then observed). */
export function useCamera(target: RefObject<HTMLElement | null>): CameraControls {
  const [camera, setCamera] = useState<Camera>(INITIAL);
  const [viewport, setViewport] = useState<Size>({ w: 0, h: 0 });
  const cameraRef = useRef<Camera>(INITIAL);
  const viewportRef = useRef<Size>({ w: 0, h: 0 });
  const touchedRef = useRef(false);

  const place = useCallback((cam: Camera) => {
    if (!Number.isFinite(cam.x) || !Number.isFinite(cam.y) || !Number.isFinite(cam.zoom)) return;
    cameraRef.current = cam;
    setCamera(cam);
  }, []);

  const update = useCallback(
    (next: (cam: Camera, viewport: Size) => Camera) => {
      const cam = next(cameraRef.current, viewportRef.current);
      if (cam === cameraRef.current) return;
      touchedRef.current = true;
      place(cam);
    },
    [place],
  );

  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    const measure = (w: number, h: number) => {
      const first = viewportRef.current.w === 0 && viewportRef.current.h === 0;
      viewportRef.current = { w, h };
      setViewport(viewportRef.current);
      // Until the board knows better (see the auto-fit in Board), the board origin sits mid-view.
      if (first && !touchedRef.current && w > 0) place(centerCameraOn({ x: 0, y: 0 }, { w, h }, cameraRef.current.zoom));
    };
    const r = el.getBoundingClientRect();
    measure(r.width, r.height);
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      if (box.width !== viewportRef.current.w || box.height !== viewportRef.current.h) measure(box.width, box.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [target, place]);

  const zoomStepAt = useCallback(
    (direction: 1 | -1, at?: Point) =>
      update((cam, vp) => zoomCameraAt(cam, at ?? { x: vp.w / 2, y: vp.h / 2 }, zoomStep(cam.zoom, direction))),
    [update],
  );
  const reset = useCallback(() => update((cam, vp) => zoomCameraAt(cam, { x: vp.w / 2, y: vp.h / 2 }, 1)), [update]);
  const fit = useCallback(
    (rect: Rect | null) =>
      update((_cam, vp) => (rect ? fitCameraToRect(rect, vp) : centerCameraOn({ x: 0, y: 0 }, vp, 1))),
    [update],
  );

  return { camera, viewport, cameraRef, viewportRef, touchedRef, update, place, zoomStepAt, reset, fit };
}
