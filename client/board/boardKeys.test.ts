import { describe, expect, it } from 'vitest';
import { NUDGE, NUDGE_FINE, PAN_STEP, boardKeyCommand, isTypingTarget, type KeyContext, type KeyLike } from './boardKeys.ts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const editor: KeyContext = { canEdit: true, hasSelection: false, onCanvas: true };
const selected: KeyContext = { ...editor, hasSelection: true };
const viewer: KeyContext = { canEdit: false, hasSelection: false, onCanvas: true };

describe('boardKeyCommand', () => {
  it('maps tool and creation letters, case-insensitively', () => {
    expect(boardKeyCommand(press('v'), editor)).toEqual({ kind: 'tool', tool: 'select' });
    expect(boardKeyCommand(press('H'), editor)).toEqual({ kind: 'tool', tool: 'hand' });
    expect(boardKeyCommand(press('n'), editor)).toEqual({ kind: 'create', type: 'sticky' });
    expect(boardKeyCommand(press('t'), editor)).toEqual({ kind: 'create', type: 'text' });
    expect(boardKeyCommand(press('l'), editor)).toEqual({ kind: 'link' });
  });

  it('gives viewers navigation but nothing that writes', () => {
    for (const key of ['n', 't', 'l']) expect(boardKeyCommand(press(key), viewer)).toBeNull();
    expect(boardKeyCommand(press('z', { ctrlKey: true }), viewer)).toBeNull();
    expect(boardKeyCommand(press('Delete'), { ...viewer, hasSelection: true })).toBeNull();
    expect(boardKeyCommand(press('Enter'), { ...viewer, hasSelection: true })).toBeNull();
    expect(boardKeyCommand(press('ArrowLeft'), { ...viewer, hasSelection: true })).toEqual({ kind: 'pan', dx: PAN_STEP, dy: 0 });
    expect(boardKeyCommand(press('h'), viewer)).toEqual({ kind: 'tool', tool: 'hand' });
    expect(boardKeyCommand(press('+'), viewer)).toEqual({ kind: 'zoom', direction: 1 });
  });

  it('maps undo and redo on Ctrl and Cmd', () => {
    expect(boardKeyCommand(press('z', { ctrlKey: true }), editor)).toEqual({ kind: 'undo' });
    expect(boardKeyCommand(press('z', { metaKey: true }), editor)).toEqual({ kind: 'undo' });
    expect(boardKeyCommand(press('Z', { metaKey: true, shiftKey: true }), editor)).toEqual({ kind: 'redo' });
    expect(boardKeyCommand(press('y', { ctrlKey: true }), editor)).toEqual({ kind: 'redo' });
  });

  it('leaves the browser its own shortcuts', () => {
    expect(boardKeyCommand(press('+', { ctrlKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('0', { metaKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('c', { ctrlKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('v', { ctrlKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('n', { altKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('N', { shiftKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press('q'), editor)).toBeNull();
  });

  it('maps zoom keys', () => {
    expect(boardKeyCommand(press('='), editor)).toEqual({ kind: 'zoom', direction: 1 });
    expect(boardKeyCommand(press('-'), editor)).toEqual({ kind: 'zoom', direction: -1 });
    expect(boardKeyCommand(press('0'), editor)).toEqual({ kind: 'zoomReset' });
    expect(boardKeyCommand(press('1'), editor)).toEqual({ kind: 'zoomFit' });
    expect(boardKeyCommand(press('!', { shiftKey: true }), editor)).toEqual({ kind: 'zoomFit' });
  });

  it('nudges a selected item by 10, or 1 with Shift, and resizes with Alt', () => {
    expect(boardKeyCommand(press('ArrowRight'), selected)).toEqual({ kind: 'nudge', dx: NUDGE, dy: 0 });
    expect(boardKeyCommand(press('ArrowUp', { shiftKey: true }), selected)).toEqual({ kind: 'nudge', dx: 0, dy: -NUDGE_FINE });
    expect(boardKeyCommand(press('ArrowDown', { altKey: true }), selected)).toEqual({ kind: 'resize', dw: 0, dh: NUDGE });
  });

  it('pans with arrows when nothing is selected', () => {
    expect(boardKeyCommand(press('ArrowRight'), editor)).toEqual({ kind: 'pan', dx: -PAN_STEP, dy: 0 });
    expect(boardKeyCommand(press('ArrowDown', { shiftKey: true }), editor)).toEqual({ kind: 'pan', dx: 0, dy: -PAN_STEP * 4 });
  });

  it('keeps arrows, Enter, Delete and Escape for the toolbar when focus is there', () => {
    const inToolbar = { ...selected, onCanvas: false };
    for (const key of ['ArrowLeft', 'Enter', 'Delete', 'Backspace', 'Escape']) expect(boardKeyCommand(press(key), inToolbar)).toBeNull();
    // Letters still work from the toolbar.
    expect(boardKeyCommand(press('n'), inToolbar)).toEqual({ kind: 'create', type: 'sticky' });
  });

  it('maps selection keys only with a selection', () => {
    expect(boardKeyCommand(press('Delete'), selected)).toEqual({ kind: 'delete' });
    expect(boardKeyCommand(press('Backspace'), selected)).toEqual({ kind: 'delete' });
    expect(boardKeyCommand(press('Enter'), selected)).toEqual({ kind: 'edit' });
    expect(boardKeyCommand(press('Escape'), selected)).toEqual({ kind: 'deselect' });
    for (const key of ['Delete', 'Enter', 'Escape']) expect(boardKeyCommand(press(key), editor)).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('recognises text fields and editable content', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('boardKeyCommand: drawing, selection and view keys', () => {
  it('maps the drawing tools and shapes for editors only', () => {
    expect(boardKeyCommand(press('p'), editor)).toEqual({ kind: 'tool', tool: 'pen' });
    expect(boardKeyCommand(press('c'), editor)).toEqual({ kind: 'tool', tool: 'connector' });
    expect(boardKeyCommand(press('r'), editor)).toEqual({ kind: 'shape', shape: 'rectangle' });
    expect(boardKeyCommand(press('o'), editor)).toEqual({ kind: 'shape', shape: 'ellipse' });
    expect(boardKeyCommand(press('d'), editor)).toEqual({ kind: 'shape', shape: 'diamond' });
    expect(boardKeyCommand(press('f'), editor)).toEqual({ kind: 'create', type: 'frame' });
    for (const key of ['p', 'c', 'r', 'o', 'd', 'f']) expect(boardKeyCommand(press(key), viewer)).toBeNull();
  });

  it('maps select all, duplicate and restacking', () => {
    expect(boardKeyCommand(press('a', { ctrlKey: true }), editor)).toEqual({ kind: 'selectAll' });
    expect(boardKeyCommand(press('d', { metaKey: true }), selected)).toEqual({ kind: 'duplicate' });
    expect(boardKeyCommand(press('d', { ctrlKey: true }), editor)).toBeNull();
    expect(boardKeyCommand(press(']'), selected)).toEqual({ kind: 'restack', direction: 1 });
    expect(boardKeyCommand(press('['), selected)).toEqual({ kind: 'restack', direction: -1 });
    expect(boardKeyCommand(press(']'), editor)).toBeNull();
    expect(boardKeyCommand(press('x', { ctrlKey: true }), selected)).toBeNull();
  });

  it('maps the view keys, also for viewers', () => {
    expect(boardKeyCommand(press('@', { shiftKey: true, code: 'Digit2' }), viewer)).toEqual({ kind: 'zoomSelection' });
    expect(boardKeyCommand(press('"', { shiftKey: true, code: 'Digit2' }), editor)).toEqual({ kind: 'zoomSelection' });
    expect(boardKeyCommand(press('!', { shiftKey: true, code: 'Digit1' }), viewer)).toEqual({ kind: 'zoomFit' });
    expect(boardKeyCommand(press('g'), viewer)).toEqual({ kind: 'toggleGrid' });
    expect(boardKeyCommand(press('m'), viewer)).toEqual({ kind: 'toggleMinimap' });
    expect(boardKeyCommand(press('?', { shiftKey: true }), viewer)).toEqual({ kind: 'help' });
  });

  it('sends Escape back to the select tool once nothing is selected', () => {
    expect(boardKeyCommand(press('Escape'), { ...editor, tool: 'pen' })).toEqual({ kind: 'tool', tool: 'select' });
    expect(boardKeyCommand(press('Escape'), { ...selected, tool: 'pen' })).toEqual({ kind: 'deselect' });
    expect(boardKeyCommand(press('Escape'), { ...editor, tool: 'select' })).toBeNull();
  });
});

describe('reaction keys', () => {
  it('2–7 send the six reactions, for viewers too; 0, 1, 8, Shift+2 and Ctrl+2 do not', () => {
    expect(boardKeyCommand(press('2'), editor)).toEqual({ kind: 'react', index: 0 });
    expect(boardKeyCommand(press('7'), viewer)).toEqual({ kind: 'react', index: 5 });
    expect(boardKeyCommand(press('8'), editor)).toBeNull();
    expect(boardKeyCommand(press('1'), editor)).toEqual({ kind: 'zoomFit' });
    expect(boardKeyCommand(press('@', { shiftKey: true, code: 'Digit2' }), editor)).toEqual({ kind: 'zoomSelection' });
    expect(boardKeyCommand(press('2', { ctrlKey: true }), editor)).toBeNull();
  });
});
