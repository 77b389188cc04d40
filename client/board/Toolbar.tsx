/**
 * The board's main toolbar: pointer modes (select, hand, pen, arrow), adding items (sticky, text, link,
 * shapes, frame, image or PDF) and undo/redo. Every button has an aria-label and a title naming its
 * shortcut (from SHORTCUTS). Viewers get the navigation modes only.
 */
import type { ReactNode } from 'react';
import type { ShapeKind } from '../../shared/doc/layout.ts';
import { SHORTCUTS, type BoardTool } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';

interface ToolbarProps {
  tool: BoardTool;
  onTool: (tool: BoardTool) => void;
  canEdit: boolean;
  onAddSticky: () => void;
  onAddText: () => void;
  onAddShape: (shape: ShapeKind) => void;
  onAddFrame: () => void;
  /** Opens the file picker for images and PDFs (absent when uploads are not possible here). */
  onUpload?: () => void;
  /** Whether the drawing tools column is shown (their shortcuts work either way). */
  drawOpen: boolean;
  onToggleDraw: () => void;
  linkFormOpen: boolean;
  onToggleLinkForm: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Rendered under the bar (the link form, the ink colours). */
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
  // aria-keyshortcuts cannot name a lone "+", "−", "[" or "?" usefully; those keep the title only.
  const keys = props.shortcut && !/[+−\-[\]?]$/.test(props.shortcut) ? props.shortcut.replace('Ctrl', 'Control') : undefined;
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

/**
 * The board tools, top left of the board: the modes and the everyday items in a row, and the drawing
 * tools in a column down the left edge that "Drawing tools" shows or hides (shown by default on a wide
 * board; on a narrow one it would cover the canvas). One toolbar for assistive technology and for
 * arrow-key movement.
 */
export function Toolbar(p: ToolbarProps) {
  return (
    <div className="board-toolbar-wrap">
      <div className="board-toolbar board-toolbar--main" role="toolbar" aria-label="Board tools" onKeyDown={onToolbarKeyDown}>
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
            <span className="board-toolbar__sep" aria-hidden="true" />
            <ToolButton label="Drawing tools" icon={icons.shapes} expanded={p.drawOpen} onClick={p.onToggleDraw} />
            <div className="board-toolbar board-toolbar__draw" role="group" aria-label="Draw" hidden={!p.drawOpen}>
              <ToolButton label="Draw with the pen" shortcut={SHORTCUTS.pen} icon={icons.pen} pressed={p.tool === 'pen'} onClick={() => p.onTool('pen')} />
              <ToolButton label="Connect items with arrows" shortcut={SHORTCUTS.connector} icon={icons.arrow} pressed={p.tool === 'connector'} onClick={() => p.onTool('connector')} />
              <ToolButton label="Add rectangle" shortcut={SHORTCUTS.rectangle} icon={icons.rectangle} onClick={() => p.onAddShape('rectangle')} />
              <ToolButton label="Add ellipse" shortcut={SHORTCUTS.ellipse} icon={icons.ellipse} onClick={() => p.onAddShape('ellipse')} />
              <ToolButton label="Add diamond" shortcut={SHORTCUTS.diamond} icon={icons.diamond} onClick={() => p.onAddShape('diamond')} />
              <ToolButton label="Add frame" shortcut={SHORTCUTS.frame} icon={icons.frame} onClick={p.onAddFrame} />
              {p.onUpload && <ToolButton label="Add image or PDF" icon={icons.image} onClick={p.onUpload} />}
            </div>
          </>
        )}
      </div>
      {p.children}
    </div>
  );
}
