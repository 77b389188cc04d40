/** A member's role as a labelled badge: the word carries the meaning, the colour only helps scanning. */
import type { Role } from '../../shared/roles.ts';

/** How each role is named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  host: 'Host',
  facilitator: 'Facilitator',
  member: 'Member',
  viewer: 'Viewer',
};

/** What each role may do, for hints next to role pickers. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  host: 'Manages members and invites, schedules and runs sessions',
  facilitator: 'Schedules and runs sessions',
  member: 'Takes part and edits agendas, notes and boards',
  viewer: 'Follows sessions without editing',
};

/** `<span class="badge badge--host">Host</span>`; `prefix` adds context such as "Your role:" for screen readers. */
export function RoleBadge({ role, srPrefix }: { role: Role; srPrefix?: string }) {
  return (
    <span className={`badge badge--${role}`}>
      {srPrefix && <span className="sr-only">{srPrefix} </span>}
      {ROLE_LABELS[role]}
    </span>
  );
}
