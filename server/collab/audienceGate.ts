/**
 * Audience mode on the server (SPEC R14): a session room's guard that, besides the board locks, says
 * whether a connection may write right now, and tells the room when the audience state changed. The
 * state lives in the session's control room, which stays loaded while the session room is (R12).
 */
import type * as Y from 'yjs';
import { CONTROL_KEYS, getControl } from '../../shared/facilitation/control.ts';
import { mayWriteInAudience, type AudienceState } from '../../shared/facilitation/audience.ts';
import type { UpdateGuard } from './lockGuard.ts';

/** `guard` (the board locks) plus audience mode, both read from the control doc `control()`. */
export function withAudienceMode(guard: UpdateGuard, control: () => Y.Doc | null): UpdateGuard {
  return {
    ...guard,
    mayWrite(ctx) {
      const ctl = control();
      if (!ctl) return true;
      const state = getControl(ctl).get(CONTROL_KEYS.audience) as AudienceState | undefined;
      return mayWriteInAudience(state, { id: ctx.userId, facilitator: ctx.facilitator === true });
    },
    watch(onChange) {
      const ctl = control();
      if (!ctl) return () => {};
      const map = getControl(ctl);
      // Remote nodes' changes arrive through the fan-out as updates of this doc, so this fires on every node.
      const handler = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(CONTROL_KEYS.audience)) onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
  };
}
