/**
 * A small HTTP client for tests that behaves like a browser would: keeps the session cookie and sends
 * the allowed Origin with every write.
 */
import type { CommunityDto, SessionDto, TicketDto, UserDto } from '../../shared/api/schemas.ts';
import type { Role } from '../../shared/roles.ts';

export class ApiClient {
  cookie = '';
  constructor(
    readonly baseUrl: string,
    readonly origin: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { origin: this.origin } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie();
    for (const c of set) if (c.startsWith('cp_session=')) this.cookie = c.split(';')[0];
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async signup(name: string, email = `${name.toLowerCase().replace(/\W/g, '')}-${crypto.randomUUID().slice(0, 8)}@example.test`): Promise<UserDto> {
    return (await this.json<{ user: UserDto }>('POST', '/api/auth/signup', { name, email, password: 'correct horse battery' })).user;
  }

  createCommunity(name = 'School Nurses Network', visibility: 'open' | 'invite' = 'open'): Promise<CommunityDto> {
    return this.json('POST', '/api/communities', { name, domain: 'Health in schools', visibility });
  }

  createSession(communityId: string, title = 'Mentoring Monday'): Promise<SessionDto> {
    return this.json('POST', `/api/communities/${communityId}/sessions`, {
      title,
      startsAt: new Date().toISOString(),
      format: 'presentation_qa',
    });
  }

  join(communityId: string): Promise<CommunityDto> {
    return this.json('POST', `/api/communities/${communityId}/join`, {});
  }

  setRole(communityId: string, userId: string, role: Role): Promise<unknown> {
    return this.json('PUT', `/api/communities/${communityId}/members/${userId}`, { role });
  }

  ticket(sessionId: string): Promise<TicketDto> {
    return this.json('POST', `/api/sessions/${sessionId}/ticket`, {});
  }
}
