/**
 * One agenda item as a list item: done checkbox, title and owner, the "Now" toggle, its timebox, and
 * (for editors) edit / move / delete controls plus a drag handle. Viewers get the same row, read-only.
 */
import type { DragEvent, KeyboardEvent } from 'react';
import type { AgendaItemFields } from '../../shared/doc/layout.ts';
import { AgendaItemForm, type AgendaFormValues } from './AgendaItemForm.tsx';
import type { AgendaLinkOption } from './agendaLinks.ts';

/** Where a drop would land relative to this row, for the drop indicator. */
export type DropSide = 'before' | 'after' | null;

export interface AgendaItemRowProps {
  item: AgendaItemFields;
  index: number;
  count: number;
  isCurrent: boolean;
  /** Pointed at by a `?focus=agenda:<id>` link. */
  highlighted?: boolean;
  canEdit: boolean;
  /** May make this item current ("Now" is set through the server by facilitators, SPEC R11). */
  canSetCurrent: boolean;
  /** The frames and headings an item can link to (for the edit form). */
  linkOptions?: () => AgendaLinkOption[];
  editing: boolean;
  dragging: boolean;
  dropSide: DropSide;
  ownersListId: string;
  /** Registers the row's element so the panel can move focus to it after a change. */
  rowRef: (el: HTMLLIElement | null) => void;
  onToggleDone: (done: boolean) => void;
  onToggleCurrent: () => void;
  onEdit: () => void;
  onSave: (values: AgendaFormValues) => boolean;
  onCancelEdit: () => void;
  onRemove: () => void;
  /** -1 = up, +1 = down; `focus` names the control (its data-focus) that keeps focus afterwards. */
  onMove: (delta: -1 | 1, focus: string) => void;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
}

const icon = (d: string) => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);
const ICON_UP = icon('M4 10l4-4 4 4');
const ICON_DOWN = icon('M4 6l4 4 4-4');
const ICON_EDIT = icon('M10.5 2.5l3 3L6 13H3v-3z');
const ICON_DELETE = icon('M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5');

/** One row of the agenda. */
export function AgendaItemRow(props: AgendaItemRowProps) {
  const { item, index, count, isCurrent, canEdit, editing, dragging, dropSide } = props;
  const name = item.title || 'Untitled item';
  const quoted = `“${name}”`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!canEdit || editing || !event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const target = event.target as HTMLElement;
    props.onMove(event.key === 'ArrowUp' ? -1 : 1, target.dataset.focus ?? 'row');
  };

  const classes = [
    'agenda-item',
    isCurrent && 'agenda-item--current',
    props.highlighted && 'agenda-item--focus',
    item.done && 'agenda-item--done',
    dragging && 'agenda-item--dragging',
    dropSide && `agenda-item--drop-${dropSide}`,
    editing && 'agenda-item--editing',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={props.rowRef}
      className={classes}
      tabIndex={-1}
      aria-current={isCurrent ? 'step' : undefined}
      onKeyDown={onKeyDown}
      onDragOver={canEdit ? props.onDragOver : undefined}
    >
      {editing ? (
        <AgendaItemForm
          mode="edit"
          initial={{ title: item.title, minutes: item.minutes, owner: item.owner, link: item.link ?? '' }}
          linkOptions={props.linkOptions}
          ownersListId={props.ownersListId}
          itemName={quoted}
          onSubmit={props.onSave}
          onCancel={props.onCancelEdit}
        />
      ) : (
        <>
          {canEdit && (
            // Mouse-only affordance: keyboard users have Move up/down and Alt+arrows.
            <span
              className="agenda-item__handle"
              draggable
              aria-hidden="true"
              title="Drag to reorder"
              onDragStart={props.onDragStart}
              onDragEnd={props.onDragEnd}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor">
                <circle cx="6" cy="4" r="1.2" />
                <circle cx="10" cy="4" r="1.2" />
                <circle cx="6" cy="8" r="1.2" />
                <circle cx="10" cy="8" r="1.2" />
                <circle cx="6" cy="12" r="1.2" />
                <circle cx="10" cy="12" r="1.2" />
              </svg>
            </span>
          )}
          <input
            type="checkbox"
            className="agenda-item__done"
            checked={item.done}
            disabled={!canEdit}
            aria-label={`Done: ${name}`}
            data-focus="done"
            onChange={(e) => props.onToggleDone(e.target.checked)}
          />
          <div className="agenda-item__main">
            <span className="agenda-item__title">{name}</span>
            {item.owner && <span className="agenda-item__owner">{item.owner}</span>}
          </div>
          <div className="agenda-item__aside">
            {props.canSetCurrent ? (
              <button
                type="button"
                className="agenda-item__now"
                aria-pressed={isCurrent}
                aria-label={`Now: ${name}`}
                title={isCurrent ? 'This is the current item (press to clear)' : 'Mark as the current item'}
                data-focus="now"
                onClick={props.onToggleCurrent}
              >
                Now
              </button>
            ) : (
              isCurrent && <span className="agenda-item__now agenda-item__now--badge">Now</span>
            )}
            <span className="agenda-item__minutes">
              {item.minutes}
              <span className="agenda-item__unit"> min</span>
            </span>
            {canEdit && (
              <div className="agenda-item__actions">
                <button
                  type="button"
                  className="agenda-icon-button"
                  aria-label={`Move ${quoted} up`}
                  title="Move up (Alt+↑)"
                  aria-keyshortcuts="Alt+ArrowUp"
                  aria-disabled={index === 0 || undefined}
                  data-focus="up"
                  onClick={() => index > 0 && props.onMove(-1, 'up')}
                >
                  {ICON_UP}
                </button>
                <button
                  type="button"
                  className="agenda-icon-button"
                  aria-label={`Move ${quoted} down`}
                  title="Move down (Alt+↓)"
                  aria-keyshortcuts="Alt+ArrowDown"
                  aria-disabled={index === count - 1 || undefined}
                  data-focus="down"
                  onClick={() => index < count - 1 && props.onMove(1, 'down')}
                >
                  {ICON_DOWN}
                </button>
                <button type="button" className="agenda-icon-button" aria-label={`Edit ${quoted}`} title="Edit" data-focus="edit" onClick={props.onEdit}>
                  {ICON_EDIT}
                </button>
                <button
                  type="button"
                  className="agenda-icon-button agenda-icon-button--danger"
                  aria-label={`Delete ${quoted}`}
                  title="Delete"
                  data-focus="delete"
                  onClick={props.onRemove}
                >
                  {ICON_DELETE}
                </button>
              </div>
            )}
          </div>
        </>
      )}
    </li>
  );
}
