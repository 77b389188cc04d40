/**
 * One step of the knowledge indexer's pass: replaces a session's stored decisions and actions with the
 * ones its notes hold now (shared/knowledge/actions.ts), so the community's open actions follow the notes.
 */
import { collectActions } from '../../shared/knowledge/actions.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { Store } from '../store/types.ts';

/** Stores the decisions and actions of `content` as the session's, atomically. */
export async function syncActions(store: Pick<Store, 'actions'>, session: { sessionId: string; communityId: string }, content: SessionContent): Promise<void> {
  await store.actions.replaceSessionActions(session.sessionId, session.communityId, collectActions(content.notes));
}
