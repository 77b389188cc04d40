/**
 * The people and rooms a chaos suite works in: one host, a few members, one community and N sessions,
 * created through the real HTTP API, with a ticket per (person, room) for the stock clients.
 */
import { ApiClient } from '../helpers/apiClient.ts';
import type { SessionDto } from '../../shared/api/schemas.ts';

const ORIGIN = 'http://commonplace.test';

export interface ChaosWorld {
  /** Everyone who edits; index 0 is the host. */
  people: ApiClient[];
  sessions: SessionDto[];
  /** A ticket for person `person` (modulo people.length) in session `session`; cached (tickets are reusable). */
  ticket(session: number, person?: number): Promise<string>;
}

/** Signs up `people` people (all members of one open community) and creates `rooms` sessions. */
export async function createWorld(url: string, rooms: number, people = 1, label = 'Chaos'): Promise<ChaosWorld> {
  const host = new ApiClient(url, ORIGIN);
  await host.signup(`${label} Host`);
  const community = await host.createCommunity(`${label} community`, 'open');
  const all = [host];
  for (let i = 1; i < people; i++) {
    const p = new ApiClient(url, ORIGIN);
    await p.signup(`${label} Member ${i}`);
    await p.join(community.id);
    all.push(p);
  }
  const sessions: SessionDto[] = [];
  for (let i = 0; i < rooms; i++) sessions.push(await host.createSession(community.id, `${label} room ${i}`));
  const cache = new Map<string, Promise<string>>();
  return {
    people: all,
    sessions,
    ticket(session, person = 0) {
      const p = person % all.length;
      const key = `${session}/${p}`;
      let t = cache.get(key);
      if (!t) {
        t = all[p]!.ticket(sessions[session]!.id).then((d) => d.token);
        // A failed request must not poison the cache.
        t.catch(() => cache.delete(key));
        cache.set(key, t);
      }
      return t;
    },
  };
}

/** Environment every chaos server gets: long-lived tickets, caps above what the suites open from 127.0.0.1. */
export const CHAOS_ENV: Record<string, string> = {
  TICKET_TTL_SECONDS: '7200',
  MAX_CONNECTIONS_PER_IP: '5000',
  MAX_CONNECTIONS_PER_USER: '5000',
  MAX_ROOMS_PER_USER: '500',
};
