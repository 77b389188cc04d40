/** Pins: notes blocks and board items a member pinned to the community's front page. */
import { sessionHref } from './focus.ts';

/** What can be pinned. */
export const PIN_KINDS = ['notes', 'board'] as const;
export type PinKind = (typeof PIN_KINDS)[number];

/** Longest excerpt kept with a pin, in characters. */
export const PIN_EXCERPT_MAX = 500;

/** A pin as the API returns it. */
export interface PinDto {
  id: string;
  communityId: string;
  sessionId: string;
  sessionTitle: string;
  kind: PinKind;
  itemId: string;
  /** Notes pins: the heading anchor of the block's section (where the link opens). */
  anchor?: string;
  excerpt: string;
  pinnedBy: { id: string; name: string };
  pinnedAt: string;
}

/** Where a pin opens its session: the board item, or the notes section the block sits in. */
export function pinHref(p: { sessionId: string; kind: PinKind; itemId: string; anchor?: string | null }): string {
  return sessionHref(p.sessionId, p.kind === 'board' ? { kind: 'board', itemId: p.itemId } : { kind: 'notes', itemId: p.anchor ?? undefined });
}
