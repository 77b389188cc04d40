/**
 * The board's toolbar icons: small inline SVGs drawn with currentColor, always decorative (the buttons
 * carry the accessible names).
 */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="board-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </g>
    </svg>
  );
}

/** The icons by name. */
export const icons = {
  lock: (
    <Icon>
      <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
      <path d="M7 9V6.5a3 3 0 016 0V9" />
    </Icon>
  ),
  select: (
    <Icon>
      <path d="M5 3l10 6.5-4.5 1L8.5 15z" />
    </Icon>
  ),
  hand: (
    <Icon>
      <path d="M7 10V4.5a1.2 1.2 0 012.4 0V9m0-4.5V3.7a1.2 1.2 0 012.4 0V9m0-4a1.2 1.2 0 012.4 0v5.5c0 3.3-2 5.5-5 5.5-2.2 0-3.4-1-4.6-3L3.5 10.5a1.2 1.2 0 012-1.3L7 11" />
    </Icon>
  ),
  sticky: (
    <Icon>
      <path d="M4 4h12v7.5L11.5 16H4z" />
      <path d="M16 11.5h-4.5V16" />
    </Icon>
  ),
  text: (
    <Icon>
      <path d="M4.5 5V3.8h11V5M10 3.8v12.4M7.5 16.2h5" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M8.5 11.5a3 3 0 004.2 0l2.6-2.6a3 3 0 00-4.2-4.2l-1 1" />
      <path d="M11.5 8.5a3 3 0 00-4.2 0l-2.6 2.6a3 3 0 004.2 4.2l1-1" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M7.5 5.5L4 9l3.5 3.5" />
      <path d="M4 9h7.5a4.5 4.5 0 010 9H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="M12.5 5.5L16 9l-3.5 3.5" />
      <path d="M16 9H8.5a4.5 4.5 0 000 9H11" />
    </Icon>
  ),
  zoomIn: (
    <Icon>
      <path d="M10 4.5v11M4.5 10h11" />
    </Icon>
  ),
  zoomOut: (
    <Icon>
      <path d="M4.5 10h11" />
    </Icon>
  ),
  fit: (
    <Icon>
      <path d="M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4" />
    </Icon>
  ),
  edit: (
    <Icon>
      <path d="M12.5 4.5l3 3L7.5 15.5H4.5v-3z" />
    </Icon>
  ),
  trash: (
    <Icon>
      <path d="M4 6h12M8 6V4h4v2M5.5 6l.8 10h7.4l.8-10" />
    </Icon>
  ),
  shapes: (
    <Icon>
      <rect x="2.5" y="10.5" width="7" height="7" rx="1" />
      <circle cx="14" cy="6" r="3.5" />
      <path d="M13 11.5l4.5 6h-9z" />
    </Icon>
  ),
  pen: (
    <Icon>
      <path d="M13.5 3.5l3 3-9 9-4 1 1-4z" />
      <path d="M11.5 5.5l3 3" />
    </Icon>
  ),
  arrow: (
    <Icon>
      <path d="M4 16L16 4" />
      <path d="M9 4h7v7" />
    </Icon>
  ),
  rectangle: (
    <Icon>
      <rect x="3" y="5" width="14" height="10" rx="1" />
    </Icon>
  ),
  ellipse: (
    <Icon>
      <ellipse cx="10" cy="10" rx="7" ry="5.5" />
    </Icon>
  ),
  diamond: (
    <Icon>
      <path d="M10 2.5l7.5 7.5-7.5 7.5L2.5 10z" />
    </Icon>
  ),
  frame: (
    <Icon>
      <path d="M6 2.5v15M14 2.5v15M2.5 6h15M2.5 14h15" />
    </Icon>
  ),
  image: (
    <Icon>
      <rect x="3" y="4" width="14" height="12" rx="1.5" />
      <circle cx="7.5" cy="8" r="1.3" />
      <path d="M3.5 15l4.5-4.5 3 3 2-2 3.5 3.5" />
    </Icon>
  ),
  grid: (
    <Icon>
      <path d="M3.5 3.5h13v13h-13zM7.8 3.5v13M12.2 3.5v13M3.5 7.8h13M3.5 12.2h13" />
    </Icon>
  ),
  minimap: (
    <Icon>
      <rect x="2.5" y="4" width="15" height="12" rx="1.5" />
      <rect x="9.5" y="9" width="6" height="5" />
    </Icon>
  ),
  outline: (
    <Icon>
      <path d="M7 5h10M7 10h10M7 15h10M3.5 5h.5M3.5 10h.5M3.5 15h.5" />
    </Icon>
  ),
  help: (
    <Icon>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.8 7.8a2.3 2.3 0 114 1.6c-.9.7-1.8 1.1-1.8 2.4M10 14.2v.3" />
    </Icon>
  ),
  download: (
    <Icon>
      <path d="M10 3v10M6 9l4 4 4-4M4 16.5h12" />
    </Icon>
  ),
  duplicate: (
    <Icon>
      <rect x="6.5" y="6.5" width="10" height="10" rx="1.5" />
      <path d="M13.5 6.5V4a.5.5 0 00-.5-.5H4a.5.5 0 00-.5.5v9a.5.5 0 00.5.5h2.5" />
    </Icon>
  ),
  front: (
    <Icon>
      <rect x="3" y="3" width="9" height="9" />
      <rect x="8" y="8" width="9" height="9" fill="currentColor" />
    </Icon>
  ),
  back: (
    <Icon>
      <rect x="3" y="3" width="9" height="9" fill="currentColor" />
      <rect x="8" y="8" width="9" height="9" fill="var(--color-surface)" />
    </Icon>
  ),
  alignLeft: (
    <Icon>
      <path d="M3.5 2.5v15M6 6h10M6 12h6" />
    </Icon>
  ),
  alignCenter: (
    <Icon>
      <path d="M10 2.5v15M4 6h12M6.5 12h7" />
    </Icon>
  ),
  alignRight: (
    <Icon>
      <path d="M16.5 2.5v15M4 6h10M8 12h6" />
    </Icon>
  ),
  alignTop: (
    <Icon>
      <path d="M2.5 3.5h15M6 6v10M12 6v6" />
    </Icon>
  ),
  alignMiddle: (
    <Icon>
      <path d="M2.5 10h15M6 4v12M12 6.5v7" />
    </Icon>
  ),
  alignBottom: (
    <Icon>
      <path d="M2.5 16.5h15M6 4v10M12 8v6" />
    </Icon>
  ),
} as const;
