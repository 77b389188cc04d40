/**
 * The HTTP API as a browser context sees it: `page.request` shares the context's cookies, so a person
 * signed up here is signed in in their pages too. Writes carry the app's Origin (the server's CSRF check).
 */
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import type { CommunityDto, InviteDto, MemberDto, SessionDto, SessionFormat, UserDto } from '../../../shared/api/schemas.ts';
import type { Role } from '../../../shared/roles.ts';

/** The password every test account uses (long enough for the sign-up rules). */
export const PASSWORD = 'correct horse battery staple';

/** A fresh, unique email address for one test person. */
export function uniqueEmail(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'person';
  return `${slug}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** The origin the app is served from (the project's baseURL). */
export function appOrigin(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('playwright.config.ts must set use.baseURL');
  return new URL(base).origin;
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  expect(res.ok(), `${what} → ${res.status()} ${await res.text()}`).toBe(true);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** POST/PUT with a JSON body and the app's Origin, as the client's fetch would send them. */
async function write<T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<T> {
  const res = await page.request.fetch(path, { method, data: body, headers: { Origin: appOrigin(), 'Content-Type': 'application/json' } });
  return json<T>(res, `${method} ${path}`);
}

/** Creates an account for `name` and signs this page's context in. */
export async function signUpViaApi(page: Page, name: string): Promise<UserDto> {
  return (await write<{ user: UserDto }>(page, 'POST', '/api/auth/signup', { name, email: uniqueEmail(name), password: PASSWORD })).user;
}

/** Creates a community hosted by the signed-in person. */
export function createCommunityViaApi(
  page: Page,
  fields: { name: string; domain?: string; groundRules?: string; visibility?: 'open' | 'invite' },
): Promise<CommunityDto> {
  return write(page, 'POST', '/api/communities', {
    name: fields.name,
    domain: fields.domain ?? 'Learning from each other’s cases.',
    groundRules: fields.groundRules ?? '',
    visibility: fields.visibility ?? 'open',
  });
}

/** Schedules a session; by default one that has just started (so it is live now). */
export function createSessionViaApi(
  page: Page,
  communityId: string,
  fields: { title: string; startsAt?: Date; durationMinutes?: number; format?: SessionFormat },
): Promise<SessionDto> {
  return write(page, 'POST', `/api/communities/${encodeURIComponent(communityId)}/sessions`, {
    title: fields.title,
    startsAt: (fields.startsAt ?? new Date(Date.now() - 60_000)).toISOString(),
    format: fields.format ?? 'open_discussion',
    durationMinutes: fields.durationMinutes ?? 60,
  });
}

/** Joins an open community as the signed-in person. */
export function joinViaApi(page: Page, communityId: string): Promise<CommunityDto> {
  return write(page, 'POST', `/api/communities/${encodeURIComponent(communityId)}/join`);
}

/** Changes a member's role (the signed-in person must be a host). */
export function setRoleViaApi(page: Page, communityId: string, userId: string, role: Role): Promise<MemberDto> {
  return write(page, 'PUT', `/api/communities/${encodeURIComponent(communityId)}/members/${encodeURIComponent(userId)}`, { role });
}

/** Creates an invite link (the signed-in person must be a host). */
export function createInviteViaApi(page: Page, communityId: string): Promise<InviteDto> {
  return write(page, 'POST', `/api/communities/${encodeURIComponent(communityId)}/invites`);
}
