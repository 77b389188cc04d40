/**
 * A web page's own title and description, read by the server (GET /api/link-preview, behind its SSRF
 * guard). A convenience only: any failure — offline, refused address, slow page, no rights — is null, and
 * the caller carries on without it.
 */
import type { LinkPreviewDto } from '../../shared/api/linkPreviewSchemas.ts';
import { api } from './http.ts';

/** The preview of `url`, or null when there is none to be had. */
export async function fetchLinkPreview(url: string, signal?: AbortSignal): Promise<LinkPreviewDto | null> {
  try {
    return await api.get<LinkPreviewDto>(`/api/link-preview?url=${encodeURIComponent(url)}`, signal);
  } catch {
    return null;
  }
}
