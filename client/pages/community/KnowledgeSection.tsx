/** The community's knowledge base on its front page: search across every session, and pinned notes. */
import type { PinDto } from '../../../shared/knowledge/pins.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Resource } from '../../api/useApi.ts';
import { PinnedSection } from './PinnedSection.tsx';
import { SearchSection } from './SearchSection.tsx';
import './knowledge.css';

export interface KnowledgeSectionProps {
  communityId: string;
  pins: Resource<{ pins: PinDto[] }>;
  myRole: Role;
  meId: string;
}

/** The "Knowledge base" card. */
export function KnowledgeSection({ communityId, pins, myRole, meId }: KnowledgeSectionProps) {
  return (
    <section className="card section kb" aria-labelledby="kb-heading">
      <h2 id="kb-heading">Knowledge base</h2>
      <p className="text-muted kb__intro">Everything this community wrote down in its sessions: agendas, notes and boards.</p>
      <SearchSection communityId={communityId} />
      <PinnedSection communityId={communityId} pins={pins} myRole={myRole} meId={meId} />
    </section>
  );
}
