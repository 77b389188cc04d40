/**
 * Highlights what is new in place while the catch-up panel is open: board items by id (a generated
 * style rule on `[data-item-id]` / `#board-<id>`, so items re-rendered or scrolled into view stay
 * marked without touching their components) and notes blocks by their text (the CSS Custom Highlight
 * API, so the editor's DOM is never changed).
 */
import { useEffect } from 'react';
import type { ContentChanges } from '../../../shared/knowledge/versions.ts';

const HIGHLIGHT = 'cp-catchup-new';
/** Block elements of the live notes editor and of the archive's notes. */
const NOTE_BLOCKS = '.notes-doc p, .notes-doc h1, .notes-doc h2, .notes-doc h3, .notes-doc h4, .notes-doc h5, .notes-doc h6, .notes-doc pre, .archive-notes p, .archive-notes h3, .archive-notes h4, .archive-notes h5, .archive-notes h6, .archive-notes pre';

/**
 * At most this many board items are marked. Each id is a selector every element's style is matched
 * against: 10,000 new items (a latecomer's first look at a grown board) made every frame of a drag
 * cost 15 ms more (bench/board.ts). The panel still counts them all.
 */
export const MAX_HIGHLIGHTED_ITEMS = 200;

/** The style rule marking these board items (ids are document content: always escaped). */
export function boardHighlightCss(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const selectors = ids.slice(0, MAX_HIGHLIGHTED_ITEMS).flatMap((id) => {
    const q = CSS.escape(id);
    return [`.board-item[data-item-id="${q}"]`, `.archive-board__item[id="board-${q}"]`];
  });
  return `${selectors.join(',\n')} { outline: 3px solid var(--color-warning); outline-offset: 2px; box-shadow: 0 0 0 6px var(--color-warning-soft); }`;
}

const NOTES_ROOTS = '.notes-doc, .archive-notes';

/** Whether a DOM change touched a notes view: inside one, or adding one (the notes mount after sync). */
function touchesNotes(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest(NOTES_ROOTS)) return true;
  for (const node of record.addedNodes) {
    if (node instanceof Element && (node.matches(NOTES_ROOTS) || node.querySelector(NOTES_ROOTS))) return true;
  }
  return false;
}

function highlightNotes(texts: Set<string>): () => void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined' || texts.size === 0) return () => {};
  const paint = () => {
    const ranges: Range[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(NOTE_BLOCKS)) {
      // textContent, not innerText: innerText forces a layout, and this runs after DOM changes.
      if (!texts.has((el.textContent ?? '').trim())) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      ranges.push(range);
    }
    registry.set(HIGHLIGHT, new Highlight(...ranges));
  };
  paint();
  // The notes render after the room syncs, and may change: repaint on changes (batched by frame). Only
  // changes inside notes count: the board's DOM changes on every frame of a drag.
  let frame = 0;
  const observer = new MutationObserver((records) => {
    if (frame || !records.some(touchesNotes)) return;
    frame = requestAnimationFrame(() => ((frame = 0), paint()));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    registry.delete(HIGHLIGHT);
  };
}

/** Marks `changes`' board items and notes blocks until `changes` becomes null. */
export function useCatchUpHighlights(changes: ContentChanges | null): void {
  useEffect(() => {
    if (!changes) return;
    const style = document.createElement('style');
    style.dataset.catchup = '';
    style.textContent = boardHighlightCss(changes.boardAdded.map((b) => b.id));
    document.head.append(style);
    const clearNotes = highlightNotes(new Set(changes.notesAdded.map((n) => n.text.trim())));
    return () => {
      style.remove();
      clearNotes();
    };
  }, [changes]);
}
