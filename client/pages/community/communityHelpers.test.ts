import { describe, expect, it } from 'vitest';
import type { MemberDto } from '../../../shared/api/schemas.ts';
import { absoluteInviteUrl } from './InviteSection.tsx';
import { sortMembers } from './MembersSection.tsx';

const member = (userId: string, name: string, role: MemberDto['role']): MemberDto => ({ userId, name, role, color: '#1d4ed8', joinedAt: '2027-01-01T00:00:00Z' });

describe('sortMembers', () => {
  it('orders by role rank (hosts first), then by name', () => {
    const sorted = sortMembers([
      member('1', 'Zed', 'member'),
      member('2', 'Amy', 'viewer'),
      member('3', 'Bob', 'host'),
      member('4', 'Ann', 'member'),
      member('5', 'Cy', 'facilitator'),
    ]);
    expect(sorted.map((m) => m.name)).toEqual(['Bob', 'Cy', 'Ann', 'Zed', 'Amy']);
  });
});

describe('absoluteInviteUrl', () => {
  const invite = { code: 'abc', expiresAt: '2027-01-01T00:00:00Z' };
  it('keeps an absolute URL from the server', () => {
    expect(absoluteInviteUrl({ ...invite, url: 'https://cp.example/invite/abc' }, 'http://localhost:3000')).toBe('https://cp.example/invite/abc');
  });
  it('resolves a path against this origin', () => {
    expect(absoluteInviteUrl({ ...invite, url: '/invite/abc' }, 'http://localhost:3000')).toBe('http://localhost:3000/invite/abc');
  });
  it('builds the URL from the code when the server sent none', () => {
    expect(absoluteInviteUrl({ ...invite, url: '' }, 'http://localhost:3000')).toBe('http://localhost:3000/invite/abc');
  });
});
