/**
 * Pins on a community's front page: a member (not a viewer) pins a notes block or board item of one of
 * the community's sessions. The pinned text is read from the session on the server, never taken from
 * the request, and kept as it was at pin time.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { canEditRoom, canManageSessions } from '../../../shared/roles.ts';
import { PIN_EXCERPT_MAX, type PinDto } from '../../../shared/knowledge/pins.ts';
import type { SessionContent } from '../../../shared/knowledge/sessionContent.ts';
import { readRoomContent } from '../../knowledge/readRoomContent.ts';
import type { PinRecord } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { loadCommunity, requireMember, requireRole } from '../communityAccess.ts';
import { ROUTES, pathParam, registerRoute } from '../routeTable.ts';

const NO_VIEWERS = 'Viewers cannot pin items';

/** A pin as the API shows it. */
export function toPinDto(p: PinRecord & { pinnedByName: string; sessionTitle: string }): PinDto {
  return {
    id: p.id,
    communityId: p.communityId,
    sessionId: p.sessionId,
    sessionTitle: p.sessionTitle,
    kind: p.kind,
    itemId: p.itemId,
    ...(p.anchor ? { anchor: p.anchor } : {}),
    excerpt: p.excerpt,
    pinnedBy: { id: p.pinnedBy, name: p.pinnedByName },
    pinnedAt: p.pinnedAt,
  };
}

/** The text and link anchor of the item to pin, or null when the session has no such item. */
export function pinnedText(content: SessionContent, kind: PinRecord['kind'], itemId: string): { excerpt: string; anchor: string | null } | null {
  if (kind === 'notes') {
    const block = content.notes.find((b) => b.id === itemId);
    return block ? { excerpt: block.text, anchor: block.section ?? null } : null;
  }
  const item = content.board.find((b) => b.id === itemId);
  return item ? { excerpt: item.text || item.host || '', anchor: null } : null;
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PIN_EXCERPT_MAX ? `${flat.slice(0, PIN_EXCERPT_MAX - 1)}…` : flat;
}

/** Routes under /api/communities/:id/pins. */
export function pinRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, rooms } = deps;
  const app = new Hono<AppEnv>();

  registerRoute(app, ROUTES.listPins, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireMember(membership);
    return c.json({ pins: (await store.knowledge.listPins(community.id)).map(toPinDto) }, 200);
  });

  registerRoute(app, ROUTES.createPin, async (c, body) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    requireRole(membership, canEditRoom, NO_VIEWERS);
    const session = await store.getSession(body.sessionId);
    if (!session || session.communityId !== community.id) throw new HttpError('not_found', 'Session not found');
    const found = pinnedText(await readRoomContent(session.room, { store, rooms }), body.kind, body.itemId);
    if (!found) throw new HttpError('not_found', 'That note or board item no longer exists');
    const excerpt = cut(found.excerpt);
    if (!excerpt) throw new HttpError('invalid_input', 'This item has no text to pin');
    const stored = await store.knowledge.addPin({
      id: randomUUID(),
      communityId: community.id,
      sessionId: session.id,
      kind: body.kind,
      itemId: body.itemId,
      anchor: found.anchor,
      excerpt,
      pinnedBy: user.id,
      pinnedAt: new Date().toISOString(),
    });
    // The same item may have been pinned before, by someone else.
    const pinner = stored.pinnedBy === user.id ? user : await store.getUserById(stored.pinnedBy);
    return c.json(toPinDto({ ...stored, pinnedByName: pinner?.name ?? '', sessionTitle: session.title }), 201);
  });

  registerRoute(app, ROUTES.deletePin, async (c) => {
    const user = requireUser(c);
    const { community, membership } = await loadCommunity(store, pathParam(c, 'id'), user.id);
    const m = requireRole(membership, canEditRoom, NO_VIEWERS);
    const pin = await store.knowledge.getPin(community.id, pathParam(c, 'pinId'));
    if (!pin) throw new HttpError('not_found', 'Pin not found');
    if (pin.pinnedBy !== user.id && !canManageSessions(m.role)) {
      throw new HttpError('forbidden', 'Only the person who pinned this, or a host or facilitator, can unpin it');
    }
    await store.knowledge.deletePin(community.id, pin.id);
    return c.body(null, 204);
  });

  return app;
}
