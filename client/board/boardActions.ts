/**
 * What a person can do to the board from the toolbar, the selection bar, the keyboard and the clipboard:
 * add items, delete, duplicate, copy, paste, align, restack, connect, recolour, nudge. Each action is
 * one undo step (capturing is stopped before and after it) and says what it did for screen readers.
 * Plain functions over a context the Board provides each render.
 */
import type * as Y from 'yjs';
import { DEFAULT_ITEM_SIZE, STICKY_COLORS, getBoard, type BoardItemFields, type ShapeKind } from '../../shared/doc/layout.ts';
import type { FileDto } from '../../shared/api/files.ts';
import { alignPositions, restackZ, type AlignMode } from './arrange.ts';
import type { BoardIndex, BoardIndexEntry } from './BoardIndex.ts';
import { insertBoardItems, moveBoardItems, setBoardItemsZ, snapshotItems } from './boardBatchOps.ts';
import { clipboardPayload, clipboardText } from './boardClipboard.ts';
import { createBoardItem, deleteBoardItems, resizeBoardItem, updateBoardItem } from './boardOps.ts';
import { fillLinkTitle } from './fillLinkTitle.ts';
import { boundsOfRects, expandRect, rectCenter, type Point, type Size } from '../../shared/board/geometry.ts';
import { kindName, ITEM_TYPE_NAMES, SHAPE_NAMES } from '../../shared/board/itemLabel.ts';
import { itemsToMove } from './selectionGeometry.ts';
import type { BoardUndo } from './useBoardUndo.ts';

/** What the actions need from the Board. */
export interface BoardActionContext {
  doc: Y.Doc;
  origin: object;
  index: BoardIndex | null;
  undo: BoardUndo;
  createdBy: string;
  canEdit: boolean;
  /** The current selection, in the order it was made. */
  selection: readonly string[];
  setSelection: (ids: readonly string[]) => void;
  /** Opens the text editor of an item. */
  startEditing: (id: string) => void;
  /** Moves keyboard focus to an item once it is mounted. */
  focusItem: (id: string) => void;
  announce: (text: string) => void;
  /** Where an item of `size` goes: centred on `at`, else under the pointer, else mid-view; never exactly on another. */
  placeAt: (size: Size, at?: Point | null) => Point;
  /** The ink colour for new arrows. */
  ink: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Padding around the selection when a frame is drawn around it, in board units. */
const FRAME_PADDING = 40;

/** The board's actions for this render's context. */
export function boardActions(ctx: BoardActionContext) {
  const { doc, origin, index, undo, createdBy, canEdit, selection, setSelection, announce } = ctx;

  /** Runs `write` as its own undo step. */
  const step = <T>(write: () => T): T => {
    undo.stopCapturing();
    const result = write();
    undo.stopCapturing();
    return result;
  };
  const entries = (): BoardIndexEntry[] => selection.map((id) => index?.get(id)).filter((e): e is BoardIndexEntry => !!e);

  return {
    /** Adds a note, text, shape or frame; a new note or shape opens for typing unless `text` is given. */
    add(type: 'sticky' | 'text' | 'shape' | 'frame', opts: { shape?: ShapeKind; at?: Point | null; text?: string } = {}) {
      if (!canEdit) return;
      let rect = { ...ctx.placeAt(DEFAULT_ITEM_SIZE[type], opts.at), ...DEFAULT_ITEM_SIZE[type] };
      let text = opts.text;
      if (type === 'frame') {
        // A frame made with a selection goes around it, so the selected items are on it at once.
        const around = boundsOfRects(entries().filter((e) => e.type !== 'connector').map((e) => e.rect));
        if (around) rect = expandRect(around, FRAME_PADDING);
        text ??= 'Frame';
      }
      // Shapes start blue, so they read as different from notes at a glance.
      const color = type === 'shape' ? STICKY_COLORS[3] : undefined;
      const id = step(() => createBoardItem(doc, origin, { type, ...rect, shape: opts.shape, text, color, createdBy }));
      setSelection([id]);
      if (text === undefined || type === 'frame') ctx.startEditing(id);
      else ctx.focusItem(id);
      announce(`${type === 'shape' ? SHAPE_NAMES[opts.shape ?? 'rectangle'] : ITEM_TYPE_NAMES[type]} added`);
      return id;
    },

    /** Adds a link card; without a title, the page's own title is filled in when the server can read it. */
    addLink(url: URL, at?: Point | null, title = '') {
      if (!canEdit) return;
      const pos = ctx.placeAt(DEFAULT_ITEM_SIZE.link, at);
      const text = title.trim();
      const id = step(() => createBoardItem(doc, origin, { type: 'link', ...pos, url: url.href, text, createdBy }));
      setSelection([id]);
      ctx.focusItem(id);
      announce(`Link to ${url.host} added`);
      if (!text) void fillLinkTitle(doc, id, url.href);
    },

    /** Adds an uploaded file: an image at its natural size (at most 480 units wide or tall), a PDF as a card. */
    addUpload(file: FileDto, at: Point | null, natural: Size | null) {
      if (!canEdit) return;
      const isImage = file.mime.startsWith('image/');
      let size = DEFAULT_ITEM_SIZE[isImage ? 'image' : 'file'];
      if (isImage && natural) {
        const scale = Math.min(1, 480 / Math.max(natural.w, natural.h));
        size = { w: Math.max(32, Math.round(natural.w * scale)), h: Math.max(32, Math.round(natural.h * scale)) };
      }
      const pos = ctx.placeAt(size, at);
      const id = step(() =>
        createBoardItem(doc, origin, {
          type: isImage ? 'image' : 'file',
          ...pos,
          ...size,
          text: file.name,
          sha256: file.sha256,
          mime: file.mime,
          bytes: file.bytes,
          createdBy,
        }),
      );
      setSelection([id]);
      ctx.focusItem(id);
      announce(`${isImage ? 'Image' : 'File'} ${file.name} added`);
    },

    remove() {
      if (!canEdit || selection.length === 0) return;
      const n = step(() => deleteBoardItems(doc, origin, selection));
      setSelection([]);
      announce(n === 1 ? 'Item deleted' : `${plural(n, 'item')} deleted`);
    },

    /** Copies of the selection (and the arrows between its items), 24 units down and right, selected. */
    duplicate() {
      if (!canEdit || selection.length === 0 || !index) return;
      const items = snapshotItems(getBoard(doc), itemsToMove(selection, Array.from(index.all())));
      const ids = step(() => insertBoardItems(doc, origin, items, { dx: 24, dy: 24, createdBy }));
      setSelection(ids);
      announce(`${plural(ids.length, 'item')} duplicated`);
    },

    /** The clipboard content for the selection (frames bring the items on them), or null when nothing is selected. */
    copy(): { json: string; text: string; count: number } | null {
      if (selection.length === 0 || !index) return null;
      const items = snapshotItems(getBoard(doc), itemsToMove(selection, Array.from(index.all())));
      if (items.length === 0) return null;
      announce(`${plural(items.length, 'item')} copied`);
      return { json: JSON.stringify(clipboardPayload(items)), text: clipboardText(items), count: items.length };
    },

    /** Pastes items from a clipboard payload, centred where a new item would go, and selects them. */
    paste(items: readonly BoardItemFields[], at?: Point | null) {
      if (!canEdit || items.length === 0) return;
      const bounds = boundsOfRects(items.filter((i) => i.type !== 'connector').map((i) => ({ x: i.x, y: i.y, w: i.w, h: i.h })));
      if (!bounds) return;
      const pos = ctx.placeAt({ w: bounds.w, h: bounds.h }, at);
      const ids = step(() => insertBoardItems(doc, origin, items, { dx: pos.x - bounds.x, dy: pos.y - bounds.y, createdBy }));
      setSelection(ids);
      announce(`${plural(ids.length, 'item')} pasted`);
    },

    align(mode: AlignMode) {
      if (!canEdit) return;
      const n = step(() => moveBoardItems(doc, origin, alignPositions(entries(), mode)));
      announce(n ? `Aligned ${mode}` : 'Already aligned');
    },

    restack(direction: 1 | -1) {
      if (!canEdit || !index) return;
      step(() => setBoardItemsZ(doc, origin, restackZ(entries(), index.all(), direction)));
      announce(direction === 1 ? 'Brought to front' : 'Sent to back');
    },

    /** Joins the first two selected items with an arrow (the keyboard way to connect). */
    connectSelected() {
      const [from, to] = entries().filter((e) => e.type !== 'connector');
      if (!canEdit || !from || !to) return;
      const id = step(() => createBoardItem(doc, origin, { type: 'connector', from: from.id, to: to.id, x: 0, y: 0, color: ctx.ink, createdBy }));
      setSelection([id]);
      ctx.focusItem(id);
      announce('Arrow added');
    },

    setColor(color: string) {
      if (!canEdit || selection.length === 0) return;
      step(() => doc.transact(() => selection.forEach((id) => updateBoardItem(doc, origin, id, { color })), origin));
    },

    setShape(shape: ShapeKind) {
      if (!canEdit) return;
      step(() => doc.transact(() => selection.forEach((id) => updateBoardItem(doc, origin, id, { shape })), origin));
      announce(`Changed to ${SHAPE_NAMES[shape].toLowerCase()}`);
    },

    /** Moves the selection (frames with their items) by board units. Arrow-key repeats merge into one step. */
    nudge(dx: number, dy: number) {
      if (!canEdit || !index) return;
      const moves = new Map<string, Point>();
      for (const id of itemsToMove(selection, Array.from(index.all()))) {
        const r = index.get(id)!.rect;
        moves.set(id, { x: r.x + dx, y: r.y + dy });
      }
      moveBoardItems(doc, origin, moves);
    },

    resize(dw: number, dh: number) {
      const e = entries().find((x) => x.type !== 'connector');
      if (!canEdit || !e) return;
      resizeBoardItem(doc, origin, e.id, e.rect.w + dw, e.rect.h + dh);
    },

    selectAll() {
      if (!canEdit || !index) return;
      const ids = Array.from(index.all(), (e) => e.id);
      setSelection(ids);
      announce(`${plural(ids.length, 'item')} selected`);
    },

    /** A short description of the selection, for the selection bar and announcements. */
    describe(): string {
      const list = entries();
      if (list.length === 1) return kindName(list[0]);
      return `${plural(list.length, 'item')} selected`;
    },

    /** The centre of the selection's bounds (for placing things relative to it). */
    selectionCenter(): Point | null {
      const b = boundsOfRects(entries().map((e) => e.rect));
      return b ? rectCenter(b) : null;
    },
  };
}

/** The actions object for one render. */
export type BoardActions = ReturnType<typeof boardActions>;
