/**
 * The bar shown while items are selected (editors only). One item: its kind, its colour (notes and
 * shapes: the sticky palette; drawings and arrows: ink), its outline (shapes), Edit, order, Duplicate,
 * Delete. Several items: how many, align, connect (two), order, Duplicate, Delete. A single item is read
 * from its Y.Map, so a remote change shows at once.
 */
import type * as Y from 'yjs';
import { INK_COLORS, SHAPE_KINDS, STICKY_COLORS, readBoardItem, type ShapeKind } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { ALIGN_MODES, type AlignMode } from './arrange.ts';
import { EDITABLE_TYPES } from './BoardItem.tsx';
import { SHORTCUTS } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { SHAPE_NAMES, kindName } from '../../shared/board/itemLabel.ts';
import { ToolButton } from './Toolbar.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';

/** Names for the sticky palette, in STICKY_COLORS order (colour alone must not carry the meaning). */
export const STICKY_COLOR_NAMES = ['Yellow', 'Orange', 'Green', 'Blue', 'Pink', 'Grey'] as const;
/** Names for the ink palette, in INK_COLORS order. */
export const INK_COLOR_NAMES = ['Black', 'Blue', 'Red', 'Green', 'Purple'] as const;

const ALIGN_LABELS: Record<AlignMode, { label: string; icon: keyof typeof icons }> = {
  left: { label: 'Align left edges', icon: 'alignLeft' },
  center: { label: 'Align centres horizontally', icon: 'alignCenter' },
  right: { label: 'Align right edges', icon: 'alignRight' },
  top: { label: 'Align top edges', icon: 'alignTop' },
  middle: { label: 'Align centres vertically', icon: 'alignMiddle' },
  bottom: { label: 'Align bottom edges', icon: 'alignBottom' },
};

/** What the selection bar can do. */
export interface SelectionBarActions {
  onColor: (color: string) => void;
  onShape: (shape: ShapeKind) => void;
  onEdit: () => void;
  onDelete: () => void;
  onDuplicate: () => void;
  onRestack: (direction: 1 | -1) => void;
  onAlign: (mode: AlignMode) => void;
  onConnect: () => void;
  /** Facilitators only: lock the selection for members, or unlock it (absent: no lock button). */
  onLock?: (locked: boolean) => void;
}

/** A group of colour swatches (each named; the chosen one is pressed). */
export function Swatches({ label, colors, names, value, onPick }: { label: string; colors: readonly string[]; names: readonly string[]; value: string; onPick: (c: string) => void }) {
  return (
    <div className="board-swatches" role="group" aria-label={label}>
      {colors.map((color, i) => (
        <button
          key={color}
          type="button"
          className="board-swatch"
          style={{ backgroundColor: color }}
          aria-label={names[i]}
          aria-pressed={value === color}
          title={names[i]}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}

function Common({ a, locked }: { a: SelectionBarActions; locked?: boolean }) {
  return (
    <>
      {a.onLock && (
        <ToolButton label={locked ? 'Unlock for members' : 'Lock for members'} icon={icons.lock} pressed={locked ?? false} onClick={() => a.onLock?.(!locked)} />
      )}
      <ToolButton label="Bring to front" shortcut={SHORTCUTS.front} icon={icons.front} onClick={() => a.onRestack(1)} />
      <ToolButton label="Send to back" shortcut={SHORTCUTS.back} icon={icons.back} onClick={() => a.onRestack(-1)} />
      <ToolButton label="Duplicate" shortcut={SHORTCUTS.duplicate} icon={icons.duplicate} onClick={a.onDuplicate} />
      <ToolButton label="Delete" shortcut={SHORTCUTS.delete} icon={icons.trash} onClick={a.onDelete} />
    </>
  );
}

/** Tools for one selected item. */
export function SelectionBar({ map, actions: a, locked }: { map: Y.Map<unknown>; actions: SelectionBarActions; locked?: boolean }) {
  const item = useYSelector(map, readBoardItem);
  const name = kindName(item);
  const inked = item.type === 'stroke' || item.type === 'connector';
  const colored = inked || item.type === 'sticky' || item.type === 'shape';
  return (
    <div className="board-toolbar board-selection" role="toolbar" aria-label={`Selected ${name.toLowerCase()}`} onKeyDown={onToolbarKeyDown}>
      <span className="board-selection__name">{name}</span>
      {colored && (
        <Swatches
          label={inked ? 'Ink colour' : item.type === 'shape' ? 'Fill colour' : 'Note colour'}
          colors={inked ? INK_COLORS : STICKY_COLORS}
          names={inked ? INK_COLOR_NAMES : STICKY_COLOR_NAMES}
          value={item.color}
          onPick={a.onColor}
        />
      )}
      {item.type === 'shape' && (
        <div className="board-swatches" role="group" aria-label="Outline">
          {SHAPE_KINDS.map((kind) => (
            <ToolButton key={kind} label={SHAPE_NAMES[kind]} icon={icons[kind]} pressed={item.shape === kind} onClick={() => a.onShape(kind)} />
          ))}
        </div>
      )}
      <span className="board-toolbar__sep" aria-hidden="true" />
      {EDITABLE_TYPES[item.type] && (
        <ToolButton label={item.type === 'link' ? 'Edit title' : item.type === 'frame' ? 'Rename frame' : 'Edit text'} shortcut={SHORTCUTS.edit} icon={icons.edit} onClick={a.onEdit} />
      )}
      <Common a={a} locked={locked} />
    </div>
  );
}

/** Tools for several selected items (`locked`: every one of them is locked). */
export function MultiSelectionBar({ count, canConnect, actions: a, locked }: { count: number; canConnect: boolean; actions: SelectionBarActions; locked?: boolean }) {
  return (
    <div className="board-toolbar board-selection" role="toolbar" aria-label={`${count} items selected`} onKeyDown={onToolbarKeyDown}>
      <span className="board-selection__name">{count} selected</span>
      <div className="board-swatches" role="group" aria-label="Align">
        {ALIGN_MODES.map((mode) => (
          <ToolButton key={mode} label={ALIGN_LABELS[mode].label} icon={icons[ALIGN_LABELS[mode].icon]} onClick={() => a.onAlign(mode)} />
        ))}
      </div>
      <span className="board-toolbar__sep" aria-hidden="true" />
      {canConnect && <ToolButton label="Connect with an arrow" icon={icons.arrow} onClick={a.onConnect} />}
      <Common a={a} locked={locked} />
    </div>
  );
}
