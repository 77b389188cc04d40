/**
 * Follows "bring everyone there" (shared/facilitation/jump.ts): each jump the server writes after the
 * page opened becomes the place the session page opens (like a `?focus=` link), once.
 */
import { useEffect, useRef, useState } from 'react';
import { parseFocus, type FocusTarget } from '../../shared/knowledge/focus.ts';
import type { JumpState } from '../../shared/facilitation/jump.ts';

/**
 * The latest jump's target, or null before any jump since the page opened. `offsetMs` is the server's
 * clock minus mine, so a jump older than the page (already there when I arrived) is left alone.
 */
export function useAgendaJump(jump: JumpState | null, offsetMs: number): FocusTarget | null {
  const openedAt = useRef(Date.now());
  const followed = useRef<number | null>(null);
  const [target, setTarget] = useState<FocusTarget | null>(null);
  useEffect(() => {
    if (!jump || jump.at === followed.current || jump.at - offsetMs < openedAt.current) return;
    followed.current = jump.at;
    setTarget(parseFocus(jump.target));
  }, [jump, offsetMs]);
  return target;
}
