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
} as const;
