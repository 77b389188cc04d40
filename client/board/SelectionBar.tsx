/**
 * The bar shown while an item is selected (editors only): what is selected, its colour (stickies), and
 * Edit / Delete. It reads the selected item from its Y.Map, so a remote colour change shows at once.
 */
import type * as Y from 'yjs';
import { STICKY_COLORS, readBoardItem } from '../../shared/doc/layout.ts';
import { useYSelector } from '../collab/hooks.ts';
import { SHORTCUTS } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { ITEM_TYPE_NAMES } from './itemLabel.ts';
import { ToolButton } from './Toolbar.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';

/** Names for the sticky palette, in STICKY_COLORS order (colour alone must not carry the meaning). */
export const STICKY_COLOR_NAMES = ['Yellow', 'Orange', 'Green', 'Blue', 'Pink', 'Grey'] as const;

interface SelectionBarProps {
  map: Y.Map<unknown>;
  onColor: (color: string) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** Tools for the selected item. */
export function SelectionBar({ map, onColor, onEdit, onDelete }: SelectionBarProps) {
  const item = useYSelector(map, readBoardItem);
  const name = ITEM_TYPE_NAMES[item.type];
  return (
    <div className="board-toolbar board-selection" role="toolbar" aria-label={`Selected ${name.toLowerCase()}`} onKeyDown={onToolbarKeyDown}>
      <span className="board-selection__name">{name}</span>
      {item.type === 'sticky' && (
        <div className="board-swatches" role="group" aria-label="Note colour">
          {STICKY_COLORS.map((color, i) => (
            <button
              key={color}
              type="button"
              className="board-swatch"
              style={{ backgroundColor: color }}
              aria-label={STICKY_COLOR_NAMES[i]}
              aria-pressed={item.color === color}
              title={STICKY_COLOR_NAMES[i]}
              onClick={() => onColor(color)}
            />
          ))}
        </div>
      )}
      <span className="board-toolbar__sep" aria-hidden="true" />
      <ToolButton label={item.type === 'link' ? 'Edit title' : 'Edit text'} shortcut={SHORTCUTS.edit} icon={icons.edit} onClick={onEdit} />
      <ToolButton label="Delete" shortcut={SHORTCUTS.delete} icon={icons.trash} onClick={onDelete} />
    </div>
  );
}
