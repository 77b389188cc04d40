/** One community in the directory: name, what it is about, size, and your role or a Join button. */
import type { CommunityDto } from '../../../shared/api/schemas.ts';
import { Link } from 'wouter';
import { Button } from '../../components/Button.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';

const EXCERPT_CHARS = 220;

/** The first ~220 characters of `text`, cut at a word boundary. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

export interface CommunityCardProps {
  community: CommunityDto;
  /** Joins an open community; the card shows a busy button meanwhile. */
  onJoin?: (c: CommunityDto) => void;
  joining?: boolean;
}

/** A card (an article in a list) whose title links to the community page. */
export function CommunityCard({ community: c, onJoin, joining }: CommunityCardProps) {
  return (
    <article className="card community-card">
      <div className="community-card__head">
        <h3 className="community-card__title">
          <Link href={`/c/${encodeURIComponent(c.id)}`}>{c.name}</Link>
        </h3>
        {c.myRole && <RoleBadge role={c.myRole} srPrefix="Your role:" />}
      </div>
      <p className="community-card__domain">{excerpt(c.domain)}</p>
      <div className="community-card__foot">
        <span className="text-muted">
          {c.memberCount} {c.memberCount === 1 ? 'member' : 'members'}
          {c.visibility === 'invite' && ' · Invite only'}
        </span>
        {!c.myRole && c.visibility === 'open' && onJoin && (
          <Button size="sm" variant="primary" onClick={() => onJoin(c)} loading={joining} aria-label={`Join ${c.name}`}>
            Join
          </Button>
        )}
      </div>
    </article>
  );
}
