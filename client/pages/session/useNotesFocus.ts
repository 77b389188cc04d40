/**
 * `?focus=notes:<anchor>`: scrolls the shared notes to the heading with that anchor and highlights it
 * for a few seconds. The notes arrive after the room syncs, so it watches the page until the heading
 * appears (or gives up). Anchors are computed from the rendered headings exactly as the server computes
 * them from the document (shared/knowledge/anchors.ts). The highlight uses the CSS Custom Highlight API,
 * so the editor's DOM is never touched.
 */
import { useEffect } from 'react';
import { headingAnchors } from '../../../shared/knowledge/anchors.ts';

const HIGHLIGHT = 'cp-focus-target';
const HIGHLIGHT_MS = 6000;
const GIVE_UP_MS = 15_000;

/** The heading of the notes editor whose anchor is `anchor`, if rendered. */
export function findNotesHeading(root: ParentNode, anchor: string): HTMLElement | null {
  const editor = root.querySelector('.notes-doc');
  if (!editor) return null;
  const headings = [...editor.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')];
  // innerText keeps hard breaks as newlines, like the server's extraction.
  const i = headingAnchors(headings.map((h) => h.innerText || h.textContent || '')).indexOf(anchor);
  return i >= 0 ? headings[i] : null;
}

/** Marks an element's text with the focus highlight for a while (where the browser supports it). */
function highlight(el: HTMLElement): () => void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return () => {};
  const range = document.createRange();
  range.selectNodeContents(el);
  registry.set(HIGHLIGHT, new Highlight(range));
  const timer = setTimeout(() => registry.delete(HIGHLIGHT), HIGHLIGHT_MS);
  return () => {
    clearTimeout(timer);
    registry.delete(HIGHLIGHT);
  };
}

/** Brings the notes heading `anchor` into view once it is rendered (nothing when anchor is undefined). */
export function useNotesFocus(anchor: string | undefined): void {
  useEffect(() => {
    if (!anchor) return;
    let clearHighlight = () => {};
    let found = false;
    const attempt = () => {
      const el = findNotesHeading(document, anchor);
      if (!el) return false;
      found = true;
      el.scrollIntoView({ block: 'start' });
      clearHighlight = highlight(el);
      return true;
    };
    if (attempt()) return () => clearHighlight();
    const observer = new MutationObserver(() => {
      if (!found && attempt()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const giveUp = setTimeout(() => observer.disconnect(), GIVE_UP_MS);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
      clearHighlight();
    };
  }, [anchor]);
}
