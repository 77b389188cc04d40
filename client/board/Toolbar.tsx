/**
 * The board's main toolbar: pointer modes (select, hand), adding items (sticky, text, link) and
 * undo/redo. Every button has an aria-label and a title naming its shortcut (from SHORTCUTS). Viewers
 * get the modes only.
 */
import type { ReactNode } from 'react';
import { SHORTCUTS, type BoardTool } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';

interface ToolbarProps {
  tool: BoardTool;
  onTool: (tool: BoardTool) => void;
  canEdit: boolean;
  onAddSticky: () => void;
  onAddText: () => void;
  linkFormOpen: boolean;
  onToggleLinkForm: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Rendered under the bar (the link form). */
  children?: ReactNode;
}

/** One toolbar button: an icon, an accessible name and a tooltip with the shortcut. */
export function ToolButton(props: {
  label: string;
  shortcut?: string;
  icon: ReactNode;
  onClick: () => void;
  pressed?: boolean;
  expanded?: boolean;
  disabled?: boolean;
  text?: string;
}) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  // aria-keyshortcuts cannot name a lone "+" or "−" (plus is its separator); those keep the title only.
  const keys = props.shortcut && !/[+−-]$/.test(props.shortcut) ? props.shortcut.replace('Ctrl', 'Control') : undefined;
  return (
    <button
      type="button"
      className="board-tool"
      aria-label={props.label}
      aria-keyshortcuts={keys}
      aria-pressed={props.pressed}
      aria-expanded={props.expanded}
      title={title}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.icon}
      {props.text && <span className="board-tool__text">{props.text}</span>}
    </button>
  );
}

/** The board tools, top left of the board. */
export function Toolbar(p: ToolbarProps) {
  return (
    <div className="board-toolbar-wrap">
      <div className="board-toolbar" role="toolbar" aria-label="Board tools" onKeyDown={onToolbarKeyDown}>
        <ToolButton label="Select and move" shortcut={SHORTCUTS.select} icon={icons.select} pressed={p.tool === 'select'} onClick={() => p.onTool('select')} />
        <ToolButton label="Pan the board" shortcut={SHORTCUTS.hand} icon={icons.hand} pressed={p.tool === 'hand'} onClick={() => p.onTool('hand')} />
        {p.canEdit && (
          <>
            <span className="board-toolbar__sep" aria-hidden="true" />
            <ToolButton label="Add sticky note" shortcut={SHORTCUTS.sticky} icon={icons.sticky} onClick={p.onAddSticky} />
            <ToolButton label="Add text" shortcut={SHORTCUTS.text} icon={icons.text} onClick={p.onAddText} />
            <ToolButton label="Add link" shortcut={SHORTCUTS.link} icon={icons.link} expanded={p.linkFormOpen} onClick={p.onToggleLinkForm} />
            <span className="board-toolbar__sep" aria-hidden="true" />
            <ToolButton label="Undo" shortcut={SHORTCUTS.undo} icon={icons.undo} disabled={!p.canUndo} onClick={p.onUndo} />
            <ToolButton label="Redo" shortcut={SHORTCUTS.redo} icon={icons.redo} disabled={!p.canRedo} onClick={p.onRedo} />
          </>
        )}
      </div>
      {p.children}
    </div>
  );
}
