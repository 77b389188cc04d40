/**
 * Private mode routes (issue 4 item 6, SPEC R13): a facilitator turns it on (members' new stickies
 * go to their own draft rooms) and ends it with a reveal that moves every draft onto the board.
 */
import type { Context, Hono } from 'hono';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../../shared/facilitation/control.ts';
import type { PrivateModeState } from '../../../shared/facilitation/privateMode.ts';
import type { RevealDraftsDto } from '../../../shared/api/facilitationSchemas.ts';
import { privateDraftsOf, type DraftRooms } from '../../facilitation/privateDrafts.ts';
import type { Store } from '../../store/types.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { canManageSessions } from '../../../shared/roles.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

/** Registers the private-mode routes on `app`; `rooms` is null when live sessions are unavailable. */
export function registerPrivateModeRoutes(app: Hono<AppEnv>, store: Store, rooms: () => DraftRooms) {
  const nameOf = async (id: string) => (await store.getUserById(id))?.name ?? '';
  const session = async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canManageSessions, 'Only hosts and facilitators can do this');
    return session;
  };

  registerRoute(app, ROUTES.startPrivateMode, async (c, body) => {
    const { room } = await session(c);
    const privateMode = await rooms().change(controlRoomOf(room), (doc) => {
      const map = getControl(doc);
      const current = map.get(CONTROL_KEYS.privateMode) as PrivateModeState | undefined;
      const next: PrivateModeState = { on: true, anonymous: body.anonymous ?? false, since: current?.on ? current.since : Date.now() };
      map.set(CONTROL_KEYS.privateMode, next);
      return next;
    });
    return c.json({ privateMode }, 200);
  });

  registerRoute(app, ROUTES.revealPrivateMode, async (c) => {
    const { room } = await session(c);
    // Off first: from now on members' clients write to the board, and a draft stored meanwhile is
    // revealed by the draft watcher right after this reveal (privateDrafts.ts runs them in turn).
    const anonymous = await rooms().change(controlRoomOf(room), (doc) => {
      const map = getControl(doc);
      const current = map.get(CONTROL_KEYS.privateMode) as PrivateModeState | undefined;
      map.set(CONTROL_KEYS.privateMode, { on: false, anonymous: current?.anonymous ?? false, since: current?.since ?? Date.now() } satisfies PrivateModeState);
      return current?.anonymous ?? false;
    });
    const revealed = await privateDraftsOf(rooms(), nameOf).reveal(room, anonymous);
    const dto: RevealDraftsDto = { revealed };
    return c.json(dto, 200);
  });
}
