/**
 * The end-of-session summary from what the session holds: agenda with done state, decisions and actions
 * (shared/knowledge/actions.ts), the most-voted board items, the links and files that appeared, and a
 * frozen SVG of the board (shared/board/boardToSvg.ts, the renderer the client exports with). Pure.
 */
import { boardToSvg, type SvgPalette } from '../../shared/board/boardToSvg.ts';
import { itemLabel } from '../../shared/board/itemLabel.ts';
import { collectActions, type SessionSummary, type SummaryResource, type TopVotedItem } from '../../shared/knowledge/actions.ts';
import type { SessionContent } from '../../shared/knowledge/sessionContent.ts';
import type { SessionRecord } from '../store/types.ts';
import { collectResources } from '../knowledge/collectResources.ts';

/** How many voted items the summary lists. */
export const TOP_VOTED = 5;

/** The light theme's colours (client/styles/tokens.css): the summary is one image for everyone. */
export const SUMMARY_PALETTE: SvgPalette = {
  canvas: '#fbfaf7',
  surface: '#ffffff',
  border: '#a8a59b',
  text: '#1f2328',
  muted: '#57606a',
  link: '#1f4e79',
};

/** The board items with the most votes, most first (ties: board reading order); items without votes are left out. */
export function topVoted(content: SessionContent, totals: Readonly<Record<string, number>>, limit = TOP_VOTED): TopVotedItem[] {
  return content.board
    .filter((item) => (totals[item.id] ?? 0) > 0)
    .map((item, order) => ({ item, order, votes: totals[item.id] }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .slice(0, limit)
    .map(({ item, votes }) => ({ itemId: item.id, label: itemLabel(item), votes }));
}

/** Links and files of the board and the notes (the resource library's reading of them), each once. */
export function sessionResources(content: SessionContent): SummaryResource[] {
  const byKey = new Map<string, SummaryResource>();
  for (const r of collectResources(content)) {
    if (byKey.has(r.key)) continue;
    const url = r.kind === 'file' && r.sha256 ? `/api/files/${r.sha256}` : r.url;
    byKey.set(r.key, { kind: r.kind === 'file' ? 'file' : 'link', url, title: r.title || url, where: r.place === 'notes' ? 'notes' : 'board' });
  }
  return [...byKey.values()];
}

export interface SummaryInput {
  session: SessionRecord;
  content: SessionContent;
  /** Vote totals per board item of the session's last round (empty without one). */
  votes: Readonly<Record<string, number>>;
  endedAt: string;
  endedBy: SessionSummary['endedBy'];
}

/** The summary of a session that ends now. */
export function buildSummary({ session, content, votes, endedAt, endedBy }: SummaryInput): SessionSummary {
  const { actions, decisions } = collectActions(content.notes);
  return {
    sessionId: session.id,
    communityId: session.communityId,
    title: session.title,
    startsAt: session.startsAt,
    endedAt,
    endedBy,
    agenda: content.agenda.map((a) => ({ id: a.id, title: a.title, owner: a.owner, minutes: a.minutes, done: a.done })),
    decisions,
    actions,
    topVoted: topVoted(content, votes),
    resources: sessionResources(content),
    boardSvg: boardToSvg(content.board, { palette: SUMMARY_PALETTE })?.svg ?? null,
  };
}
