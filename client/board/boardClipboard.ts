/**
 * Copy and paste of board items, within a board and across boards: the selection as a versioned JSON
 * payload (clipboard type `application/x-commonplace-board`) plus a plain-text fallback for other apps.
 * A pasted payload is untrusted input from any page or person: it is parsed strictly and every item is
 * validated again when inserted (boardBatchOps.insertBoardItems).
 */
import { z } from 'zod';
import { BOARD_ITEM_TYPES, readBoardItemObject, type BoardItemFields } from '../../shared/doc/layout.ts';

/** The clipboard type of a board payload. */
export const BOARD_CLIPBOARD_TYPE = 'application/x-commonplace-board';

/** Most items one paste inserts. */
export const MAX_CLIPBOARD_ITEMS = 2000;

/** What goes on the clipboard. */
export interface BoardClipboardPayload {
  kind: 'commonplace-board';
  version: 1;
  items: BoardItemFields[];
}

const ItemSchema = z
  .object({
    id: z.string().min(1).max(100),
    type: z.enum(BOARD_ITEM_TYPES),
    x: z.number().finite(),
    y: z.number().finite(),
  })
  .passthrough();

const PayloadSchema = z.object({
  kind: z.literal('commonplace-board'),
  version: z.literal(1),
  items: z.array(ItemSchema).max(MAX_CLIPBOARD_ITEMS),
});

/** The payload for these item snapshots (boardBatchOps.snapshotItems), without who made them or when. */
export function clipboardPayload(items: readonly BoardItemFields[]): BoardClipboardPayload {
  return { kind: 'commonplace-board', version: 1, items: items.map((it) => ({ ...it, createdBy: '', createdAt: 0 })) };
}

/** The plain-text fallback: each item's text (link cards: their URL), one paragraph per item. */
export function clipboardText(items: readonly BoardItemFields[]): string {
  return items
    .map((it) => (it.type === 'link' && it.url ? (it.text && it.text !== it.url ? `${it.text}\n${it.url}` : it.url) : it.text.trim()))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The items of a pasted payload, or null when the text is not one. Each item is read the way a
 * document item is (readBoardItemObject: unknown fields dropped, malformed ones defaulted), so nothing
 * beyond the document layout gets through.
 */
export function parseClipboardPayload(text: string): BoardItemFields[] | null {
  if (!text || text.length > 20 * 1024 * 1024) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = PayloadSchema.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.items.map((raw) => ({ ...readBoardItemObject(raw), id: raw.id }));
}
