/**
 * The session's shared agenda: ordered, timeboxed items with one current ("Now") item, the planned
 * total against the session length, reordering by drag or keyboard, and undo of one's own changes.
 * All changes go through agendaOps; the list re-renders from Yjs through useYSelector.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { RoomConnection } from '../collab/RoomConnection.ts';
import { useYSelector } from '../collab/hooks.ts';
import type { MemberDto } from '../../shared/api/schemas.ts';
import { getAgenda } from '../../shared/doc/layout.ts';
import { formatShortcut } from '../notes/formatShortcut.ts';
import { addItem, moveItem, readAgenda, removeItem, repairAgenda, totals, updateItem } from './agendaOps.ts';
import { agendaLinkOptions } from './agendaLinks.ts';
import { useAgendaUndo } from './useAgendaUndo.ts';
import { AgendaItemForm, type AgendaFormValues } from './AgendaItemForm.tsx';
import { AgendaItemRow, type DropSide } from './AgendaItemRow.tsx';
import { AgendaTotals } from './AgendaTotals.tsx';
import './agenda.css';

export interface AgendaPanelProps {
  conn: RoomConnection;
  /** Length of the session, in minutes (0 if unknown). */
  durationMinutes: number;
  /** The community's members, offered as owners. */
  members: MemberDto[];
  /** An item to highlight and scroll into view (a `?focus=agenda:<id>` link). */
  focusItemId?: string;
  /**
   * The current ("Now") item: the control room's, which only the server writes (SPEC R11) — never the
   * document's, which any member could edit.
   */
  currentItemId: string | null;
  /** Makes an item current through the server (starting its timebox); null for non-facilitators. */
  onSetCurrent: ((id: string | null) => Promise<unknown>) | null;
}

/** Private drag type, so that a dragged item never drops into the notes as text. */
const DRAG_TYPE = 'application/x-commonplace-agenda-item';

const UNDO = formatShortcut('Mod-z');
const REDO = formatShortcut('Mod-Shift-z');

/** The agenda of a session room. */
export function AgendaPanel({ conn, durationMinutes, members, focusItemId, currentItemId, onSetCurrent }: AgendaPanelProps) {
  const { doc, canEdit } = conn;
  const agenda = getAgenda(doc);
  const items = useYSelector(agenda, readAgenda, true);
  const currentId = currentItemId !== null && items.some((it) => it.id === currentItemId) ? currentItemId : null;
  const linkOptions = useCallback(() => agendaLinkOptions(doc), [doc]);
  const sum = totals(items, durationMinutes);

  // One origin per panel and room: the undo manager tracks exactly the transactions tagged with it.
  const origin = useMemo(() => ({ agendaPanel: conn.room }), [conn]);
  const { undo, redo, canUndo, canRedo } = useAgendaUndo(doc, origin);

  const ownersListId = useId();
  const hintId = useId();
  const ownerNames = useMemo(
    () => [...new Set(members.map((m) => m.name.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    [members],
  );

  const [editingId, setEditingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [drag, setDrag] = useState<{ id: string } | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const rows = useRef(new Map<string, HTMLLIElement>());
  const addForm = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ id: string | null; control: string } | null>(null);

  // Concurrent moves can leave a hidden second copy of an item; any editor who sees one removes it.
  useEffect(() => {
    if (canEdit && agenda.length > items.length) repairAgenda(doc);
  }, [items, canEdit, agenda, doc]);

  useEffect(() => {
    if (editingId && !items.some((it) => it.id === editingId)) setEditingId(null);
  }, [items, editingId]);

  const focusKnown = !!focusItemId && items.some((it) => it.id === focusItemId);
  useEffect(() => {
    if (focusKnown && focusItemId) rows.current.get(focusItemId)?.scrollIntoView({ block: 'nearest' });
  }, [focusKnown, focusItemId]);

  // Moving or deleting re-creates DOM nodes: put focus back where the person was working.
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    pendingFocus.current = null;
    if (p.id === null) {
      addForm.current?.querySelector('input')?.focus();
      return;
    }
    const row = rows.current.get(p.id);
    const target = p.control === 'row' ? row : row?.querySelector<HTMLElement>(`[data-focus="${p.control}"]`);
    (target ?? row)?.focus();
  });

  const say = (text: string) => setAnnouncement(text);
  const name = (title: string) => `“${title || 'Untitled item'}”`;

  const add = (values: AgendaFormValues) => {
    const id = addItem(doc, origin, values, conn.me.id);
    if (id) say(`Added ${name(values.title)}.`);
    return id !== null;
  };

  const move = (from: number, to: number, control: string) => {
    const item = items[from];
    if (!item || !moveItem(doc, origin, from, to)) return;
    pendingFocus.current = { id: item.id, control };
    say(`Moved ${name(item.title)} to position ${to + 1} of ${items.length}.`);
  };

  const remove = (index: number) => {
    const item = items[index];
    if (!removeItem(doc, origin, item.id)) return;
    const next = items[index + 1] ?? items[index - 1];
    pendingFocus.current = { id: next ? next.id : null, control: 'row' };
    say(`Deleted ${name(item.title)}. Press ${UNDO.label} to undo.`);
  };

  const toggleCurrent = (id: string, title: string) => {
    if (!onSetCurrent) return;
    const clearing = currentId === id;
    onSetCurrent(clearing ? null : id).then(
      () => say(clearing ? 'No current item.' : `${name(title)} is now the current item; its timebox started.`),
      () => say('The current item could not be changed. Try again.'),
    );
  };

  const save = (id: string, values: AgendaFormValues) => {
    if (!updateItem(doc, origin, id, values)) return false;
    setEditingId(null);
    pendingFocus.current = { id, control: 'edit' };
    return true;
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!canEdit || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const t = event.target as HTMLElement;
    // Text fields keep their own undo of what is being typed.
    if ((t instanceof HTMLInputElement && t.type !== 'checkbox') || t instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  };

  // ---- drag and drop: `dropAt` is the insertion point 0..n in the list as shown ----
  const endDrag = () => {
    setDrag(null);
    setDropAt(null);
  };
  const dragStart = (id: string) => (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, id);
    const row = rows.current.get(id);
    if (row) event.dataTransfer.setDragImage(row, 24, row.offsetHeight / 2);
    setDrag({ id });
  };
  const dragOverRow = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    if (!drag) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const rect = event.currentTarget.getBoundingClientRect();
    const at = event.clientY < rect.top + rect.height / 2 ? index : index + 1;
    if (at !== dropAt) setDropAt(at);
  };
  const drop = (event: DragEvent<HTMLOListElement>) => {
    if (!drag) return;
    event.preventDefault();
    // Positions are re-read now: someone may have changed the list during the drag.
    const from = items.findIndex((it) => it.id === drag.id);
    if (from >= 0 && dropAt !== null) {
      const to = dropAt > from ? dropAt - 1 : dropAt;
      if (to !== from) move(from, to, 'row');
    }
    endDrag();
  };
  const dragFrom = drag ? items.findIndex((it) => it.id === drag.id) : -1;
  const dropSide = (index: number): DropSide => {
    if (dropAt === null || dragFrom < 0 || dropAt === dragFrom || dropAt === dragFrom + 1) return null;
    if (dropAt === index) return 'before';
    if (dropAt === items.length && index === items.length - 1) return 'after';
    return null;
  };

  return (
    <section className="agenda" aria-labelledby={`${hintId}-title`} onKeyDown={onPanelKeyDown}>
      <header className="agenda__header">
        <h2 className="agenda__title" id={`${hintId}-title`}>
          Agenda
        </h2>
        {canEdit && (
          <div className="agenda__history">
            {[
              { label: 'Undo', keys: UNDO, can: canUndo, run: undo, path: 'M5.5 3.5L2.5 6.5l3 3M2.8 6.5h6.7a4 4 0 010 8H7' },
              { label: 'Redo', keys: REDO, can: canRedo, run: redo, path: 'M10.5 3.5l3 3-3 3M13.2 6.5H6.5a4 4 0 000 8H9' },
            ].map((b) => (
              <button
                key={b.label}
                type="button"
                className="agenda-icon-button"
                aria-label={`${b.label} agenda change`}
                title={`${b.label} (${b.keys.label})`}
                aria-keyshortcuts={b.keys.aria}
                aria-disabled={!b.can || undefined}
                onClick={() => b.can && b.run()}
              >
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
                  <path d={b.path} />
                </svg>
              </button>
            ))}
          </div>
        )}
      </header>

      <AgendaTotals totals={sum} />

      {items.length === 0 ? (
        <p className="agenda__empty">{canEdit ? 'No agenda yet — add the first item' : 'No agenda yet'}</p>
      ) : (
        <ol
          className={`plain-list agenda__list${drag ? ' agenda__list--dragging' : ''}`}
          aria-label="Agenda items"
          aria-describedby={canEdit ? hintId : undefined}
          onDragOver={(e) => {
            if (drag) e.preventDefault();
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
          }}
          onDrop={drop}
        >
          {items.map((item, index) => {
            const key = item.id || `item-${index}`;
            return (
              <AgendaItemRow
                key={key}
                item={item}
                index={index}
                count={items.length}
                isCurrent={item.id === currentId}
                highlighted={!!focusItemId && item.id === focusItemId}
                canEdit={canEdit}
                canSetCurrent={onSetCurrent !== null}
                linkOptions={linkOptions}
                editing={canEdit && editingId === item.id}
                dragging={drag?.id === item.id}
                dropSide={dropSide(index)}
                ownersListId={ownersListId}
                rowRef={(el) => {
                  if (el) rows.current.set(key, el);
                  else rows.current.delete(key);
                }}
                onToggleDone={(done) => updateItem(doc, origin, item.id, { done })}
                onToggleCurrent={() => toggleCurrent(item.id, item.title)}
                onEdit={() => setEditingId(item.id)}
                onSave={(values) => save(item.id, values)}
                onCancelEdit={() => {
                  setEditingId(null);
                  pendingFocus.current = { id: item.id, control: 'edit' };
                }}
                onRemove={() => remove(index)}
                onMove={(delta, control) => {
                  const to = index + delta;
                  if (to >= 0 && to < items.length) move(index, to, control);
                }}
                onDragStart={dragStart(item.id)}
                onDragOver={dragOverRow(index)}
                onDragEnd={endDrag}
              />
            );
          })}
        </ol>
      )}

      {canEdit && (
        <>
          <p id={hintId} className="agenda__sr-only">
            Move an item with its Move up and Move down buttons, or with Alt+Up and Alt+Down arrow keys while it has focus.
          </p>
          <div className="agenda__add" ref={addForm}>
            <AgendaItemForm mode="add" ownersListId={ownersListId} onSubmit={add} linkOptions={linkOptions} />
          </div>
          <datalist id={ownersListId}>
            {ownerNames.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </>
      )}

      <p className="agenda__sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

export default AgendaPanel;
