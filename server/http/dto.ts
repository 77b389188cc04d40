/**
 * Store records → API response shapes (shared/api/schemas.ts). The only place that decides what leaves
 * the server: password hashes and other internals never reach a DTO.
 */
import { colorForUser } from '../../shared/colors.ts';
import type { Role } from '../../shared/roles.ts';
import type { CommunityDto, MemberDto, SessionDto, UserDto } from '../../shared/api/schemas.ts';
import type { CommunityRecord, MembershipRecord, SessionRecord, UserRecord } from '../store/types.ts';

/** The public view of a user (the caller's own, so it includes the email). */
export function toUserDto(u: UserRecord): UserDto {
  return { id: u.id, name: u.name, email: u.email, color: colorForUser(u.id) };
}

/** A community as seen by a caller with `myRole` (null = not a member). */
export function toCommunityDto(c: CommunityRecord, memberCount: number, myRole: Role | null): CommunityDto {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    groundRules: c.groundRules,
    visibility: c.visibility,
    createdAt: c.createdAt,
    memberCount,
    myRole,
  };
}

/** A member entry. */
export function toMemberDto(m: MembershipRecord & { name: string }): MemberDto {
  return { userId: m.userId, name: m.name, color: colorForUser(m.userId), role: m.role, joinedAt: m.joinedAt };
}

/** A scheduled session. */
export function toSessionDto(s: SessionRecord): SessionDto {
  return {
    id: s.id,
    communityId: s.communityId,
    title: s.title,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    format: s.format,
    room: s.room,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    ...(s.seriesId ? { seriesId: s.seriesId } : {}),
  };
}
