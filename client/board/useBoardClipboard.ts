/**
 * The board's clipboard: copy, cut and paste while focus is on the board (not in a text field).
 * Listens on the document, because a clipboard event is dispatched to the focused element only when it
 * is editable — for a focused canvas or item the browser targets the body. Copy writes the board payload
 * (`application/x-commonplace-board`) and a plain-text fallback; paste takes files, a board payload,
 * or text, in that order.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget } from './boardKeys.ts';
import { BOARD_CLIPBOARD_TYPE } from './boardClipboard.ts';

/** What the board does with the clipboard. */
export interface ClipboardHandlers {
  /** The selection as clipboard content, or null when nothing is selected. */
  copy: () => { json: string; text: string } | null;
  /** Deletes the selection (after a cut copied it). */
  removeSelection: () => void;
  /** Pasted files (images, PDFs). */
  pasteFiles: (files: File[]) => void;
  /** A pasted board payload (JSON text, to be parsed). */
  pastePayload: (json: string) => boolean;
  pasteText: (text: string) => void;
  canEdit: boolean;
}

/** True when the board (the element in `rootRef`) holds focus and no text field inside it does. */
function boardHasFocus(root: HTMLElement | null): boolean {
  const active = document.activeElement;
  return !!root && !!active && root.contains(active) && !isTypingTarget(active);
}

/** Attaches the document-level clipboard listeners for the board rooted at `rootRef`. */
export function useBoardClipboard(rootRef: RefObject<HTMLElement | null>, handlers: ClipboardHandlers): void {
  const h = useRef(handlers);
  h.current = handlers;

  useEffect(() => {
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (e.defaultPrevented || !e.clipboardData || !boardHasFocus(rootRef.current)) return;
      const content = h.current.copy();
      if (!content) return;
      e.preventDefault();
      e.clipboardData.setData(BOARD_CLIPBOARD_TYPE, content.json);
      e.clipboardData.setData('text/plain', content.text);
      if (cut && h.current.canEdit) h.current.removeSelection();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || !e.clipboardData || !h.current.canEdit || !boardHasFocus(rootRef.current)) return;
      const data = e.clipboardData;
      const files = Array.from(data.files ?? []);
      if (files.length > 0) {
        e.preventDefault();
        h.current.pasteFiles(files);
        return;
      }
      const json = data.getData(BOARD_CLIPBOARD_TYPE);
      if (json && h.current.pastePayload(json)) {
        e.preventDefault();
        return;
      }
      const text = data.getData('text/plain');
      // Another app's copy of board items falls back to text; a payload pasted as text still works.
      if (text.trim() && (h.current.pastePayload(text.trim()) || (h.current.pasteText(text), true))) e.preventDefault();
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [rootRef]);
}
