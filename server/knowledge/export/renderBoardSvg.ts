/**
 * A session's board as a standalone SVG document on the server (GET /api/sessions/:id/board.svg),
 * drawn by the shared boardToSvg with the light theme's colours. Images are embedded as data: URLs from
 * the file store — only files the reader may open anyway (GET /api/files/:sha256), at most
 * EMBED_BUDGET_BYTES in all; the rest are drawn as labelled placeholders.
 */
import { DEFAULT_SVG_PALETTE, boardToSvg } from '../../../shared/board/boardToSvg.ts';
import { BOARD_IMAGE_TYPES } from '../../../shared/doc/layout.ts';
import type { FileStorage } from '../../files/FileStorage.ts';
import type { FileStore } from '../../store/types.ts';
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { readStoredFile } from './readStoredFile.ts';

/** Most image bytes embedded into one SVG (the document grows by 4/3 of this as base64). */
export const EMBED_BUDGET_BYTES = 16 * 1024 * 1024;

/** An empty board still answers with a valid, small SVG document. */
const EMPTY_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120"><rect width="100%" height="100%" fill="${DEFAULT_SVG_PALETTE.canvas}"/><text x="160" y="64" font-size="14" fill="${DEFAULT_SVG_PALETTE.muted}" text-anchor="middle" font-family="system-ui, sans-serif">Nothing on the board</text></svg>`;

/** Board items (extractBoard) as SVG text; images `readerId` may read are embedded. */
export async function renderBoardSvg(items: readonly BoardEntry[], deps: { store: { readonly files: Pick<FileStore, 'getFileForMember'> }; files: FileStorage }, readerId: string): Promise<string> {
  const images = new Map<string, string>();
  let budget = EMBED_BUDGET_BYTES;
  const shas = new Set(items.filter((i) => i.type === 'image' && i.sha256).map((i) => i.sha256!));
  for (const sha of shas) {
    const meta = await deps.store.files.getFileForMember(sha, readerId);
    if (!meta || !(BOARD_IMAGE_TYPES as readonly string[]).includes(meta.mime) || meta.bytes > budget) continue;
    const content = await readStoredFile(deps.files, sha);
    if (!content || content.byteLength > budget) continue;
    budget -= content.byteLength;
    images.set(sha, `data:${meta.mime};base64,${Buffer.from(content).toString('base64')}`);
  }
  return boardToSvg(items, { palette: DEFAULT_SVG_PALETTE, images })?.svg ?? EMPTY_SVG;
}
