/**
 * What a session contributes to its community's resource library: its board's link cards and file
 * cards (with who put them there) and the links in its notes (no author: "in the notes"), keyed by
 * normalised URL or file content, so the same link pasted in different forms is one resource.
 */
import { normalizeUrl } from '../../shared/knowledge/normalizeUrl.ts';
import { fileResourceKey } from '../../shared/knowledge/resources.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { ResourceOccurrence } from '../store/types.ts';

/** Longest title kept for a resource, in characters. */
const TITLE_MAX = 200;

function title(...candidates: (string | undefined)[]): string {
  const t = candidates.map((c) => (c ?? '').replace(/\s+/g, ' ').trim()).find(Boolean) ?? '';
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

/** A board item's creation time, when it is a plausible instant (a foreign client may write anything). */
function createdAtIso(ms: number, nowMs: number): string | undefined {
  return ms > 0 && ms <= nowMs ? new Date(ms).toISOString() : undefined;
}

/** Every resource occurrence of a session, in document order (board first, then notes). */
export function collectResources(content: SessionContent, nowMs = Date.now()): ResourceOccurrence[] {
  const out: ResourceOccurrence[] = [];
  for (const item of content.board) {
    const sharedBy = item.createdBy || null;
    const seenAt = createdAtIso(item.createdAt, nowMs);
    if (item.type === 'link' && item.url) {
      const url = normalizeUrl(item.url);
      if (!url) continue;
      out.push({ key: url, kind: 'link', url, title: title(item.text, item.host, url), sha256: null, place: 'board', itemId: item.id, sharedBy, ...(seenAt ? { seenAt } : {}) });
    } else if (item.type === 'file' && item.sha256) {
      out.push({
        key: fileResourceKey(item.sha256),
        kind: 'file',
        url: '',
        title: title(item.text, 'Uploaded file'),
        sha256: item.sha256,
        place: 'board',
        itemId: item.id,
        sharedBy,
        ...(seenAt ? { seenAt } : {}),
      });
    }
  }
  for (const block of content.notes) {
    for (const link of block.links) {
      const url = normalizeUrl(link.href);
      if (!url) continue;
      out.push({ key: url, kind: 'link', url, title: title(link.text, url), sha256: null, place: 'notes', itemId: block.id, sharedBy: null });
    }
  }
  return out;
}
