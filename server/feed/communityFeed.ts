/**
 * What a community's Atom feed says: its newest sessions, pinned notes and library resources, newest
 * first and bounded, for members who follow along from a feed reader rather than the app.
 */
import { SESSION_FORMAT_LABELS } from '../../shared/api/sessionFormats.ts';
import { pinHref } from '../../shared/knowledge/pins.ts';
import type { CommunityRecord, Store } from '../store/types.ts';
import { buildAtom, type AtomEntry } from './buildAtom.ts';

/** Most entries a feed carries (feed readers keep older ones themselves). */
export const FEED_MAX_ENTRIES = 50;

const cut = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * A tag: URI (RFC 4151) naming one item for good: tied to the deployment's host name and the item's
 * kind and id, so an entry keeps its id whatever else changes.
 */
export function tagUri(host: string, path: string): string {
  return `tag:${host},2026:commonplace/${path}`;
}

export interface CommunityFeedOptions {
  community: CommunityRecord;
  /** The app's origin, e.g. https://commonplace.example.org (links point there). */
  baseUrl: string;
  /** The URL this feed was requested at (rel="self"). */
  selfUrl: string;
}

/** The community's entries, newest first, at most FEED_MAX_ENTRIES. */
export async function communityFeedEntries(
  store: Pick<Store, 'listSessions' | 'knowledge' | 'getUserById' | 'resources'>,
  opts: Pick<CommunityFeedOptions, 'community' | 'baseUrl'>,
): Promise<AtomEntry[]> {
  const { community, baseUrl } = opts;
  const host = new URL(baseUrl).hostname;
  const id = (kind: string, itemId: string) => tagUri(host, `${encodeURIComponent(community.id)}/${kind}/${encodeURIComponent(itemId)}`);
  const [sessions, pins, resources] = await Promise.all([store.listSessions(community.id), store.knowledge.listPins(community.id), store.resources.listResources(community.id)]);
  const names = new Map<string, string>();
  const nameOf = async (userId: string) => {
    if (!names.has(userId)) names.set(userId, (await store.getUserById(userId))?.name ?? 'A member');
    return names.get(userId)!;
  };
  const communityPage = `${baseUrl}/c/${encodeURIComponent(community.id)}`;
  const entries: AtomEntry[] = [];

  const newestSessions = [...sessions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, FEED_MAX_ENTRIES);
  for (const s of newestSessions) {
    const when = new Date(s.startsAt);
    entries.push({
      id: id('session', s.id),
      title: `New session: ${s.title}`,
      updated: new Date(s.createdAt),
      link: `${baseUrl}/s/${encodeURIComponent(s.id)}`,
      author: await nameOf(s.createdBy),
      summary: `${SESSION_FORMAT_LABELS[s.format] ?? s.format}, ${Number.isNaN(when.getTime()) ? s.startsAt : when.toUTCString()} (${s.durationMinutes} minutes).`,
      category: 'session',
    });
  }
  for (const p of pins.slice(0, FEED_MAX_ENTRIES)) {
    entries.push({
      id: id('pin', p.id),
      title: `Pinned: ${cut(p.excerpt, 80)}`,
      updated: new Date(p.pinnedAt),
      link: `${baseUrl}${pinHref(p)}`,
      author: p.pinnedByName,
      summary: `${p.excerpt}\n\nFrom “${p.sessionTitle}”.`,
      category: 'pin',
    });
  }
  const newestResources = [...resources].sort((a, b) => (a.firstSeenAt < b.firstSeenAt ? 1 : -1)).slice(0, FEED_MAX_ENTRIES);
  for (const r of newestResources) {
    const where = r.sessions.length ? `Shared in ${r.sessions.map((s) => `“${s.title}”`).join(', ')}.` : 'Added to the library.';
    entries.push({
      id: id('resource', r.id),
      title: `New resource: ${r.title || r.url}`,
      updated: new Date(r.firstSeenAt),
      link: `${communityPage}#resources`,
      ...(r.kind === 'link' ? { related: r.url } : {}),
      author: r.sharedBy[0]?.name ?? (r.inNotes ? 'In the notes' : 'A member'),
      summary: [r.kind === 'link' ? r.url : 'An uploaded file.', r.note, where].filter(Boolean).join('\n\n'),
      category: 'resource',
    });
  }
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_MAX_ENTRIES);
}

/** The community's Atom document. */
export async function buildCommunityFeed(store: Parameters<typeof communityFeedEntries>[0], opts: CommunityFeedOptions): Promise<string> {
  const host = new URL(opts.baseUrl).hostname;
  return buildAtom({
    id: tagUri(host, `community/${encodeURIComponent(opts.community.id)}`),
    title: `${opts.community.name} · Commonplace`,
    selfUrl: opts.selfUrl,
    alternateUrl: `${opts.baseUrl}/c/${encodeURIComponent(opts.community.id)}`,
    fallbackUpdated: new Date(opts.community.createdAt),
    entries: await communityFeedEntries(store, opts),
  });
}
