/**
 * Follow-me on the board: a leading facilitator publishes their view (through the server, SPEC R11);
 * everyone else's board follows it unless they broke away (until the next time someone leads).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowState, Viewport } from '../../shared/facilitation/control.ts';
import type { FacilitationApi } from './facilitationApi.ts';

/** How often a leader's view is sent while they pan (ms). */
const SEND_EVERY_MS = 250;

export interface FollowMe {
  /** The view my board must show (null: my own camera). */
  followViewport: Viewport | null;
  /** For the board while I lead: called with my view as it changes. */
  onViewChange: ((v: Viewport) => void) | undefined;
  leading: boolean;
  following: FollowState | null;
  brokeAway: boolean;
  breakAway: () => void;
  rejoin: () => void;
  /** Start or stop leading (facilitators). */
  setLeading: (on: boolean) => void;
}

export function useFollowMe(follow: FollowState | null, meId: string | null, actions: FacilitationApi | null, onError: (e: unknown) => void): FollowMe {
  const leading = follow !== null && follow.userId === meId;
  const [brokeAway, setBrokeAway] = useState(false);
  const leader = follow?.userId ?? null;
  // A new lead (or the end of one) brings everyone back.
  useEffect(() => setBrokeAway(false), [leader]);

  const lastView = useRef<Viewport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onViewChange = useCallback(
    (v: Viewport) => {
      lastView.current = v;
      if (!actions || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        if (lastView.current) actions.follow(lastView.current).catch(onError);
      }, SEND_EVERY_MS);
    },
    [actions, onError],
  );
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const setLeading = (on: boolean) => {
    if (!actions) return;
    actions.follow(on ? (lastView.current ?? { x: 0, y: 0, zoom: 1 }) : null).catch(onError);
  };

  return {
    followViewport: follow && !leading && !brokeAway ? follow.viewport : null,
    // Always track my view (so "lead" starts from it); send it only while leading.
    onViewChange: actions ? (leading ? onViewChange : (v: Viewport) => void (lastView.current = v)) : undefined,
    leading,
    following: follow && !leading ? follow : null,
    brokeAway,
    breakAway: () => setBrokeAway(true),
    rejoin: () => setBrokeAway(false),
    setLeading,
  };
}
