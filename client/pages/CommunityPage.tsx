/**
 * One community. The main column holds what members use most, in that order: sessions, open actions,
 * the knowledge base (search, pinned notes), the resource library, recurring series (with calendar and
 * feed links) and contributions, with in-page links to each; the side column says what the community is
 * about and who is in it (hosts also invite and export there). Visitors to an open community join.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import type { CommunityDto, MemberDto, SessionDto } from '../../shared/api/schemas.ts';
import type { PinDto } from '../../shared/knowledge/pins.ts';
import type { CommunityTagsDto } from '../../shared/knowledge/tags.ts';
import { canManageMembers, canManageSessions } from '../../shared/roles.ts';
import { api, errorMessage } from '../api/http.ts';
import { useApi } from '../api/useApi.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../app/useMe.tsx';
import { Button } from '../components/Button.tsx';
import { PageState } from '../components/PageState.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { useToast } from '../components/Toast.tsx';
import { InviteSection } from './community/InviteSection.tsx';
import { ExportSection } from './community/ExportSection.tsx';
import { KnowledgeSection } from './community/KnowledgeSection.tsx';
import { ActionsSection } from './actions/ActionsSection.tsx';
import { MembersSection } from './community/MembersSection.tsx';
import { SessionsSection } from './community/SessionsSection.tsx';
import { SeriesSection } from './community/SeriesSection.tsx';
import { ContributionsSection } from './community/ContributionsSection.tsx';
import { ResourcesSection } from './community/ResourcesSection.tsx';

/** The /c/:communityId page. */
export function CommunityPage({ communityId }: { communityId: string }) {
  const base = `/api/communities/${encodeURIComponent(communityId)}`;
  const community = useApi<CommunityDto>(base);
  const c = community.data;
  const isMember = c?.myRole != null;
  const members = useApi<{ members: MemberDto[] }>(isMember ? `${base}/members` : null);
  const sessions = useApi<{ sessions: SessionDto[] }>(isMember ? `${base}/sessions` : null);
  const tags = useApi<CommunityTagsDto>(isMember ? `${base}/tags` : null);
  const pins = useApi<{ pins: PinDto[] }>(isMember ? `${base}/pins` : null);
  const { me } = useMe();
  const toast = useToast();
  const [joining, setJoining] = useState(false);
  useDocumentTitle(c ? c.name : community.error ? 'Community' : null);

  const join = async () => {
    setJoining(true);
    try {
      const joined = await api.post<CommunityDto>(`${base}/join`);
      community.setData(() => joined);
      toast(`Welcome to ${joined.name}.`);
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setJoining(false);
    }
  };

  if (!c) return <PageState resource={community} errorTitle="Could not open this community" loadingLabel="Loading the community…" lines={3} />;

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Communities</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{c.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{c.name}</h1>
          <p className="page-header__meta">
            {c.memberCount} {c.memberCount === 1 ? 'member' : 'members'}
            <span aria-hidden="true"> · </span>
            {c.visibility === 'open' ? 'Open to everyone' : 'Invite only'}
            {c.myRole && (
              <>
                <span aria-hidden="true"> · </span>
                <RoleBadge role={c.myRole} srPrefix="Your role:" />
              </>
            )}
          </p>
        </div>
        {!isMember && c.visibility === 'open' && (
          <Button variant="primary" onClick={join} loading={joining}>
            Join community
          </Button>
        )}
      </div>

      {isMember && me && (
        <nav className="section-nav" aria-label="Sections of this page">
          {SECTIONS.map((x) => (
            <a key={x.id} href={`#${x.id}`} className="section-nav__link">
              {x.label}
            </a>
          ))}
        </nav>
      )}
      <div className="community-layout">
        <div className="community-layout__main">
          {isMember ? (
            <>
              <SessionsSection communityId={c.id} sessions={sessions} canSchedule={canManageSessions(c.myRole!)} tags={tags.data?.sessions} />
              {me && <ActionsSection communityId={c.id} meId={me.id} />}
              {me && <KnowledgeSection communityId={c.id} pins={pins} myRole={c.myRole!} meId={me.id} />}
              <ResourcesSection communityId={c.id} myRole={c.myRole!} sessions={sessions.data?.sessions ?? []} tags={tags.data?.sessions} />
              <SeriesSection communityId={c.id} canCreate={canManageSessions(c.myRole!)} canEnd={canManageMembers(c.myRole!)} onScheduleChanged={sessions.reload} />
              <ContributionsSection communityId={c.id} />
            </>
          ) : (
            <>
              <AboutSection community={c} />
              <section className="card section" aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">Sessions</h2>
                <p className="text-muted">
                  {c.visibility === 'open' ? 'Join the community to see its sessions and take part.' : 'Only members can see sessions.'}
                </p>
              </section>
            </>
          )}
        </div>
        {isMember && me && (
          <aside className="community-layout__side" aria-label="About and people">
            <AboutSection community={c} />
            <MembersSection communityId={c.id} members={members} canManage={canManageMembers(c.myRole!)} meId={me.id} />
            {canManageMembers(c.myRole!) && <InviteSection communityId={c.id} />}
            {canManageMembers(c.myRole!) && <ExportSection communityId={c.id} communityName={c.name} />}
          </aside>
        )}
      </div>
    </div>
  );
}

/** The in-page links at the top: the main column's sections, most used first (the order they stand in). */
const SECTIONS = [
  { id: 'sessions-heading', label: 'Sessions' },
  { id: 'actions-heading', label: 'Open actions' },
  { id: 'kb-heading', label: 'Knowledge base' },
  { id: 'resources-heading', label: 'Resources' },
  { id: 'series-heading', label: 'Series' },
  { id: 'contributions-heading', label: 'Contributions' },
] as const;

/** What the community practises and its ground rules. */
function AboutSection({ community: c }: { community: CommunityDto }) {
  return (
    <section className="card section" aria-labelledby="domain-heading">
      <h2 id="domain-heading">What we practise</h2>
      <p className="prose">{c.domain}</p>
      {c.groundRules.trim() && (
        <>
          <h3 className="subheading">Ground rules</h3>
          <p className="prose">{c.groundRules}</p>
        </>
      )}
    </section>
  );
}
