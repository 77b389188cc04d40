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

/**
 * A guest (issue 4 item 10): someone let into ONE session through a time-limited guest link, with or
 * without an account. The lowest role: it is never a community membership (hosts cannot assign it), it
 * reaches only that session, and what it may do there comes from the link's permission.
 */
export const GUEST_ROLE = 'guest';
/** A role within a session room: a community role, or a guest of that session. */
export type SessionRole = Role | typeof GUEST_ROLE;
/** Every session role, lowest first (tickets carry one). */
export const SESSION_ROLES = [GUEST_ROLE, ...ROLES] as const;

/** What a guest link lets its guest do: follow the session, or also edit it (an invited presenter). */
export const GUEST_PERMISSIONS = ['view', 'edit'] as const;
export type GuestPermission = (typeof GUEST_PERMISSIONS)[number];

/** May a guest with this permission change the session room's document? */
export function canGuestEdit(permission: GuestPermission): boolean {
  return permission === 'edit';
}
