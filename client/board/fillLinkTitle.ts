/**
 * Gives a new link card the page's own title when the person left the title empty: asked once from the
 * server's link preview, written only if the card still exists and still shows no title of its own by
 * then — its text is still the address-derived default (linkTitle), so a title the person typed in the
 * meantime is never overwritten. Written with its own origin, outside the board's undo history:
 * undoing the card's creation removes the card, title and all.
 */
import type * as Y from 'yjs';
import { getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import type { LinkPreviewDto } from '../../shared/api/linkPreviewSchemas.ts';
import { fetchLinkPreview } from '../api/linkPreview.ts';
import { linkTitle, updateBoardItem } from './boardOps.ts';

const PREVIEW_ORIGIN = { source: 'link-preview' };

/** Fills card `id`'s title from the preview of `url`; resolves true if it did. */
export async function fillLinkTitle(
  doc: Y.Doc,
  id: string,
  url: string,
  preview: (url: string) => Promise<LinkPreviewDto | null> = fetchLinkPreview,
): Promise<boolean> {
  const title = (await preview(url))?.title;
  if (!title) return false;
  const map = getBoard(doc).get(id);
  if (!map) return false;
  const text = readBoardItem(map).text.trim();
  if (text !== '' && text !== linkTitle(new URL(url))) return false;
  return updateBoardItem(doc, PREVIEW_ORIGIN, id, { text: title });
}
