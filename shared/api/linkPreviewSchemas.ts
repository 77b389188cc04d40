/** Link previews (issue 7): `GET /api/link-preview?url=` and what it answers. */
import { z } from 'zod';

/** Longest address a preview is asked for (the board's link cards take up to 2,048 characters). */
export const LINK_PREVIEW_URL_MAX = 2048;

/** `?url=` of a preview request. The server's SSRF guard checks the address itself. */
export const LinkPreviewParams = z.object({
  url: z.string().trim().min(1, 'Give a web address').max(LINK_PREVIEW_URL_MAX, `Web addresses are at most ${LINK_PREVIEW_URL_MAX} characters`),
});
export type LinkPreviewParams = z.infer<typeof LinkPreviewParams>;

/** A page's preview: its address after redirects, and what its title and meta tags say (null: nothing). */
export interface LinkPreviewDto {
  url: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
}
