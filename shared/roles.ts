/**
 * Community roles and what each may do. The server enforces these; the client only uses them to
 * hide controls a person could not use anyway.
 */
export const ROLES = ['host', 'facilitator', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Higher rank = more rights. Used to compare roles (e.g. a ticket never grants more than the membership). */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, facilitator: 2, host: 3 };

/** May change a session room's document (agenda, notes, board). */
export function canEditRoom(role: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK.member;
}

/** May schedule sessions and run them. */
export function canManageSessions(role: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK.facilitator;
}

/** May change members' roles and create invites. */
export function canManageMembers(role: Role): boolean {
  return role === 'host';
}

/** The lesser of two roles: what a ticket grants when the membership was changed after it was issued. */
export function minRole(a: Role, b: Role): Role {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}
