/**
 * Everyone else's pointer on the board, from awareness, drawn in screen space (so names stay the same
 * size at any zoom) with a label in the person's colour. Decorative: the presence list names people.
 */
import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { boardToScreen, type Camera, type Size } from '../../shared/board/geometry.ts';
import { remoteCursors, type RemoteCursor } from './remoteCursors.ts';

/** Subscribes to awareness and returns the other people's cursors. */
function useRemoteCursors(awareness: Awareness): RemoteCursor[] {
  const cache = useRef<RemoteCursor[]>([]);
  const subscribe = useCallback(
    (notify: () => void) => {
      const update = () => {
        cache.current = remoteCursors(awareness.getStates() as Map<number, unknown>, awareness.clientID);
        notify();
      };
      update();
      awareness.on('change', update);
      return () => awareness.off('change', update);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => cache.current);
}

/** The remote cursors layer over the canvas. Cursors outside the viewport are not drawn. */
export const Cursors = memo(function Cursors({ awareness, camera, viewport }: { awareness: Awareness; camera: Camera; viewport: Size }) {
  const cursors = useRemoteCursors(awareness);
  return (
    <div className="board-cursors" aria-hidden="true">
      {cursors.map((c) => {
        const p = boardToScreen(c, camera);
        if (p.x < -20 || p.y < -20 || p.x > viewport.w + 20 || p.y > viewport.h + 20) return null;
        return (
          <div key={c.clientId} className="board-cursor" style={{ transform: `translate(${p.x}px, ${p.y}px)`, color: c.color }}>
            <svg className="board-cursor__arrow" viewBox="0 0 16 16" width="16" height="16">
              <path d="M1 1l5.5 13 1.8-5.2L13.5 7z" fill="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
            </svg>
            <span className="board-cursor__label" style={{ backgroundColor: c.color }}>
              {c.name}
            </span>
          </div>
        );
      })}
    </div>
  );
});
