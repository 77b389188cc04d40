/**
 * Who is in the community and in what role. Hosts get a role picker per member; everyone else sees
 * the role as a badge. The server decides (a community must keep a host): a refusal is shown, not hidden.
 */
import { useState } from 'react';
import type { MemberDto } from '../../../shared/api/schemas.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { api, errorMessage } from '../../api/http.ts';
import type { Resource } from '../../api/useApi.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, RoleBadge } from '../../components/RoleBadge.tsx';
import { SkeletonBlock } from '../../components/Spinner.tsx';
import { useToast } from '../../components/Toast.tsx';

export interface MembersSectionProps {
  communityId: string;
  members: Resource<{ members: MemberDto[] }>;
  /** Shows role pickers (the caller is a host). */
  canManage: boolean;
  meId: string;
}

/** Hosts first, then facilitators, members and viewers; by name within a role. */
export function sortMembers(members: readonly MemberDto[]): MemberDto[] {
  return [...members].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
}

/** The "Members" section of a community page. */
export function MembersSection({ communityId, members, canManage, meId }: MembersSectionProps) {
  const [saving, setSaving] = useState<string | null>(null);
  const toast = useToast();
  const list = sortMembers(members.data?.members ?? []);

  const changeRole = async (m: MemberDto, role: Role) => {
    setSaving(m.userId);
    try {
      const updated = await api.put<MemberDto>(
        `/api/communities/${encodeURIComponent(communityId)}/members/${encodeURIComponent(m.userId)}`,
        { role },
      );
      members.setData((prev) => prev && { members: prev.members.map((x) => (x.userId === updated.userId ? updated : x)) });
      toast(`${updated.name} is now a ${ROLE_LABELS[updated.role].toLowerCase()}.`);
    } catch (err) {
      toast(`Could not change ${m.name}'s role: ${errorMessage(err)}`, 'error');
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="card section" aria-labelledby="members-heading">
      <h2 id="members-heading">
        Members {members.data && <span className="count">({list.length})</span>}
      </h2>
      {members.error !== null && <ErrorBanner error={members.error} title="Could not load members." onRetry={members.reload} />}
      {members.loading && !members.data && <SkeletonBlock lines={4} label="Loading members…" />}
      {canManage && list.length > 0 && (
        <details className="role-help">
          <summary>What can each role do?</summary>
          <dl>
            {ROLES.map((r) => (
              <div key={r}>
                <dt>{ROLE_LABELS[r]}</dt>
                <dd>{ROLE_DESCRIPTIONS[r]}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <ul className="member-list" role="list">
        {list.map((m) => (
          <li key={m.userId} className="member-row">
            <Avatar name={m.name} color={m.color} size="sm" />
            <span className="member-row__name">
              {m.name}
              {m.userId === meId && <span className="text-muted"> (you)</span>}
            </span>
            {canManage && m.userId !== meId ? (
              <select
                className="select select--compact"
                aria-label={`Role of ${m.name}`}
                value={m.role}
                disabled={saving === m.userId}
                aria-busy={saving === m.userId || undefined}
                onChange={(e) => void changeRole(m, e.target.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            ) : (
              <RoleBadge role={m.role} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
