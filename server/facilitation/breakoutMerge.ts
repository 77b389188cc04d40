/**
 * Ending breakouts: every group's board is copied onto the main board inside a new labelled frame
 * ("Group 2 — <prompt>") placed below what is there, with new ids and connectors remapped, and its
 * notes appended to the main notes under a heading per group. Frame ids are fixed per round and group,
 * so a second end (or a retry after a crash between the two writes) skips groups already merged.
 */
import * as Y from 'yjs';
import { getBoard, getNotes, readBoardItem, readBoardItemObject, toYMap } from '../../shared/doc/layout.ts';
import { boundsOfRects, type Rect } from '../../shared/board/geometry.ts';
import { groupFrameId, groupFrameTitle, planMergeLayout, type BreakoutGroup } from '../../shared/facilitation/breakouts.ts';

/** What one group produced, read from its room (plain items; notes cloned, ready to insert elsewhere). */
export interface GroupSnapshot {
  group: BreakoutGroup;
  items: Record<string, unknown>[];
  notes: (Y.XmlElement | Y.XmlText)[];
}

/** Reads a group room's board and notes. Call inside a read of the group's room. */
export function readGroupSnapshot(doc: Y.Doc, group: BreakoutGroup): GroupSnapshot {
  const items: Record<string, unknown>[] = [];
  for (const [id, map] of getBoard(doc)) if (map instanceof Y.Map) items.push({ ...map.toJSON(), id });
  const notes: (Y.XmlElement | Y.XmlText)[] = [];
  for (const node of getNotes(doc).toArray()) if (node instanceof Y.XmlElement || node instanceof Y.XmlText) notes.push(node.clone());
  return { group, items, notes };
}

/** The id a group's item gets on the main board. */
export const mergedItemId = (frameId: string, itemId: string) => `${frameId}-${itemId}`;

const rectOf = (fields: { x: number; y: number; w: number; h: number }): Rect => ({ x: fields.x, y: fields.y, w: fields.w, h: fields.h });

function heading(text: string): Y.XmlElement {
  const h = new Y.XmlElement('heading');
  // Tiptap keeps a heading's level as a number attribute (Yjs types attributes as strings by default).
  (h as unknown as Y.XmlElement<{ level: number }>).setAttribute('level', 2);
  const t = new Y.XmlText();
  t.insert(0, text);
  h.insert(0, [t]);
  return h;
}

/**
 * Copies the groups' boards and notes into the main document (call inside one transaction on it).
 * Returns the ids of the groups merged now (those merged before are skipped).
 */
export function mergeBreakouts(main: Y.Doc, roundId: string, prompt: string, snapshots: readonly GroupSnapshot[], by: string, now = Date.now()): string[] {
  const board = getBoard(main);
  const todo = snapshots.filter((s) => !board.has(groupFrameId(roundId, s.group.id)));
  if (todo.length === 0) return [];
  const existing: Rect[] = [];
  let minZ = Infinity;
  for (const map of board.values()) {
    const it = readBoardItem(map);
    minZ = Math.min(minZ, it.z);
    if (it.type !== 'connector') existing.push(rectOf(it));
  }
  const bounds = todo.map((s) => {
    const rects: Rect[] = [];
    for (const raw of s.items) {
      const it = readBoardItemObject(raw);
      minZ = Math.min(minZ, it.z);
      if (it.type !== 'connector') rects.push(rectOf(it));
    }
    return boundsOfRects(rects);
  });
  const plan = planMergeLayout(existing, bounds);
  const frameZ = (Number.isFinite(minZ) ? minZ : 0) - 1;
  const notes = getNotes(main);
  todo.forEach((s, i) => {
    const { frame, dx, dy } = plan[i];
    const frameId = groupFrameId(roundId, s.group.id);
    const title = groupFrameTitle(s.group, prompt);
    board.set(frameId, toYMap({ id: frameId, type: 'frame', ...frame, text: title, z: frameZ, createdBy: by, createdAt: now }));
    const ids = new Set(s.items.map((it) => String(it.id)));
    const remap = (id: unknown) => (typeof id === 'string' && ids.has(id) ? mergedItemId(frameId, id) : id);
    for (const raw of s.items) {
      const copy: Record<string, unknown> = { ...raw, id: remap(raw.id) };
      if (raw.type === 'connector') {
        copy.from = remap(raw.from);
        copy.to = remap(raw.to);
      } else {
        // Read through the layout so that a malformed coordinate still lands inside the frame.
        const it = readBoardItemObject(raw);
        copy.x = it.x + dx;
        copy.y = it.y + dy;
      }
      board.set(copy.id as string, toYMap(copy));
    }
    notes.insert(notes.length, [heading(title), ...s.notes]);
  });
  return todo.map((s) => s.group.id);
}
