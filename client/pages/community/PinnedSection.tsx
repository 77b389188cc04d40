/**
 * Notes and board items members pinned to the community's front page ("practices we agreed on"), each
 * linking to its place in the session. The pinner, hosts and facilitators can unpin.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { pinHref, type PinDto } from '../../../shared/knowledge/pins.ts';
import { canManageSessions, type Role } from '../../../shared/roles.ts';
import { api, errorMessage } from '../../api/http.ts';
import type { Resource } from '../../api/useApi.ts';
import { formatDateTime } from '../../app/datetime.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { useToast } from '../../components/Toast.tsx';

export interface PinnedSectionProps {
  communityId: string;
  pins: Resource<{ pins: PinDto[] }>;
  myRole: Role;
  meId: string;
}

/** The "Pinned" list; nothing at all while there are no pins. */
export function PinnedSection({ communityId, pins, myRole, meId }: PinnedSectionProps) {
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const list = pins.data?.pins ?? [];

  const unpin = async (p: PinDto) => {
    setBusy(p.id);
    try {
      await api.delete(`/api/communities/${encodeURIComponent(communityId)}/pins/${encodeURIComponent(p.id)}`);
      pins.setData((prev) => ({ pins: (prev?.pins ?? []).filter((x) => x.id !== p.id) }));
      toast('Unpinned.');
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  if (pins.error !== null) return <ErrorBanner error={pins.error} title="Could not load pinned notes." onRetry={pins.reload} />;
  if (list.length === 0) return null;
  return (
    <div className="kb-pins">
      <h3 className="subheading">Pinned</h3>
      <ul className="kb-pin-list">
        {list.map((p) => (
          <li key={p.id} className="kb-pin">
            <blockquote className="kb-pin__excerpt">{p.excerpt}</blockquote>
            <p className="kb-pin__meta">
              <Link href={pinHref(p)}>{p.sessionTitle}</Link>
              <span aria-hidden="true"> · </span>
              {p.kind === 'board' ? 'Board' : 'Notes'}
              <span aria-hidden="true"> · </span>
              pinned by {p.pinnedBy.name} on <time dateTime={p.pinnedAt}>{formatDateTime(p.pinnedAt)}</time>
            </p>
            {(p.pinnedBy.id === meId || canManageSessions(myRole)) && (
              <Button size="sm" variant="ghost" className="kb-pin__unpin" loading={busy === p.id} onClick={() => void unpin(p)}>
                Unpin<span className="sr-only"> “{p.excerpt.slice(0, 60)}”</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
