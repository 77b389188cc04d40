/**
 * Counts each member's contributions from sessions' content: board items and agenda items they created
 * and resources (links, images, files) they shared. Pure, so the counting rules are unit-tested apart
 * from loading documents.
 */
import type { ContributionDto } from '../../shared/api/seriesSchemas.ts';
import { colorForUser } from '../../shared/colors.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';

/** Board item types that are a person's own words or drawing. Frames and connectors only arrange. */
const WRITTEN = new Set(['sticky', 'text', 'shape', 'stroke']);
/** Board item types that share something from outside the session. */
const RESOURCES = new Set(['link', 'image', 'file']);

/**
 * One entry per member (in `members` order, then sorted by total, highest first). Items created by
 * people who are no longer members are not reported. `questions` maps user id → questions asked.
 */
export function countContributions(
  members: { userId: string; name: string }[],
  contents: Pick<SessionContent, 'agenda' | 'board'>[],
  questions: ReadonlyMap<string, number> = new Map(),
): ContributionDto[] {
  const byUser = new Map<string, ContributionDto>();
  for (const m of members) {
    byUser.set(m.userId, {
      userId: m.userId,
      name: m.name,
      color: colorForUser(m.userId),
      boardItems: 0,
      agendaItems: 0,
      resources: 0,
      questions: questions.get(m.userId) ?? 0,
    });
  }
  for (const content of contents) {
    for (const a of content.agenda) {
      const c = byUser.get(a.createdBy);
      if (c) c.agendaItems++;
    }
    for (const b of content.board) {
      const c = byUser.get(b.createdBy);
      if (!c) continue;
      if (WRITTEN.has(b.type)) c.boardItems++;
      else if (RESOURCES.has(b.type)) c.resources++;
    }
  }
  const total = (c: ContributionDto) => c.boardItems + c.agendaItems + c.resources + c.questions;
  // Stable sort: equal totals keep the members order.
  return [...byUser.values()].sort((a, b) => total(b) - total(a));
}
