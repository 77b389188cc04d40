/**
 * One item on the board. It subscribes to its own Y.Map and is memoised, so a change to one item (a
 * remote drag, a colour) re-renders that item alone, within the frame the update arrives in. Pointer
 * handling is delegated to the Board (data-item-id / data-resize-handle), which keeps props stable.
 * Each type has its own view; this frame positions it, names it for screen readers and hosts the editor.
 */
import { memo, useCallback, type CSSProperties } from 'react';
import type * as Y from 'yjs';
import { readBoardItem, type BoardItemFields, type BoardItemType } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import type { BoardIndex } from './BoardIndex.ts';
import { useBoardIndex } from './BoardIndexContext.ts';
import { cleanColor } from './boardOps.ts';
import { ConnectorView } from './ConnectorView.tsx';
import { FileCardView, ImageView } from './FileItemView.tsx';
import { FrameView } from './FrameView.tsx';
import { connectorLabel, itemLabel } from '../../shared/board/itemLabel.ts';
import { ItemTextEditor, type EditEnd } from './ItemTextEditor.tsx';
import { LinkCard } from './LinkCard.tsx';
import { ShapeView } from './ShapeView.tsx';
import { StickyNote } from './StickyNote.tsx';
import { StrokeView } from './StrokeView.tsx';
import { TextLabel } from './TextLabel.tsx';

interface BoardItemProps {
  id: string;
  map: Y.Map<unknown>;
  selected: boolean;
  /** Show the resize handle (one item selected, by someone who may edit). */
  resizable: boolean;
  editing: boolean;
  canEdit: boolean;
  /** Called once when an edit ends, with the final text. Must be stable (memo). */
  onCommitText: (id: string, text: string, how: EditEnd) => void;
}

/** The item types whose text can be edited in place, with the editor's label and placeholder. */
export const EDITABLE_TYPES: Partial<Record<BoardItemType, { label: string; placeholder: string }>> = {
  sticky: { label: 'Sticky note text', placeholder: 'Write a note…' },
  text: { label: 'Text', placeholder: 'Text…' },
  link: { label: 'Link title', placeholder: 'Link title…' },
  shape: { label: 'Shape text', placeholder: 'Text…' },
  frame: { label: 'Frame title', placeholder: 'Frame title…' },
};

/** The screen-reader name of the item a connector end points at. */
function endLabel(index: BoardIndex | null, id: string | undefined): string | null {
  const entry = id ? index?.get(id) : undefined;
  return entry ? itemLabel(readBoardItem(entry.map)) : null;
}

/** A positioned, focusable board item with its type's view, resize handle and text editor. */
export const BoardItem = memo(function BoardItem({ id, map, selected, resizable, editing, canEdit, onCommitText }: BoardItemProps) {
  const item = useYSelector(map, readBoardItem);
  const index = useBoardIndex();
  const commit = useCallback((text: string, how: EditEnd) => onCommitText(id, text, how), [id, onCommitText]);

  if (item.type === 'connector') {
    const label = connectorLabel(item, endLabel(index, item.from), endLabel(index, item.to));
    return <ConnectorView id={id} item={item} label={label} selected={selected} />;
  }

  const style: CSSProperties = {
    transform: `translate(${item.x}px, ${item.y}px)`,
    width: item.w,
    height: item.h,
    // Negative z is fine: the item layer is its own stacking context (frames sit below zero).
    zIndex: Math.max(-1_000_000, Math.min(Math.round(item.z), 1_000_000)),
  };
  // A user content colour, but only ever one of the palette's (cleanColor), never raw document text.
  if (item.type === 'sticky') style.backgroundColor = cleanColor(item.color);

  const editable = EDITABLE_TYPES[item.type];
  const isEditing = editing && canEdit && !!editable;
  const classes = ['board-item', `board-item--${item.type}`];
  if (selected) classes.push('is-selected');
  if (isEditing) classes.push('is-editing');
  const editor = isEditing ? <ItemTextEditor initial={item.text} label={editable.label} placeholder={editable.placeholder} onCommit={commit} /> : null;

  return (
    <div className={classes.join(' ')} style={style} data-item-id={id} role="group" aria-label={itemLabel(item)} tabIndex={0}>
      {item.type === 'frame' ? <FrameView item={item} editor={editor} /> : (editor ?? <ItemContent item={item} />)}
      {resizable && selected && canEdit && !isEditing && <div className="board-item__resize" data-resize-handle="" aria-hidden="true" />}
    </div>
  );
});

/** The view of an item's type (frames and connectors are drawn by BoardItem itself). */
function ItemContent({ item }: { item: BoardItemFields }) {
  switch (item.type) {
    case 'text':
      return <TextLabel item={item} />;
    case 'link':
      return <LinkCard item={item} />;
    case 'shape':
      return <ShapeView item={item} />;
    case 'stroke':
      return <StrokeView item={item} />;
    case 'image':
      return <ImageView item={item} />;
    case 'file':
      return <FileCardView item={item} />;
    default:
      return <StickyNote item={item} />;
  }
}
