/**
 * The session room's resource board: an infinite canvas of sticky notes, text labels and link cards
 * bound to the room's Yjs document, with live cursors, undo of one's own changes, and full keyboard use.
 * Lazy-loaded by the session page (hence the default export): `<Board conn={conn} />`.
 */
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { DEFAULT_ITEM_SIZE } from '../../shared/doc/layout.ts';
import type { BoardConnection } from './BoardConnection.ts';
import { BoardItem } from './BoardItem.tsx';
import { boardKeyCommand, isTypingTarget, type BoardCommand, type BoardTool } from './boardKeys.ts';
import {
  MAX_TEXT_LENGTH,
  createBoardItem,
  deleteBoardItems,
  moveBoardItem,
  pastedUrl,
  resizeBoardItem,
  updateBoardItem,
} from './boardOps.ts';
import { Cursors } from './Cursors.tsx';
import {
  avoidStacking,
  dotGrid,
  expandRect,
  fitCameraToRect,
  panCamera,
  panToShowRect,
  rectCenter,
  visibleRect,
  type Camera,
  type Point,
  type Rect,
  type Size,
} from './geometry.ts';
import type { EditEnd } from './ItemTextEditor.tsx';
import { ITEM_TYPE_NAMES } from './itemLabel.ts';
import { LinkForm } from './LinkForm.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useBoardGestures } from './useBoardGestures.ts';
import { useBoardItems } from './useBoardItems.ts';
import { useBoardUndo } from './useBoardUndo.ts';
import { useCamera } from './useCamera.ts';
import { ZoomControls } from './ZoomControls.tsx';
import './board.css';

/**
 * Viewport culling: only items whose rectangle meets the visible board area, grown by half a viewport
 * on every side, are mounted. The margin means ordinary panning changes nothing (BoardIndex notifies
 * only when the mounted set changes) and items are already in the DOM when they scroll into view.
 * Off-screen items are therefore not in the tab order; "fit" (1) brings everything back.
 */
function cullRect(cam: Camera, viewport: Size): Rect | null {
  if (viewport.w === 0 || viewport.h === 0) return null;
  return expandRect(visibleRect(cam, viewport), Math.max(viewport.w, viewport.h) / 2 / cam.zoom);
}

/** The resource board of a room. Viewers (conn.canEdit false) can look around but get no edit controls. */
export function Board({ conn }: { conn: BoardConnection }) {
  const { doc, awareness, canEdit } = conn;
  // The origin of every write from this board: Y.UndoManager tracks it, and only it.
  const [origin] = useState(() => ({ source: 'board' }));
  const canvasRef = useRef<HTMLDivElement>(null);
  const cam = useCamera(canvasRef);
  const { index, snapshot } = useBoardItems(doc, () => cullRect(cam.cameraRef.current, cam.viewportRef.current));
  const undo = useBoardUndo(doc, origin);
  const [tool, setTool] = useState<BoardTool>('select');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [linkFormAt, setLinkFormAt] = useState<Point | null | false>(false);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const spaceHeldRef = useRef(false);
  const focusRequest = useRef<string | null>(null);
  const autoFitDone = useRef(false);
  const helpId = useId();

  const selected = canEdit && selectedId && index?.has(selectedId) ? selectedId : null;
  const editing = canEdit && editingId && index?.has(editingId) ? editingId : null;

  const gestures = useBoardGestures({
    canvasRef,
    cam,
    index,
    doc,
    origin,
    undo,
    canEdit,
    tool,
    spaceHeldRef,
    select: (id) => setSelectedId(canEdit ? id : null),
    setCursor: (c) => conn.setCursor(c),
  });

  // Culling follows the camera (before paint, so nothing pops in a frame late).
  useLayoutEffect(() => {
    index?.setView(cullRect(cam.camera, cam.viewport));
  }, [index, cam.camera, cam.viewport]);

  // Show what is on the board when it first arrives, unless the person already moved the view.
  const { place, touchedRef, viewportRef } = cam;
  useEffect(() => {
    if (!index || autoFitDone.current || snapshot.count === 0) return;
    autoFitDone.current = true;
    const bounds = index.bounds();
    if (bounds && !touchedRef.current && viewportRef.current.w > 0) place(fitCameraToRect(bounds, viewportRef.current));
  }, [index, snapshot.count, place, touchedRef, viewportRef]);

  // Focus moves to an item once it is mounted (after creation, after editing with the keyboard).
  useLayoutEffect(() => {
    const id = focusRequest.current;
    if (!id) return;
    const el = canvasRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`);
    if (el) {
      focusRequest.current = null;
      el.focus({ preventScroll: true });
    }
  });

  useEffect(() => {
    const release = () => {
      spaceHeldRef.current = false;
      setSpaceHeld(false);
    };
    window.addEventListener('blur', release);
    return () => window.removeEventListener('blur', release);
  }, []);

  const focusCanvas = () => canvasRef.current?.focus({ preventScroll: true });

  /** Where a new item goes: at `at`, else under the pointer, else mid-view (board coordinates). */
  const placeAt = (type: keyof typeof DEFAULT_ITEM_SIZE, at?: Point | null): Point => {
    const p = at ?? gestures.pointerBoardRef.current ?? rectCenter(visibleRect(cam.cameraRef.current, cam.viewportRef.current));
    const size = DEFAULT_ITEM_SIZE[type];
    const pos = { x: p.x - size.w / 2, y: p.y - size.h / 2 };
    return index ? avoidStacking(pos, Array.from(index.all(), (e) => e.rect)) : pos;
  };

  const addItem = (type: 'sticky' | 'text', at?: Point | null, text?: string) => {
    if (!canEdit) return;
    autoFitDone.current = true;
    undo.stopCapturing();
    const id = createBoardItem(doc, origin, { type, ...placeAt(type, at), text, createdBy: conn.me.id });
    undo.stopCapturing();
    setSelectedId(id);
    if (text === undefined) setEditingId(id);
    else focusRequest.current = id;
    setAnnouncement(`${ITEM_TYPE_NAMES[type]} added`);
  };

  const addLink = (url: URL, at?: Point | null) => {
    if (!canEdit) return;
    autoFitDone.current = true;
    undo.stopCapturing();
    const id = createBoardItem(doc, origin, { type: 'link', ...placeAt('link', at), url: url.href, createdBy: conn.me.id });
    undo.stopCapturing();
    setSelectedId(id);
    focusRequest.current = id;
    setAnnouncement(`Link to ${url.host} added`);
  };

  const deleteSelected = () => {
    if (!selected) return;
    undo.stopCapturing();
    deleteBoardItems(doc, origin, [selected]);
    setSelectedId(null);
    setEditingId(null);
    focusCanvas();
    setAnnouncement('Item deleted');
  };

  const setColor = (color: string) => {
    if (!selected) return;
    undo.stopCapturing();
    updateBoardItem(doc, origin, selected, { color });
  };

  const commitText = useCallback(
    (id: string, text: string, how: EditEnd) => {
      undo.stopCapturing();
      updateBoardItem(doc, origin, id, { text });
      undo.stopCapturing();
      setEditingId((cur) => (cur === id ? null : cur));
      if (how === 'key') focusRequest.current = id;
    },
    [doc, origin, undo.stopCapturing],
  );

  const fit = () => cam.fit(index?.bounds() ?? null);

  const run = (cmd: BoardCommand) => {
    switch (cmd.kind) {
      case 'tool':
        return setTool(cmd.tool);
      case 'create':
        return addItem(cmd.type);
      case 'link':
        return setLinkFormAt(gestures.pointerBoardRef.current);
      case 'zoom':
        return cam.zoomStepAt(cmd.direction);
      case 'zoomReset':
        return cam.reset();
      case 'zoomFit':
        return fit();
      case 'undo':
        return undo.undo();
      case 'redo':
        return undo.redo();
      case 'delete':
        return deleteSelected();
      case 'edit':
        return setEditingId(selected);
      case 'deselect':
        setSelectedId(null);
        return focusCanvas();
      case 'pan':
        return cam.update((c) => panCamera(c, cmd.dx, cmd.dy));
      case 'nudge':
      case 'resize': {
        const entry = selected ? index?.get(selected) : undefined;
        if (!entry) return;
        const r = entry.rect;
        if (cmd.kind === 'nudge') moveBoardItem(doc, origin, entry.id, r.x + cmd.dx, r.y + cmd.dy);
        else resizeBoardItem(doc, origin, entry.id, r.w + cmd.dw, r.h + cmd.dh);
        // Keep the item in view as it moves, so the keyboard user can see (and keep) it.
        return cam.update((c, vp) => panToShowRect(c, entry.rect, vp));
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || isTypingTarget(e.target)) return;
    const target = e.target as HTMLElement;
    if (e.key === ' ') {
      // Space on a button or link activates it; elsewhere it is the temporary hand tool.
      if (target.closest('button, a')) return;
      e.preventDefault();
      spaceHeldRef.current = true;
      setSpaceHeld(true);
      return;
    }
    const onCanvas = canvasRef.current?.contains(target) ?? false;
    const cmd = boardKeyCommand(e, { canEdit, hasSelection: selected !== null, onCanvas });
    if (!cmd) return;
    // Enter on the link inside a card opens the link.
    if (cmd.kind === 'edit' && target.closest('a')) return;
    e.preventDefault();
    run(cmd);
  };

  const onKeyUp = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === ' ') {
      spaceHeldRef.current = false;
      setSpaceHeld(false);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    if (!canEdit || isTypingTarget(e.target)) return;
    const text = e.clipboardData.getData('text/plain').trim();
    if (!text) return;
    e.preventDefault();
    const url = pastedUrl(text);
    if (url) addLink(url);
    else addItem('sticky', null, text.slice(0, MAX_TEXT_LENGTH));
  };

  // Focusing an item (Tab, click) selects it; from the keyboard, the view follows it.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const id = (e.target as HTMLElement).dataset?.itemId;
    const entry = id ? index?.get(id) : undefined;
    if (!entry) return;
    if (canEdit) setSelectedId(entry.id);
    if (!gestures.pointerActiveRef.current) cam.update((c, vp) => panToShowRect(c, entry.rect, vp));
  };

  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!canEdit || tool !== 'select') return;
    const id = (e.target as Element).closest<HTMLElement>('[data-item-id]')?.dataset.itemId;
    if (id && index?.has(id)) {
      setSelectedId(id);
      setEditingId(id);
    } else if (!id) {
      const r = canvasRef.current!.getBoundingClientRect();
      const c = cam.cameraRef.current;
      addItem('sticky', { x: (e.clientX - r.left - c.x) / c.zoom, y: (e.clientY - r.top - c.y) / c.zoom });
    }
  };

  // The selected and edited items stay mounted even when culled, so focus and the editor survive.
  const ids = useMemo(() => {
    const extra = [selected, editing].filter((id): id is string => !!id && !snapshot.ids.includes(id));
    return extra.length ? [...snapshot.ids, ...new Set(extra)] : snapshot.ids;
  }, [snapshot.ids, selected, editing]);

  const grid = dotGrid(cam.camera);
  const { camera } = cam;
  const classes = ['board'];
  if (tool === 'hand' || spaceHeld) classes.push('board--hand');
  if (gestures.panning) classes.push('board--panning');

  return (
    <section className={classes.join(' ')} aria-label="Resource board" onKeyDown={onKeyDown} onKeyUp={onKeyUp} onPaste={onPaste}>
      <Toolbar
        tool={tool}
        onTool={setTool}
        canEdit={canEdit}
        onAddSticky={() => addItem('sticky')}
        onAddText={() => addItem('text')}
        linkFormOpen={linkFormAt !== false}
        onToggleLinkForm={() => setLinkFormAt((open) => (open === false ? null : false))}
        canUndo={undo.canUndo}
        canRedo={undo.canRedo}
        onUndo={undo.undo}
        onRedo={undo.redo}
      >
        {canEdit && linkFormAt !== false && (
          <LinkForm
            onAdd={(url) => {
              addLink(url, linkFormAt);
              setLinkFormAt(false);
            }}
            onCancel={() => {
              setLinkFormAt(false);
              focusCanvas();
            }}
          />
        )}
      </Toolbar>

      {selected && !editing && index?.get(selected) && (
        <SelectionBar map={index.get(selected)!.map} onColor={setColor} onEdit={() => setEditingId(selected)} onDelete={deleteSelected} />
      )}

      <div
        ref={canvasRef}
        className="board__canvas"
        role="application"
        aria-label={canEdit ? 'Board canvas' : 'Board canvas, view only'}
        aria-describedby={helpId}
        tabIndex={0}
        style={{ backgroundSize: `${grid.size}px ${grid.size}px`, backgroundPosition: `${grid.x}px ${grid.y}px` }}
        {...gestures.handlers}
        onFocus={onFocus}
        onDoubleClick={onDoubleClick}
        // Focusing an off-screen item would scroll this overflow:hidden box; the camera does that job.
        onScroll={(e) => {
          e.currentTarget.scrollTop = 0;
          e.currentTarget.scrollLeft = 0;
        }}
      >
        <div className="board__layer" style={{ transform: `translate(${camera.x}px, ${camera.y}px) scale(${camera.zoom})` }}>
          {index &&
            ids.map((id) => {
              const entry = index.get(id);
              return entry ? (
                <BoardItem
                  key={id}
                  id={id}
                  map={entry.map}
                  selected={id === selected}
                  editing={id === editing}
                  canEdit={canEdit}
                  onCommitText={commitText}
                />
              ) : null;
            })}
        </div>
        <Cursors awareness={awareness} camera={camera} viewport={cam.viewport} />
        {index && snapshot.count === 0 && (
          <p className="board__empty">{canEdit ? 'Press N to add a sticky note, or paste a link' : 'Nothing on the board yet'}</p>
        )}
      </div>

      <ZoomControls zoom={camera.zoom} onZoomIn={() => cam.zoomStepAt(1)} onZoomOut={() => cam.zoomStepAt(-1)} onReset={cam.reset} onFit={fit} />

      <p id={helpId} className="board-sr-only">
        {canEdit
          ? 'Tab moves between items. Arrow keys move the selected item (Shift: finely, Alt: resize) or pan the board. Enter edits, Delete removes, Escape deselects. N adds a sticky note, T text, L a link; paste a link to add it. Plus and minus zoom, 0 resets, 1 fits everything.'
          : 'View only. Tab moves between items. Arrow keys pan the board. Plus and minus zoom, 0 resets, 1 fits everything.'}
      </p>
      <p className="board-sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

export default Board;
