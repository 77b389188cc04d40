/**
 * Breakout rounds (issue 4 item 1): start, move a person, self-select, broadcast, end. Validated and
 * role-checked here, written by the server into the control room (`CONTROL_KEYS.breakouts`, SPEC R11);
 * clients follow that state into their group's room and back. Ending merges every group's board and
 * notes into the session room (server/facilitation/breakoutMerge.ts).
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type * as Y from 'yjs';
import { canManageSessions } from '../../../shared/roles.ts';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../../shared/facilitation/control.ts';
import {
  MAX_BROADCASTS, assignBalanced, makeGroups, moveMember, type BreakoutsState,
} from '../../../shared/facilitation/breakouts.ts';
import { mergeBreakouts, readGroupSnapshot, type GroupSnapshot } from '../../facilitation/breakoutMerge.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadSessionForMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';
import type { FacilitationRooms } from './facilitation.ts';

/**
 * How long ending waits between telling clients the round is over and reading the group rooms, so that
 * edits already on the wire when a member's client left its group are part of the merge.
 */
export const END_GRACE_MS = 200;

const readState = (ctl: Y.Doc) => (getControl(ctl).get(CONTROL_KEYS.breakouts) as BreakoutsState | undefined) ?? null;

/** Routes under /api/sessions/:id/breakouts. */
export function breakoutRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  const rooms = (): FacilitationRooms => {
    if (!deps.facilitation) throw new HttpError('unavailable', 'Live sessions are not available on this server');
    return deps.facilitation;
  };
  const access = async (c: Context<AppEnv>, facilitator: boolean) => {
    const user = requireUser(c);
    const { session, membership } = await loadSessionForMember(store, pathParam(c, 'id'), user.id);
    if (facilitator) requireRole(membership, canManageSessions, 'Only hosts and facilitators can run breakouts');
    return { user, session, ctl: controlRoomOf(session.room) };
  };
  /** Replaces the running round through `fn` (409 when none runs). */
  const updateRunning = (ctl: string, fn: (s: BreakoutsState) => BreakoutsState) =>
    rooms().change(ctl, (doc) => {
      const current = readState(doc);
      if (!current || current.status !== 'running') throw new HttpError('conflict', 'No breakouts are running');
      const next = { ...fn(current), serverNow: Date.now() };
      getControl(doc).set(CONTROL_KEYS.breakouts, next);
      return next;
    });
  /** A person of this community by id (404 otherwise), with their name. */
  const communityPerson = async (communityId: string, userId: string) => {
    const [membership, person] = await Promise.all([store.getMembership(communityId, userId), store.getUserById(userId)]);
    if (!membership || !person) throw new HttpError('not_found', 'No such member');
    return person;
  };

  registerRoute(app, ROUTES.startBreakouts, async (c, body) => {
    const { user, session, ctl } = await access(c, true);
    const roundId = randomBytes(4).toString('hex');
    const groups = makeGroups(session.room, roundId, body.groups);
    const names: Record<string, string> = {};
    if (body.mode === 'random') {
      // The people in the main room now (the facilitator starting it stays to oversee); with nobody
      // there yet, the community's members.
      const members = (await store.listMembers(session.communityId)).filter((m) => m.userId !== user.id).map((m) => ({ id: m.userId, name: m.name }));
      // Only the community's members: anyone else present (e.g. a guest) stays in the main room.
      const memberIds = new Set(members.map((m) => m.id));
      let people = (rooms().presentUsers?.(session.room) ?? []).filter((p) => memberIds.has(p.id));
      if (people.length === 0) people = members;
      for (const p of people) names[p.id] = p.name;
      assignBalanced(people.map((p) => p.id), groups.length).forEach((ids, i) => (groups[i].memberIds = ids));
    } else if (body.mode === 'manual' && body.assignments) {
      for (const [uid, group] of Object.entries(body.assignments)) {
        names[uid] = (await communityPerson(session.communityId, uid)).name;
        groups[group - 1].memberIds.push(uid);
      }
    }
    const now = Date.now();
    const state: BreakoutsState = {
      roundId, status: 'running', mode: body.mode, prompt: body.prompt, startedAt: now, endsAt: now + body.minutes * 60_000,
      serverNow: now, groups, names, broadcasts: [], endedAt: null,
    };
    await rooms().change(ctl, (doc) => {
      if (readState(doc)?.status === 'running') throw new HttpError('conflict', 'Breakouts are already running: end them first');
      getControl(doc).set(CONTROL_KEYS.breakouts, state);
    });
    return c.json({ breakouts: state }, 201);
  });

  registerRoute(app, ROUTES.moveBreakoutMember, async (c, body) => {
    const { session, ctl } = await access(c, true);
    const person = await communityPerson(session.communityId, body.userId);
    const breakouts = await updateRunning(ctl, (s) => {
      if (body.groupId !== null && !s.groups.some((g) => g.id === body.groupId)) throw new HttpError('not_found', 'No such group');
      return { ...s, groups: moveMember(s.groups, body.userId, body.groupId), names: { ...s.names, [person.id]: person.name } };
    });
    return c.json({ breakouts }, 200);
  });

  registerRoute(app, ROUTES.joinBreakout, async (c, body) => {
    // Viewers may pick a group too: they follow it read-only, as in the main room.
    const { user, ctl } = await access(c, false);
    const breakouts = await updateRunning(ctl, (s) => {
      if (s.mode !== 'self-select') throw new HttpError('forbidden', 'The facilitator assigns the groups in this round');
      if (!s.groups.some((g) => g.id === body.groupId)) throw new HttpError('not_found', 'No such group');
      return { ...s, groups: moveMember(s.groups, user.id, body.groupId), names: { ...s.names, [user.id]: user.name } };
    });
    return c.json({ breakouts }, 200);
  });

  registerRoute(app, ROUTES.broadcastBreakouts, async (c, body) => {
    const { user, ctl } = await access(c, true);
    const message = { id: randomBytes(6).toString('hex'), text: body.text, from: user.name, at: Date.now() };
    const breakouts = await updateRunning(ctl, (s) => ({ ...s, broadcasts: [...s.broadcasts, message].slice(-MAX_BROADCASTS) }));
    return c.json({ breakouts }, 200);
  });

  registerRoute(app, ROUTES.endBreakouts, async (c) => {
    const { user, session, ctl } = await access(c, true);
    // First everyone is sent back (clients follow the control room), then the groups are merged. The
    // merge runs on every call: it skips groups already merged, so a retry after a failure completes it.
    const { state, wasRunning } = await rooms().change(ctl, (doc) => {
      const current = readState(doc);
      if (!current) throw new HttpError('conflict', 'No breakouts have been started in this session');
      if (current.status !== 'running') return { state: current, wasRunning: false };
      const now = Date.now();
      const ended: BreakoutsState = { ...current, status: 'ended', endedAt: now, serverNow: now };
      getControl(doc).set(CONTROL_KEYS.breakouts, ended);
      return { state: ended, wasRunning: true };
    });
    if (wasRunning) await new Promise((r) => setTimeout(r, END_GRACE_MS));
    const snapshots: GroupSnapshot[] = [];
    for (const group of state.groups) snapshots.push(await rooms().read(group.room, (doc) => readGroupSnapshot(doc, group)));
    const merged = await rooms().change(session.room, (doc) => mergeBreakouts(doc, state.roundId, state.prompt, snapshots, user.id));
    return c.json({ breakouts: state, merged }, 200);
  });

  return app;
}
