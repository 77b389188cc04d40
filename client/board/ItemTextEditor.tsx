/**
 * The in-place text editor of a board item: a textarea holding a local draft that is committed once,
 * on Escape, Ctrl/Cmd+Enter or blur (one write, one undo step, no half-typed words sent to others).
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_TEXT_LENGTH } from './boardOps.ts';

/** How editing ended: by a key (focus goes back to the item) or by focus leaving (it stays where it went). */
export type EditEnd = 'key' | 'blur';

interface ItemTextEditorProps {
  initial: string;
  label: string;
  placeholder: string;
  onCommit: (text: string, how: EditEnd) => void;
}

/** A textarea filling its item, focused with its text selected. */
export function ItemTextEditor({ initial, label, placeholder, onCommit }: ItemTextEditorProps) {
  const [draft, setDraft] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.select();
  }, []);

  const commit = (how: EditEnd) => {
    if (done.current) return;
    done.current = true;
    onCommit(ref.current?.value ?? draft, how);
  };

  return (
    <textarea
      ref={ref}
      className="board-item__editor"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      maxLength={MAX_TEXT_LENGTH}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => commit('blur')}
      onKeyDown={(e) => {
        // Keys typed here are text, not board shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          commit('key');
        }
      }}
      onPaste={(e) => e.stopPropagation()}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
