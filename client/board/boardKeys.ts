/**
 * The board's keyboard map: which key does what, as a pure function from a key event to a command, so
 * the shortcuts are tested without a browser and listed in one place (the toolbar titles and the
 * shortcuts help panel cite them).
 */
import type { ShapeKind } from '../../shared/doc/layout.ts';
import { REACTION_EMOJIS, REACTION_NAMES } from '../../shared/presence/ephemeral.ts';

/**
 * The pointer modes: select (and marquee), hand (pan), pen (freehand) and connector (drag from one item
 * to another). Creating notes, shapes and frames is an action (N, T, R, O, D, F, L), not a mode.
 */
export type BoardTool = 'select' | 'hand' | 'pen' | 'connector';

export type BoardCommand =
  | { kind: 'tool'; tool: BoardTool }
  | { kind: 'create'; type: 'sticky' | 'text' | 'frame' }
  | { kind: 'shape'; shape: ShapeKind }
  | { kind: 'link' }
  | { kind: 'selectAll' }
  | { kind: 'duplicate' }
  /** Bring the selection to the front (1) or send it to the back (-1). */
  | { kind: 'restack'; direction: 1 | -1 }
  | { kind: 'zoomSelection' }
  | { kind: 'toggleGrid' }
  | { kind: 'toggleMinimap' }
  | { kind: 'help' }
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
  | { kind: 'pan'; dx: number; dy: number }
  /** Send reaction REACTION_EMOJIS[index] (keys 2–7; anyone present, viewers too). */
  | { kind: 'react'; index: number };

/** The first of the reaction keys: 2 sends the first reaction, 7 the sixth. */
const FIRST_REACTION_KEY = 2;

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
  /** The current pointer mode (Escape returns to select). */
  tool?: BoardTool;
}

/** Shortcut labels shown in titles, so that tooltips and the key map cannot drift apart. */
export const SHORTCUTS = {
  select: 'V',
  hand: 'H',
  pen: 'P',
  connector: 'C',
  sticky: 'N',
  text: 'T',
  link: 'L',
  rectangle: 'R',
  ellipse: 'O',
  diamond: 'D',
  frame: 'F',
  zoomIn: '+',
  zoomOut: '−',
  zoomReset: '0',
  zoomFit: '1',
  zoomSelection: 'Shift+2',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  delete: 'Delete',
  edit: 'Enter',
  selectAll: 'Ctrl+A',
  duplicate: 'Ctrl+D',
  copy: 'Ctrl+C',
  paste: 'Ctrl+V',
  front: ']',
  back: '[',
  grid: 'G',
  minimap: 'M',
  help: '?',
} as const;

/** The shortcuts help panel's content: groups of [keys, what they do]. */
export const SHORTCUT_HELP: readonly { title: string; keys: readonly (readonly [string, string])[] }[] = [
  {
    title: 'Tools',
    keys: [
      [SHORTCUTS.select, 'Select and move (drag on the canvas to select many)'],
      [SHORTCUTS.hand, 'Pan the board (or hold Space and drag)'],
      [SHORTCUTS.pen, 'Pen: draw freehand'],
      [SHORTCUTS.connector, 'Arrow: drag from one item to another'],
      ['Escape', 'Deselect, then back to the select tool'],
    ],
  },
  {
    title: 'Add',
    keys: [
      [SHORTCUTS.sticky, 'Sticky note'],
      [SHORTCUTS.text, 'Text'],
      [SHORTCUTS.link, 'Link (or paste a web address)'],
      [`${SHORTCUTS.rectangle} / ${SHORTCUTS.ellipse} / ${SHORTCUTS.diamond}`, 'Rectangle, ellipse, diamond'],
      [SHORTCUTS.frame, 'Frame (around the selection, if any)'],
      ['Ctrl+V', 'Paste items, text, a link, or an image or PDF'],
    ],
  },
  {
    title: 'Selection',
    keys: [
      ['Tab', 'Next item (Shift+Tab: previous); Shift+Space adds it to the selection'],
      ['Shift+click', 'Add to or remove from the selection'],
      [SHORTCUTS.selectAll, 'Select everything'],
      ['Arrows', 'Move (Shift: by 1, Alt: resize)'],
      [SHORTCUTS.edit, 'Edit text'],
      [SHORTCUTS.duplicate, 'Duplicate'],
      [`${SHORTCUTS.copy} / ${SHORTCUTS.paste}`, 'Copy and paste, also to another board'],
      [`${SHORTCUTS.front} / ${SHORTCUTS.back}`, 'Bring to front / send to back'],
      [SHORTCUTS.delete, 'Delete'],
      [`${SHORTCUTS.undo} / ${SHORTCUTS.redo}`, 'Undo / redo your own changes'],
    ],
  },
  {
    title: 'View',
    keys: [
      [`${SHORTCUTS.zoomIn} / ${SHORTCUTS.zoomOut}`, 'Zoom in / out'],
      [SHORTCUTS.zoomReset, 'Zoom to 100%'],
      [`${SHORTCUTS.zoomFit} or Shift+1`, 'Zoom to fit everything'],
      [SHORTCUTS.zoomSelection, 'Zoom to the selection'],
      ['Arrows', 'Pan (when nothing is selected)'],
      [SHORTCUTS.grid, 'Snap to grid on or off'],
      [SHORTCUTS.minimap, 'Minimap on or off'],
      [SHORTCUTS.help, 'This list'],
    ],
  },
  {
    title: 'Reactions',
    keys: REACTION_EMOJIS.map((emoji, i) => [String(FIRST_REACTION_KEY + i), `${emoji} ${REACTION_NAMES[emoji]}`] as const),
  },
];

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
    if (key === 'a' && !e.shiftKey && ctx.onCanvas) return { kind: 'selectAll' };
    if (key === 'd' && !e.shiftKey && ctx.hasSelection) return { kind: 'duplicate' };
    // Ctrl/Cmd with +, -, 0 stays the browser's page zoom (people rely on it for legibility); C, X, V
    // go on to the browser, which fires the clipboard events the board handles.
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

  // Shift+2 by key position: the character differs between layouts (@, ", ²).
  if (e.shiftKey && (e.code === 'Digit2' || e.key === '@')) return { kind: 'zoomSelection' };

  switch (e.key) {
    case 'Escape':
      if (ctx.onCanvas && ctx.hasSelection) return { kind: 'deselect' };
      return ctx.tool && ctx.tool !== 'select' ? { kind: 'tool', tool: 'select' } : null;
    case '?':
      return { kind: 'help' };
    case ']':
      return ctx.hasSelection && ctx.canEdit ? { kind: 'restack', direction: 1 } : null;
    case '[':
      return ctx.hasSelection && ctx.canEdit ? { kind: 'restack', direction: -1 } : null;
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
  const digit = Number(e.key) - FIRST_REACTION_KEY;
  if (!e.shiftKey && /^[0-9]$/.test(e.key) && digit >= 0 && digit < REACTION_EMOJIS.length) return { kind: 'react', index: digit };
  if (e.shiftKey) return null;
  switch (key) {
    case 'v':
      return { kind: 'tool', tool: 'select' };
    case 'h':
      return { kind: 'tool', tool: 'hand' };
    case 'g':
      return { kind: 'toggleGrid' };
    case 'm':
      return { kind: 'toggleMinimap' };
  }
  if (!ctx.canEdit) return null;
  switch (key) {
    case 'p':
      return { kind: 'tool', tool: 'pen' };
    case 'c':
      return { kind: 'tool', tool: 'connector' };
    case 'n':
      return { kind: 'create', type: 'sticky' };
    case 't':
      return { kind: 'create', type: 'text' };
    case 'f':
      return { kind: 'create', type: 'frame' };
    case 'l':
      return { kind: 'link' };
    case 'r':
      return { kind: 'shape', shape: 'rectangle' };
    case 'o':
      return { kind: 'shape', shape: 'ellipse' };
    case 'd':
      return { kind: 'shape', shape: 'diamond' };
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
