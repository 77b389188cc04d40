/**
 * Reactions and the presenter's laser over the board, in screen space (like the cursors). Reactions
 * float up and fade; the laser is a short fading trail behind the presenter's pointer. With
 * prefers-reduced-motion, reactions appear and fade in place and the laser is a dot without a trail.
 * Decorative for assistive tech: a reaction is also announced by the board's live region when sent.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { boardToScreen, type Camera, type Size } from '../../shared/board/geometry.ts';
import { newBursts, remoteLasers, type Burst } from './ephemeral.ts';

/** How long a reaction is shown, and how long a laser trail point lasts (ms). */
const BURST_MS = 2000;
const TRAIL_MS = 700;
const MAX_BURSTS = 60;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Reaction bursts: everyone's, plus `local` (my own, shown at once). */
export const ReactionLayer = memo(function ReactionLayer({ awareness, camera, viewport, local }: { awareness: Awareness; camera: Camera; viewport: Size; local: Burst | null }) {
  const [bursts, setBursts] = useState<Burst[]>([]);
  const seen = useRef(new Map<number, number | null>());
  const add = (fresh: Burst[]) => {
    if (fresh.length === 0) return;
    setBursts((cur) => [...cur, ...fresh].slice(-MAX_BURSTS));
    const keys = new Set(fresh.map((b) => b.key));
    setTimeout(() => setBursts((cur) => cur.filter((b) => !keys.has(b.key))), BURST_MS);
  };
  useEffect(() => {
    const onChange = () => add(newBursts(awareness.getStates() as Map<number, unknown>, awareness.clientID, seen.current));
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  useEffect(() => {
    if (local) add([local]);
  }, [local]);
  return (
    <div className="board-reactions" aria-hidden="true">
      {bursts.map((b) => {
        const p = boardToScreen(b, camera);
        if (p.x < -40 || p.y < -40 || p.x > viewport.w + 40 || p.y > viewport.h + 40) return null;
        return (
          <span key={b.key} className="board-reaction" style={{ transform: `translate(${p.x}px, ${p.y}px)`, borderColor: b.color }}>
            {b.emoji}
          </span>
        );
      })}
    </div>
  );
});

/** The lasers of presenters other than me: a fading trail per presenter, drawn on a canvas. */
export const LaserLayer = memo(function LaserLayer({ awareness, camera, viewport }: { awareness: Awareness; camera: Camera; viewport: Size }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Per presenter: the fading trail, and the head (where the laser is now; null once it is off).
  const trails = useRef(new Map<number, { color: string; head: { x: number; y: number } | null; points: { x: number; y: number; t: number }[] }>());
  const cameraRef = useRef(camera);
  cameraRef.current = camera;
  const redraw = useRef<() => void>(() => {});
  // A pan or zoom moves the board under a still laser: draw it again where it now is.
  useEffect(() => redraw.current(), [camera, viewport]);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      frame = 0;
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx) return;
      const now = performance.now();
      const still = reducedMotion();
      ctx.clearRect(0, 0, el.width, el.height);
      let alive = false;
      for (const [id, trail] of trails.current) {
        trail.points = trail.points.filter((p) => now - p.t < TRAIL_MS);
        if (trail.points.length === 0 && !trail.head) {
          trails.current.delete(id);
          continue;
        }
        alive ||= trail.points.length > 0;
        const pts = trail.points.map((p) => ({ ...boardToScreen(p, cameraRef.current), age: (now - p.t) / TRAIL_MS }));
        ctx.strokeStyle = trail.color;
        ctx.lineCap = 'round';
        if (!still) {
          for (let i = 1; i < pts.length; i++) {
            ctx.globalAlpha = Math.max(0, 1 - pts[i].age);
            ctx.lineWidth = 6 * (1 - pts[i].age) + 1;
            ctx.beginPath();
            ctx.moveTo(pts[i - 1].x, pts[i - 1].y);
            ctx.lineTo(pts[i].x, pts[i].y);
            ctx.stroke();
          }
        }
        if (trail.head) {
          const head = boardToScreen(trail.head, cameraRef.current);
          ctx.globalAlpha = 1;
          ctx.fillStyle = '#e11d48';
          ctx.beginPath();
          ctx.arc(head.x, head.y, 6, 0, Math.PI * 2);
          ctx.fill();
        }
      }
      ctx.globalAlpha = 1;
      if (alive && !still) frame = requestAnimationFrame(draw);
    };
    const onChange = () => {
      const now = performance.now();
      const lasers = remoteLasers(awareness.getStates() as Map<number, unknown>, awareness.clientID);
      // Awareness changes with every pointer move (mine included): with no laser anywhere there is
      // nothing to draw, and clearing a viewport-sized canvas on each move costs the drag its frame.
      if (lasers.length === 0 && trails.current.size === 0) return;
      for (const [id, trail] of trails.current) if (!lasers.some((l) => l.clientId === id)) trail.head = null;
      for (const l of lasers) {
        const trail = trails.current.get(l.clientId) ?? { color: l.color, head: null, points: [] };
        if (!trail.head || trail.head.x !== l.x || trail.head.y !== l.y) trail.points.push({ x: l.x, y: l.y, t: now });
        trail.head = { x: l.x, y: l.y };
        trails.current.set(l.clientId, trail);
      }
      if (!frame) frame = requestAnimationFrame(draw);
    };
    redraw.current = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    awareness.on('change', onChange);
    // Reduced motion draws only on change; fade the last dot out after the trail time.
    const tick = setInterval(() => {
      if (!frame && trails.current.size > 0) frame = requestAnimationFrame(draw);
    }, TRAIL_MS);
    return () => {
      awareness.off('change', onChange);
      clearInterval(tick);
      if (frame) cancelAnimationFrame(frame);
      redraw.current = () => {};
    };
  }, [awareness]);
  return <canvas ref={canvas} className="board-laser" width={viewport.w} height={viewport.h} aria-hidden="true" />;
});
