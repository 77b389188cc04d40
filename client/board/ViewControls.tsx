/**
 * The view toolbar, top right: snap to grid, minimap, the outline (list) view, export and the shortcuts
 * help. Toggles are pressed buttons; each names its shortcut.
 */
import type { ReactNode } from 'react';
import { SHORTCUTS } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { ToolButton } from './Toolbar.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';

interface ViewControlsProps {
  snap: boolean;
  onSnap: () => void;
  minimap: boolean;
  onMinimap: () => void;
  outline: boolean;
  onOutline: () => void;
  exportOpen: boolean;
  onExport: () => void;
  onHelp: () => void;
  /** Rendered under the bar (the export panel). */
  children?: ReactNode;
}

/** The view toggles. */
export function ViewControls(p: ViewControlsProps) {
  return (
    <div className="board-view-wrap">
      <div className="board-toolbar" role="toolbar" aria-label="View" onKeyDown={onToolbarKeyDown}>
        <ToolButton label="Snap to grid" shortcut={SHORTCUTS.grid} icon={icons.grid} pressed={p.snap} onClick={p.onSnap} />
        <ToolButton label="Minimap" shortcut={SHORTCUTS.minimap} icon={icons.minimap} pressed={p.minimap} onClick={p.onMinimap} />
        <ToolButton label="Outline" icon={icons.outline} pressed={p.outline} onClick={p.onOutline} text="Outline" />
        <ToolButton label="Export" icon={icons.download} expanded={p.exportOpen} onClick={p.onExport} />
        <ToolButton label="Keyboard shortcuts" shortcut={SHORTCUTS.help} icon={icons.help} onClick={p.onHelp} />
      </div>
      {p.children}
    </div>
  );
}
