/**
 * One step of the knowledge indexer's pass: replaces the session's occurrences in its community's
 * resource library with the links and files its board and notes hold now.
 */
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { Store } from '../store/types.ts';
import { collectResources } from './collectResources.ts';

/** Stores the resources of `content` as the session's, atomically; `indexedAt` dates new ones without a time. */
export async function syncResources(
  store: Pick<Store, 'resources'>,
  session: { sessionId: string; communityId: string },
  content: SessionContent,
  indexedAt: string,
): Promise<void> {
  await store.resources.replaceSessionResources(session.communityId, session.sessionId, collectResources(content), indexedAt);
}
