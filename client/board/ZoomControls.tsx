/** Zoom out / current zoom (click: back to 100%) / zoom in / fit everything, bottom right of the board. */
import { SHORTCUTS } from './boardKeys.ts';
import { icons } from './icons.tsx';
import { ToolButton } from './Toolbar.tsx';
import { onToolbarKeyDown } from './toolbarKeys.ts';
import { MAX_ZOOM, MIN_ZOOM } from '../../shared/board/geometry.ts';

interface ZoomControlsProps {
  zoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
  onFit: () => void;
}

/** The zoom toolbar. */
export function ZoomControls({ zoom, onZoomIn, onZoomOut, onReset, onFit }: ZoomControlsProps) {
  const percent = `${Math.round(zoom * 100)}%`;
  return (
    <div className="board-toolbar board-zoom" role="toolbar" aria-label="Zoom" onKeyDown={onToolbarKeyDown}>
      <ToolButton label="Zoom out" shortcut={SHORTCUTS.zoomOut} icon={icons.zoomOut} disabled={zoom <= MIN_ZOOM + 1e-6} onClick={onZoomOut} />
      <button
        type="button"
        className="board-tool board-zoom__level"
        aria-label={`Zoom ${percent}, reset to 100%`}
        title={`Reset zoom to 100% (${SHORTCUTS.zoomReset})`}
        onClick={onReset}
      >
        {percent}
      </button>
      <ToolButton label="Zoom in" shortcut={SHORTCUTS.zoomIn} icon={icons.zoomIn} disabled={zoom >= MAX_ZOOM - 1e-6} onClick={onZoomIn} />
      <ToolButton label="Fit everything in view" shortcut={SHORTCUTS.zoomFit} icon={icons.fit} onClick={onFit} />
    </div>
  );
}
