/**
 * The session room's resource board: an infinite canvas of sticky notes, text, links, shapes, arrows,
 * freehand drawings, frames, images and files, bound to the room's Yjs document, with live cursors,
 * undo of one's own changes, a minimap, an outline (list) view, export, and full keyboard use.
 * Lazy-loaded by the session page (hence the default export): `<Board conn={conn} />`.
 *
 * Rendering: every item is a DOM element in one CSS-transformed layer (`.board__layer`), so panning and
 * zooming change one transform and the browser composites; each item subscribes to its own Y.Map, so
 * a change re-renders that item only. Two things keep large boards fast:
 * - Viewport culling (BoardIndex): only items whose rectangle meets the view, grown by half a viewport
 *   on every side, are mounted. The margin means ordinary panning changes nothing, and items are in the
 *   DOM before they scroll into view. Off-screen items are therefore not in the tab order; the outline
 *   view lists them all, and choosing one brings it into view and focuses it.
 * - Level of detail: below LOD_ZOOM on a board of more than LOD_MIN_ITEMS items (zoomed out over
 *   thousands of items, where text is unreadable anyway) nothing is mounted; LodCanvas paints the items
 *   as simple shapes on one canvas that pans and scales by CSS transform and repaints only when needed.
 *   Selected items and the one being edited stay mounted on top, so focus and editing survive.
 *
 * Known debt: this component is past 400 lines; the keyboard command dispatch (run/onKeyDown) and the
 * chrome (toolbars, panels) are the natural pieces to move into their own modules.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { FileDto } from '../../shared/api/files.ts';
import type { BoardConnection } from './BoardConnection.ts';
import { boardActions } from './boardActions.ts';
import { parseClipboardPayload } from './boardClipboard.ts';
import { BoardIndexContext } from './BoardIndexContext.ts';
import { BoardItem, EDITABLE_TYPES } from './BoardItem.tsx';
import { boardKeyCommand, isTypingTarget, type BoardCommand, type BoardTool } from './boardKeys.ts';
import { MAX_TEXT_LENGTH, pastedUrl, updateBoardItem } from './boardOps.ts';
import { Cursors } from './Cursors.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import {
  avoidStacking,
  boundsOfRects,
  centerCameraOn,
  dotGrid,
  expandRect,
  fitCameraToRect,
  panCamera,
  panToShowRect,
  rectCenter,
  screenToBoard,
  visibleRect,
  type Camera,
  type Point,
  type Rect,
  type Size,
} from '../../shared/board/geometry.ts';
import { GestureOverlay, OverlayStore } from './GestureOverlay.tsx';
import type { EditEnd } from './ItemTextEditor.tsx';
import { LinkForm } from './LinkForm.tsx';
import { LodCanvas } from './LodCanvas.tsx';
import { Minimap } from './Minimap.tsx';
import { OutlinePanel } from './OutlinePanel.tsx';
import { INK_COLOR_NAMES, MultiSelectionBar, SelectionBar, Swatches, type SelectionBarActions } from './SelectionBar.tsx';
import { GRID_SIZE, snapToGrid } from './selectionGeometry.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { Toolbar } from './Toolbar.tsx';
import { UploadStatus } from './UploadStatus.tsx';
import { useBoardClipboard } from './useBoardClipboard.ts';
import { useBoardGestures } from './useBoardGestures.ts';
import { useBoardItems } from './useBoardItems.ts';
import { useBoardUndo } from './useBoardUndo.ts';
import { useCamera } from './useCamera.ts';
import { useFileUploads } from './useFileUploads.ts';
import { ViewControls } from './ViewControls.tsx';
import { ZoomControls } from './ZoomControls.tsx';
import { DraftLayer, type BoardDrafts } from './DraftLayer.tsx';
import { BoardBadges, type BoardFacilitation } from './BoardBadges.tsx';
import { LaserLayer, ReactionLayer } from '../presence/EphemeralLayer.tsx';
import { sendReaction, setLaser, type Burst } from '../presence/ephemeral.ts';
import { REACTION_EMOJIS, REACTION_NAMES } from '../../shared/presence/ephemeral.ts';
import { createBoardItem } from './boardOps.ts';
import { DEFAULT_ITEM_SIZE, INK_COLORS } from '../../shared/doc/layout.ts';
import './board.css';

/** Below this zoom, a large board is painted on a canvas instead of mounted (see the header). */
export const LOD_ZOOM = 0.3;
/** Boards up to this many items stay DOM at every zoom (they are cheap, and look better). */
export const LOD_MIN_ITEMS = 300;
/** From this board width (px) the drawing tools column is shown without asking. */
const WIDE_BOARD = 900;
/** Origin of draft writes (private mode): not the board's, so board undo never touches drafts. */
const draftOrigin = { source: 'draft' };
/** Selected items outside the view stay mounted (for focus), up to this many. */
const MAX_PINNED = 20;
/** A view rectangle nothing intersects: the culling view while the canvas paints everything. */
const NOTHING: Rect = { x: Infinity, y: Infinity, w: 0, h: 0 };
const NO_IDS: readonly string[] = [];

function cullRect(cam: Camera, viewport: Size): Rect | null {
  if (viewport.w === 0 || viewport.h === 0) return null;
  return expandRect(visibleRect(cam, viewport), Math.max(viewport.w, viewport.h) / 2 / cam.zoom);
}

/** The session id for uploads: the prop, else the session page's URL (/s/:sessionId). */
function resolveSessionId(prop: string | undefined): string | null {
  if (prop) return prop;
  const m = /^\/s\/([^/]+)/.exec(typeof location === 'undefined' ? '' : location.pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

/** A view of the board for follow-me: the board point at the centre of the view, and the zoom. */
export interface BoardView {
  x: number;
  y: number;
  zoom: number;
}

export interface BoardProps {
  conn: BoardConnection;
  sessionId?: string;
  focusItemId?: string;
  /** Follow-me: show this view (centred, at its zoom) whenever it changes; null/absent = my own camera. */
  followView?: BoardView | null;
  /** Called with my view whenever my camera or viewport changes (a facilitator leading follow-me). */
  onViewChange?: (view: BoardView) => void;
  /** Private mode: drafts shown over the board; when they are mine, new stickies become drafts. */
  drafts?: BoardDrafts | null;
  /** Private mode is on (a banner says where new stickies go). */
  privateMode?: boolean;
  /** A host or facilitator: may use the laser pointer (the server drops anyone else's); locks do not apply. */
  presenter?: boolean;
  /** Locks and dot votes of the session, shown as badges; facilitators lock from the selection bar. */
  facilitation?: BoardFacilitation;
}

/** The resource board of a room. Viewers (conn.canEdit false) can look around but get no edit controls. */
export function Board({ conn, sessionId, focusItemId, followView, onViewChange, drafts, privateMode, presenter, facilitation }: BoardProps) {
  const { doc, awareness, canEdit } = conn;
  // The origin of every write from this board: Y.UndoManager tracks it, and only it.
  const [origin] = useState(() => ({ source: 'board' }));
  const [overlay] = useState(() => new OverlayStore());
  const rootRef = useRef<HTMLElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const cam = useCamera(canvasRef);
  const { index, snapshot } = useBoardItems(doc, () => cullRect(cam.cameraRef.current, cam.viewportRef.current));
  // Follow-me: the leader's view centre and zoom, whatever the size of this viewport.
  useEffect(() => {
    if (!followView || cam.viewport.w === 0) return;
    cam.place(centerCameraOn({ x: followView.x, y: followView.y }, cam.viewportRef.current, followView.zoom));
  }, [followView, cam.viewport.w, cam.viewport.h, cam.place]);
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  useEffect(() => {
    if (!onViewChangeRef.current || cam.viewport.w === 0) return;
    const c = rectCenter(visibleRect(cam.camera, cam.viewport));
    onViewChangeRef.current({ x: c.x, y: c.y, zoom: cam.camera.zoom });
  }, [cam.camera, cam.viewport]);
  const undo = useBoardUndo(doc, origin);
  const [tool, setTool] = useState<BoardTool>('select');
  const [selection, setSelectionState] = useState<readonly string[]>(NO_IDS);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [linkFormAt, setLinkFormAt] = useState<Point | null | false>(false);
  const [draftEditing, setDraftEditing] = useState<string | null>(null);
  const [localBurst, setLocalBurst] = useState<Burst | null>(null);
  // Items a facilitator locked are not mine to move or edit (the server would put them back anyway).
  const lockedForMe = useCallback(
    (id: string) => !presenter && !!facilitation && (facilitation.boardLocked || facilitation.lockedIds.has(id)),
    [presenter, facilitation],
  );
  const [laser, setLaserOn] = useState(false);
  // The reaction palette folds into one button: the board's corner is shared with zoom and view tools.
  const [reactOpen, setReactOpen] = useState(false);
  const laserRef = useRef(false);
  laserRef.current = laser && !!presenter;
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [snap, setSnap] = useState(false);
  const [minimap, setMinimap] = useState(true);
  const [outline, setOutline] = useState(false);
  const [help, setHelp] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [ink, setInk] = useState<string>(INK_COLORS[0]);
  // null: automatic (shown on a wide board); true/false once the person chose.
  const [drawTools, setDrawTools] = useState<boolean | null>(null);
  const selectionRef = useRef<readonly string[]>(NO_IDS);
  const spaceHeldRef = useRef(false);
  const snapRef = useRef(false);
  const lodRef = useRef(false);
  const inkRef = useRef<string>(INK_COLORS[0]);
  const focusRequest = useRef<string | null>(null);
  const autoFitDone = useRef(false);
  const helpId = useId();
  snapRef.current = snap;
  inkRef.current = ink;

  const setSelection = useCallback((ids: readonly string[]) => {
    selectionRef.current = ids;
    setSelectionState(ids);
  }, []);
  const announce = useCallback((text: string) => setAnnouncement(text), []);

  // What is selected and still exists (someone else may have deleted it). Viewers never select.
  const selected = useMemo(() => (canEdit && index ? selection.filter((id) => index.has(id)) : NO_IDS), [selection, index, canEdit, snapshot]);
  const editing = canEdit && editingId && index?.has(editingId) ? editingId : null;
  const lod = cam.camera.zoom < LOD_ZOOM && (index?.size ?? 0) > LOD_MIN_ITEMS;
  lodRef.current = lod;

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
    selectionRef,
    setSelection,
    snapRef,
    lodRef,
    inkRef,
    createdBy: conn.me.id,
    overlay,
    onCreated: (id, text, select) => {
      if (select) setSelection([id]);
      announce(text);
    },
    isLocked: lockedForMe,
    setCursor: (c) => {
      conn.setCursor(c);
      if (laserRef.current) setLaser(awareness, c);
    },
  });

  // Culling follows the camera (before paint, so nothing pops in a frame late).
  useLayoutEffect(() => {
    index?.setView(lod ? NOTHING : cullRect(cam.camera, cam.viewport));
  }, [index, cam.camera, cam.viewport, lod]);

  // Show what is on the board when it first arrives, unless the person already moved the view.
  const { place, touchedRef, viewportRef } = cam;
  useEffect(() => {
    if (!index || autoFitDone.current || snapshot.count === 0) return;
    autoFitDone.current = true;
    // Marks for the benchmark (bench/board.ts): items arrived → first frame painted with them.
    performance.mark('commonplace:board-items', { detail: { count: snapshot.count } });
    requestAnimationFrame(() => setTimeout(() => performance.mark('commonplace:board-painted'), 0));
    const bounds = index.bounds();
    if (bounds && !touchedRef.current && viewportRef.current.w > 0) place(fitCameraToRect(bounds, viewportRef.current));
  }, [index, snapshot.count, place, touchedRef, viewportRef]);

  // `?focus=board:<id>` (a search result or a pin): once the item exists and the board has a size, zoom
  // it into view, select it (editors) and focus it — once per id, so the person can move away after.
  const focusedItem = useRef<string | null>(null);
  useEffect(() => {
    if (!focusItemId || !index || focusedItem.current === focusItemId || cam.viewport.w === 0) return;
    const entry = index.get(focusItemId);
    if (!entry) return;
    focusedItem.current = focusItemId;
    autoFitDone.current = true;
    const fit = fitCameraToRect(expandRect(entry.rect, 120), cam.viewport);
    place(fit.zoom > 1.5 ? centerCameraOn(rectCenter(entry.rect), cam.viewport, 1.5) : fit);
    if (canEdit) setSelection([focusItemId]);
    focusRequest.current = focusItemId;
  }, [focusItemId, index, snapshot.count, cam.viewport, place, canEdit, setSelection]);

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

  useEffect(() => overlay.clear(), [tool, overlay]);

  const focusCanvas = () => canvasRef.current?.focus({ preventScroll: true });

  /** Where a new item of `size` goes (top-left): centred on `at`, else the pointer, else mid-view. */
  const placeAt = (size: Size, at?: Point | null): Point => {
    const p = at ?? gestures.pointerBoardRef.current ?? rectCenter(visibleRect(cam.cameraRef.current, cam.viewportRef.current));
    let pos = { x: p.x - size.w / 2, y: p.y - size.h / 2 };
    if (snap) pos = { x: snapToGrid(pos.x), y: snapToGrid(pos.y) };
    autoFitDone.current = true;
    return index ? avoidStacking(pos, Array.from(index.all(), (e) => e.rect), snap ? GRID_SIZE : 24) : pos;
  };

  const actions = boardActions({
    doc,
    origin,
    index,
    undo,
    createdBy: conn.me.id,
    canEdit,
    selection: selected.filter((id) => !lockedForMe(id)),
    setSelection,
    startEditing: setEditingId,
    focusItem: (id) => (focusRequest.current = id),
    announce,
    placeAt,
    ink,
  });

  /** Adds an item; in private mode a member's sticky goes to their draft room instead of the board. */
  const addItem: typeof actions.add = (type, opts = {}) => {
    if (!(privateMode && drafts?.mine && type === 'sticky' && canEdit)) return actions.add(type, opts);
    const size = DEFAULT_ITEM_SIZE.sticky;
    const id = createBoardItem(drafts.doc, draftOrigin, { type: 'sticky', ...placeAt(size, opts.at), ...size, text: opts.text, createdBy: conn.me.id });
    setDraftEditing(id);
    announce('Private note added: only you can see it until the facilitator reveals');
    return id;
  };

  /** Sends reaction `index` where the pointer is (else mid-view); everyone sees it float up. */
  const react = (index: number) => {
    const emoji = REACTION_EMOJIS[index];
    const at = gestures.pointerBoardRef.current ?? rectCenter(visibleRect(cam.cameraRef.current, cam.viewportRef.current));
    setLocalBurst(sendReaction(awareness, emoji, at));
    announce(`${REACTION_NAMES[emoji]} sent`);
  };
  // Leaving the board (or the page) takes the laser down with it.
  useEffect(() => () => setLaser(awareness, null), [awareness]);
  const toggleLaser = () => {
    if (laser) setLaser(awareness, null);
    setLaserOn(!laser);
    announce(laser ? 'Laser pointer off' : 'Laser pointer on: everyone sees where you point');
  };

  const resolvedSession = resolveSessionId(sessionId);
  const uploads = useFileUploads(resolvedSession, (file: FileDto, at, natural) => actions.addUpload(file, at, natural), announce);

  useBoardClipboard(rootRef, {
    canEdit,
    copy: () => actions.copy(),
    removeSelection: () => actions.remove(),
    pasteFiles: (files) => uploads.upload(files, gestures.pointerBoardRef.current ?? rectCenter(visibleRect(cam.cameraRef.current, cam.viewportRef.current))),
    pastePayload: (json) => {
      const items = parseClipboardPayload(json);
      if (!items) return false;
      actions.paste(items);
      return true;
    },
    pasteText: (raw) => {
      const text = raw.trim();
      const url = pastedUrl(text);
      if (url) actions.addLink(url);
      else addItem('sticky', { text: text.slice(0, MAX_TEXT_LENGTH) });
    },
  });

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
  const zoomToSelection = () => {
    const b = boundsOfRects(selected.map((id) => index?.get(id)?.rect).filter((r): r is Rect => !!r));
    if (b) cam.update((_c, vp) => fitCameraToRect(b, vp, 48, 2));
  };

  /** Selects an item, brings it into view at a readable zoom and focuses it (the outline's "go to"). */
  const revealItem = (id: string) => {
    const entry = index?.get(id);
    if (!entry) return;
    if (canEdit) setSelection([id]);
    cam.update((c, vp) => (c.zoom < 0.6 ? centerCameraOn(rectCenter(entry.rect), vp, 1) : panToShowRect(c, entry.rect, vp)));
    focusRequest.current = id;
    announce(`Showing ${entry.type === 'connector' ? 'arrow' : 'item'}`);
  };

  const startEditingSelection = () => {
    const id = selected.find((s) => {
      if (lockedForMe(s)) return false;
      const t = index?.get(s)?.type;
      return t && EDITABLE_TYPES[t];
    });
    if (id) setEditingId(id);
  };

  const run = (cmd: BoardCommand) => {
    switch (cmd.kind) {
      case 'tool':
        setTool(cmd.tool);
        return announce(cmd.tool === 'pen' ? 'Pen' : cmd.tool === 'connector' ? 'Arrow tool: drag from one item to another' : '');
      case 'create':
        return addItem(cmd.type);
      case 'shape':
        return actions.add('shape', { shape: cmd.shape });
      case 'link':
        return setLinkFormAt(gestures.pointerBoardRef.current);
      case 'selectAll':
        return actions.selectAll();
      case 'duplicate':
        return actions.duplicate();
      case 'restack':
        return actions.restack(cmd.direction);
      case 'zoomSelection':
        return zoomToSelection();
      case 'toggleGrid':
        setSnap((s) => !s);
        return announce(snap ? 'Snap to grid off' : 'Snap to grid on');
      case 'toggleMinimap':
        return setMinimap((m) => !m);
      case 'help':
        return setHelp(true);
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
        actions.remove();
        setEditingId(null);
        return focusCanvas();
      case 'edit':
        return startEditingSelection();
      case 'deselect':
        setSelection([]);
        return focusCanvas();
      case 'pan':
        return cam.update((c) => panCamera(c, cmd.dx, cmd.dy));
      case 'react':
        return react(cmd.index);
      case 'nudge':
      case 'resize': {
        if (cmd.kind === 'nudge') actions.nudge(cmd.dx, cmd.dy);
        else actions.resize(cmd.dw, cmd.dh);
        // Keep the item in view as it moves, so the keyboard user can see (and keep) it.
        const entry = selected[0] ? index?.get(selected[0]) : undefined;
        if (entry) cam.update((c, vp) => panToShowRect(c, entry.rect, vp));
        return;
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || isTypingTarget(e.target)) return;
    const target = e.target as HTMLElement;
    if (e.key === ' ') {
      // Space on a button or link activates it; Shift+Space on an item adds it to (or takes it out of)
      // the selection; elsewhere Space is the temporary hand tool.
      if (target.closest('button, a')) return;
      e.preventDefault();
      const itemId = target.dataset?.itemId;
      if (e.shiftKey && itemId && canEdit) {
        const cur = selectionRef.current;
        setSelection(cur.includes(itemId) ? cur.filter((s) => s !== itemId) : [...cur, itemId]);
        return;
      }
      spaceHeldRef.current = true;
      setSpaceHeld(true);
      return;
    }
    const onCanvas = canvasRef.current?.contains(target) ?? false;
    const cmd = boardKeyCommand(e, { canEdit, hasSelection: selected.length > 0, onCanvas, tool });
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

  // Focusing an item from the keyboard (Tab) selects it, unless it already is, and the view follows it.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const id = (e.target as HTMLElement).dataset?.itemId;
    const entry = id ? index?.get(id) : undefined;
    if (!entry || gestures.pointerActiveRef.current) return;
    if (canEdit && !selectionRef.current.includes(entry.id)) setSelection([entry.id]);
    cam.update((c, vp) => panToShowRect(c, entry.rect, vp));
  };

  const boardPoint = (e: { clientX: number; clientY: number }): Point => {
    const r = canvasRef.current!.getBoundingClientRect();
    return screenToBoard({ x: e.clientX - r.left, y: e.clientY - r.top }, cam.cameraRef.current);
  };

  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!canEdit || tool !== 'select') return;
    const id = (e.target as Element).closest<HTMLElement>('[data-item-id]')?.dataset.itemId;
    const type = id ? index?.get(id)?.type : undefined;
    if (id && type) {
      if (!EDITABLE_TYPES[type]) return;
      setSelection([id]);
      setEditingId(id);
    } else if (!id) {
      addItem('sticky', { at: boardPoint(e) });
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!canEdit || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!canEdit || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    uploads.upload(Array.from(e.dataTransfer.files), boardPoint(e));
  };

  // Mounted: the culled set, plus the item being edited and (a few) selected ones, so focus survives.
  const ids = useMemo(() => {
    const base = lod ? NO_IDS : snapshot.ids;
    const shown = new Set(base);
    const extra = [editing, ...selected.slice(0, MAX_PINNED)].filter((id): id is string => !!id && !shown.has(id));
    return extra.length ? [...base, ...new Set(extra)] : base;
  }, [snapshot.ids, selected, editing, lod]);

  const selectionActions: SelectionBarActions = {
    onColor: actions.setColor,
    onShape: actions.setShape,
    onEdit: startEditingSelection,
    onDelete: () => run({ kind: 'delete' }),
    onDuplicate: actions.duplicate,
    onRestack: actions.restack,
    onAlign: actions.align,
    onConnect: actions.connectSelected,
    onLock: facilitation?.onLock
      ? (locked) => {
          const ids = [...selected];
          facilitation.onLock!(ids, locked).then(
            () => announce(`${ids.length === 1 ? 'Item' : `${ids.length} items`} ${locked ? 'locked for members' : 'unlocked'}`),
            () => announce(locked ? 'Could not lock: try again' : 'Could not unlock: try again'),
          );
        }
      : undefined,
  };
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const grid = dotGrid(cam.camera);
  const { camera } = cam;
  const classes = ['board', `board--tool-${tool}`];
  if (tool === 'hand' || spaceHeld) classes.push('board--hand');
  if (gestures.panning) classes.push('board--panning');
  if (snap) classes.push('board--snap');
  const single = selected.length === 1 && !editing ? index?.get(selected[0]) : undefined;
  const drawOpen = drawTools ?? cam.viewport.w >= WIDE_BOARD;

  return (
    <section ref={rootRef} className={classes.join(' ')} aria-label="Resource board" onKeyDown={onKeyDown} onKeyUp={onKeyUp}>
      <Toolbar
        tool={tool}
        onTool={setTool}
        canEdit={canEdit}
        onAddSticky={() => addItem('sticky')}
        onAddText={() => actions.add('text')}
        onAddShape={(shape) => actions.add('shape', { shape })}
        onAddFrame={() => actions.add('frame')}
        onUpload={resolvedSession ? () => fileInput.current?.click() : undefined}
        drawOpen={drawOpen}
        onToggleDraw={() => setDrawTools(!drawOpen)}
        linkFormOpen={linkFormAt !== false}
        onToggleLinkForm={() => setLinkFormAt((open) => (open === false ? null : false))}
        canUndo={undo.canUndo}
        canRedo={undo.canRedo}
        onUndo={undo.undo}
        onRedo={undo.redo}
      >
        {canEdit && linkFormAt !== false && (
          <LinkForm
            onAdd={(url, title) => {
              actions.addLink(url, linkFormAt, title);
              setLinkFormAt(false);
            }}
            onCancel={() => {
              setLinkFormAt(false);
              focusCanvas();
            }}
          />
        )}
        {canEdit && (tool === 'pen' || tool === 'connector') && (
          <div className="board-toolbar board-ink">
            <Swatches label={tool === 'pen' ? 'Pen colour' : 'Arrow colour'} colors={INK_COLORS} names={INK_COLOR_NAMES} value={ink} onPick={setInk} />
          </div>
        )}
      </Toolbar>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml,application/pdf"
        multiple
        hidden
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) uploads.upload(files, rectCenter(visibleRect(cam.cameraRef.current, cam.viewportRef.current)));
        }}
      />

      <ViewControls
        snap={snap}
        onSnap={() => run({ kind: 'toggleGrid' })}
        minimap={minimap}
        onMinimap={() => setMinimap((m) => !m)}
        outline={outline}
        onOutline={() => setOutline((o) => !o)}
        exportOpen={exportOpen}
        onExport={() => setExportOpen((o) => !o)}
        onHelp={() => setHelp(true)}
      >
        {exportOpen && <ExportPanel doc={doc} selection={selected} onClose={() => setExportOpen(false)} />}
      </ViewControls>

      {single && !lockedForMe(single.id) && <SelectionBar key={single.id} map={single.map} actions={selectionActions} locked={facilitation?.lockedIds.has(single.id)} />}
      {single && lockedForMe(single.id) && (
        <p className="board-toolbar board-selection board-selection--locked" role="status">
          Locked by the facilitator
        </p>
      )}
      {selected.length > 1 && !editing && (
        <MultiSelectionBar
          locked={!!facilitation && selected.every((id) => facilitation.lockedIds.has(id))}
          count={selected.length}
          canConnect={selected.filter((id) => index?.get(id)?.type !== 'connector').length === 2}
          actions={selectionActions}
        />
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
        onDragOver={onDragOver}
        onDrop={onDrop}
        // Focusing an off-screen item would scroll this overflow:hidden box; the camera does that job.
        onScroll={(e) => {
          e.currentTarget.scrollTop = 0;
          e.currentTarget.scrollLeft = 0;
        }}
      >
        {index && lod && <LodCanvas index={index} camera={camera} viewport={cam.viewport} />}
        <BoardIndexContext.Provider value={index}>
          <div className="board__layer" style={{ transform: `translate(${camera.x}px, ${camera.y}px) scale(${camera.zoom})` }}>
            {index &&
              ids.map((id) => {
                const entry = index.get(id);
                return entry ? (
                  <BoardItem
                    key={id}
                    id={id}
                    map={entry.map}
                    selected={selectedSet.has(id)}
                    resizable={selected.length === 1}
                    editing={id === editing && !lockedForMe(id)}
                    canEdit={canEdit && !lockedForMe(id)}
                    onCommitText={commitText}
                  />
                ) : null;
              })}
            {index && facilitation && <BoardBadges index={index} ids={ids} facilitation={facilitation} />}
            {drafts && <DraftLayer drafts={drafts} editingId={draftEditing} onEdited={() => setDraftEditing(null)} />}
            <GestureOverlay store={overlay} zoom={camera.zoom} />
          </div>
        </BoardIndexContext.Provider>
        <Cursors awareness={awareness} camera={camera} viewport={cam.viewport} />
        <LaserLayer awareness={awareness} camera={camera} viewport={cam.viewport} />
        <ReactionLayer awareness={awareness} camera={camera} viewport={cam.viewport} local={localBurst} />
        {privateMode && (
          <p className="board-private-banner" role="status">
            {drafts?.mine ? 'Private mode: your new notes are visible only to you until the facilitator reveals them' : drafts ? 'Private mode: members’ drafts are shown dashed, visible only to them and facilitators' : 'Private mode is on'}
          </p>
        )}
        {index && snapshot.count === 0 && (
          <p className="board__empty">{canEdit ? 'Press N to add a sticky note, P to draw, or paste a link or an image' : 'Nothing on the board yet'}</p>
        )}
      </div>

      {outline && <OutlinePanel doc={doc} selection={selected} onReveal={revealItem} onClose={() => setOutline(false)} />}
      <UploadStatus uploads={uploads.uploads} onDismiss={uploads.dismiss} />
      <div className="board-corner">
        <div className="board-toolbar board-react-bar" role="group" aria-label="Reactions">
          {reactOpen &&
            REACTION_EMOJIS.map((emoji, i) => (
              <button key={emoji} type="button" aria-label={`React: ${REACTION_NAMES[emoji]}`} title={`${REACTION_NAMES[emoji]} (${i + 2})`} onClick={() => react(i)}>
                {emoji}
              </button>
            ))}
          <button
            type="button"
            aria-expanded={reactOpen}
            aria-label={reactOpen ? 'Hide reactions' : 'Show reactions'}
            title="Reactions (keys 2–7 send them directly)"
            onClick={() => setReactOpen((o) => !o)}
          >
            {reactOpen ? '×' : '☺'}
          </button>
          {presenter && (
            <button type="button" aria-pressed={laser} aria-label="Laser pointer" title="Laser pointer: everyone sees a trail where you point" onClick={toggleLaser}>
              🔴
            </button>
          )}
        </div>
        {minimap && index && <Minimap index={index} camera={camera} viewport={cam.viewport} onNavigate={(p) => cam.update((c, vp) => centerCameraOn(p, vp, c.zoom))} />}
        <ZoomControls zoom={camera.zoom} onZoomIn={() => cam.zoomStepAt(1)} onZoomOut={() => cam.zoomStepAt(-1)} onReset={cam.reset} onFit={fit} />
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />

      <p id={helpId} className="board-sr-only">
        {canEdit
          ? 'Tab moves between items; the Outline button lists them all. Arrow keys move the selection (Shift: finely, Alt: resize) or pan the board. Enter edits, Delete removes, Escape deselects. N adds a sticky note, T text, R, O and D shapes, F a frame, L a link, P draws. Question mark lists every shortcut.'
          : 'View only. Tab moves between items; the Outline button lists them all. Arrow keys pan the board. Plus and minus zoom, 0 resets, 1 fits everything. Question mark lists every shortcut.'}
      </p>
      <p className="board-sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

export default Board;
