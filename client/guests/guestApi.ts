/** Calls to the guest-link and audience routes (server/http/routes/guests.ts, presenting.ts). */
import type { GuestPermission } from '../../shared/roles.ts';
import type { Speaker } from '../../shared/facilitation/audience.ts';
import type { GuestDto, GuestLinkCreatedDto, GuestLinkDto, GuestLinkInfoDto } from '../../shared/api/guestSchemas.ts';
import { api } from '../api/http.ts';

const session = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
const link = (token: string) => `/api/guest-links/${encodeURIComponent(token)}`;

export const guestApi = {
  create: (sessionId: string, expiresInMinutes: number, permission: GuestPermission, label: string) =>
    api.post<GuestLinkCreatedDto>(`${session(sessionId)}/guest-links`, { expiresInMinutes, permission, label }),
  list: (sessionId: string) => api.get<{ links: GuestLinkDto[] }>(`${session(sessionId)}/guest-links`),
  revoke: (sessionId: string, linkId: string) => api.delete(`${session(sessionId)}/guest-links/${encodeURIComponent(linkId)}`),
  info: (token: string, signal?: AbortSignal) => api.get<GuestLinkInfoDto>(link(token), signal),
  join: (token: string, name: string | undefined) => api.post<{ guest: GuestDto }>(`${link(token)}/join`, name ? { name } : {}),
  setAudience: (sessionId: string, change: { enabled?: boolean; speakers?: Speaker[] }) => api.post(`${session(sessionId)}/audience`, change),
  jump: (sessionId: string, itemId: string) => api.post(`${session(sessionId)}/agenda/jump`, { itemId }),
};
