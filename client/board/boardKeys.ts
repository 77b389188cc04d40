/**
 * The board's keyboard map: which key does what, as a pure function from a key event to a command, so
 * the shortcuts are tested without a browser and listed in one place (the toolbar titles cite them).
 */

/** The two pointer modes. Creating items is an action (N, T, L), not a mode. */
export type BoardTool = 'select' | 'hand';

export type BoardCommand =
  | { kind: 'tool'; tool: BoardTool }
  | { kind: 'create'; type: 'sticky' | 'text' }
  | { kind: 'link' }
  | { kind: 'zoom'; direction: 1 | -1 }
  | { kind: 'zoomReset' }
  | { kind: 'zoomFit' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'delete' }
  | { kind: 'edit' }
  | { kind: 'deselect' }
  /** Move the selected item by board units. */
  | { kind: 'nudge'; dx: number; dy: number }
  /** Resize the selected item by board units. */
  | { kind: 'resize'; dw: number; dh: number }
  /** Move the view by screen pixels (content moves by dx, dy). */
  | { kind: 'pan'; dx: number; dy: number };

/** The parts of a KeyboardEvent the map looks at. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  canEdit: boolean;
  hasSelection: boolean;
  /** Focus is on the canvas or an item (not in the toolbar), so arrows/Enter/Delete belong to the board. */
  onCanvas: boolean;
}

/** Shortcut labels shown in titles, so that tooltips and the key map cannot drift apart. */
export const SHORTCUTS = {
  select: 'V',
  hand: 'H',
  sticky: 'N',
  text: 'T',
  link: 'L',
  zoomIn: '+',
  zoomOut: '−',
  zoomReset: '0',
  zoomFit: '1',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  delete: 'Delete',
  edit: 'Enter',
} as const;

/** Units an arrow key moves a selected item (Shift: fine steps). */
export const NUDGE = 10;
export const NUDGE_FINE = 1;
/** Screen pixels an arrow key pans the view when nothing is selected. */
export const PAN_STEP = 60;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The command for a key press, or null if the board does not use it (the browser keeps it). */
export function boardKeyCommand(e: KeyLike, ctx: KeyContext): BoardCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;

  if (mod && !e.altKey) {
    if (!ctx.canEdit) return null;
    if (key === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !e.shiftKey) return { kind: 'redo' };
    // Ctrl/Cmd with +, -, 0 stays the browser's page zoom (people rely on it for legibility).
    return null;
  }

  const arrow = ARROWS[e.key];
  if (arrow) {
    if (!ctx.onCanvas || mod) return null;
    const [ax, ay] = arrow;
    if (ctx.hasSelection && ctx.canEdit) {
      const step = e.shiftKey ? NUDGE_FINE : NUDGE;
      return e.altKey ? { kind: 'resize', dw: ax * step, dh: ay * step } : { kind: 'nudge', dx: ax * step, dy: ay * step };
    }
    const step = e.shiftKey ? PAN_STEP * 4 : PAN_STEP;
    // `0 - x` rather than `-x`: no negative zeros in commands.
    return { kind: 'pan', dx: 0 - ax * step, dy: 0 - ay * step };
  }

  if (e.altKey) return null;

  switch (e.key) {
    case 'Escape':
      return ctx.onCanvas && ctx.hasSelection ? { kind: 'deselect' } : null;
    case 'Delete':
    case 'Backspace':
      return ctx.onCanvas && ctx.hasSelection && ctx.canEdit ? { kind: 'delete' } : null;
    case 'Enter':
    case 'F2':
      return ctx.onCanvas && ctx.hasSelection && ctx.canEdit ? { kind: 'edit' } : null;
    case '+':
    case '=':
      return { kind: 'zoom', direction: 1 };
    case '-':
    case '_':
      return { kind: 'zoom', direction: -1 };
    case '0':
      return { kind: 'zoomReset' };
    case '1':
    case '!':
      return { kind: 'zoomFit' };
  }
  if (e.shiftKey) return null;
  switch (key) {
    case 'v':
      return { kind: 'tool', tool: 'select' };
    case 'h':
      return { kind: 'tool', tool: 'hand' };
    case 'n':
      return ctx.canEdit ? { kind: 'create', type: 'sticky' } : null;
    case 't':
      return ctx.canEdit ? { kind: 'create', type: 'text' } : null;
    case 'l':
      return ctx.canEdit ? { kind: 'link' } : null;
  }
  return null;
}

/** True for targets where keys are text input and the board must not take them. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable === true;
}
