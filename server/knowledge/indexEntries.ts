/**
 * What of a session is searchable: its title, each agenda item (with its owner), each notes block
 * (located by its section's heading anchor) and each board item's text (link cards also by host).
 */
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { IndexEntry } from '../store/types.ts';

/**
 * Version of what buildIndexEntries produces. Bump it when extraction or entries change: the indexer's
 * background pass then re-indexes every session built by an older version. 2: the pass also extracts
 * decisions and actions (syncActions.ts) and the resource library's links and files
 * (syncResources.ts), so sessions indexed before that get theirs.
 */
export const INDEX_VERSION = 2;

/** Parts that have text, separated by a dash (so that a snippet reads "Cases — Ada"). */
function joined(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p && p.trim()).join(' — ');
}

/** The index entries of a session, in document order; empty texts are left out. */
export function buildIndexEntries(title: string, content: SessionContent): IndexEntry[] {
  const entries: IndexEntry[] = [{ kind: 'title', itemId: null, text: title }];
  for (const a of content.agenda) {
    entries.push({ kind: 'agenda', itemId: a.id || null, text: joined(a.title, a.owner) });
  }
  for (const b of content.notes) {
    entries.push({ kind: 'notes', itemId: b.section ?? null, text: b.text });
  }
  for (const item of content.board) {
    entries.push({ kind: 'board', itemId: item.id, text: joined(item.text, item.host) });
  }
  return entries.filter((e) => e.text.trim() !== '');
}
