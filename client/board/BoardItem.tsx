/**
 * One item on the board. It subscribes to its own Y.Map and is memoised, so a change to one item (a
 * remote drag, a colour) re-renders that item alone, within the frame the update arrives in. Pointer
 * handling is delegated to the Board (data-item-id / data-resize-handle), which keeps props stable.
 */
import { memo, useCallback, type CSSProperties } from 'react';
import type * as Y from 'yjs';
import { readBoardItem, type BoardItemFields } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { cleanColor } from './boardOps.ts';
import { itemLabel } from './itemLabel.ts';
import { ItemTextEditor, type EditEnd } from './ItemTextEditor.tsx';
import { LinkCard } from './LinkCard.tsx';
import { StickyNote } from './StickyNote.tsx';
import { TextLabel } from './TextLabel.tsx';

interface BoardItemProps {
  id: string;
  map: Y.Map<unknown>;
  selected: boolean;
  editing: boolean;
  canEdit: boolean;
  /** Called once when an edit ends, with the final text. Must be stable (memo). */
  onCommitText: (id: string, text: string, how: EditEnd) => void;
}

const EDITOR_LABELS: Record<BoardItemFields['type'], string> = {
  sticky: 'Sticky note text',
  text: 'Text',
  link: 'Link title',
};

const EDITOR_PLACEHOLDERS: Record<BoardItemFields['type'], string> = {
  sticky: 'Write a note…',
  text: 'Text…',
  link: 'Link title…',
};

/** A positioned, focusable board item with its type's view, resize handle and text editor. */
export const BoardItem = memo(function BoardItem({ id, map, selected, editing, canEdit, onCommitText }: BoardItemProps) {
  const item = useYSelector(map, readBoardItem);
  const commit = useCallback((text: string, how: EditEnd) => onCommitText(id, text, how), [id, onCommitText]);

  const style: CSSProperties = {
    transform: `translate(${item.x}px, ${item.y}px)`,
    width: item.w,
    height: item.h,
    zIndex: Math.max(0, Math.min(Math.round(item.z), 1_000_000)),
  };
  // A user content colour, but only ever one of the palette's (cleanColor), never raw document text.
  if (item.type === 'sticky') style.backgroundColor = cleanColor(item.color);

  const isEditing = editing && canEdit;
  const classes = ['board-item', `board-item--${item.type}`];
  if (selected) classes.push('is-selected');
  if (isEditing) classes.push('is-editing');

  return (
    <div className={classes.join(' ')} style={style} data-item-id={id} role="group" aria-label={itemLabel(item)} tabIndex={0}>
      {isEditing ? (
        <ItemTextEditor initial={item.text} label={EDITOR_LABELS[item.type]} placeholder={EDITOR_PLACEHOLDERS[item.type]} onCommit={commit} />
      ) : (
        <>
          {item.type === 'sticky' && <StickyNote item={item} />}
          {item.type === 'text' && <TextLabel item={item} />}
          {item.type === 'link' && <LinkCard item={item} />}
        </>
      )}
      {selected && canEdit && !isEditing && <div className="board-item__resize" data-resize-handle="" aria-hidden="true" />}
    </div>
  );
});
