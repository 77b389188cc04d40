/**
 * The title / minutes / owner fields of an agenda item, used both to add an item (below the list)
 * and to edit one in place. Validates before anything reaches the shared document.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_MINUTES, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH, normalizeMinutes, normalizeTitle } from './agendaOps.ts';
import type { AgendaLinkOption } from './agendaLinks.ts';

/** What the form hands back: validated, trimmed values. */
export interface AgendaFormValues {
  title: string;
  minutes: number;
  owner: string;
  /** What the item links to ('' for nothing): `board:<frame id>` or `notes:<anchor>`. */
  link: string;
}

export interface AgendaItemFormProps {
  mode: 'add' | 'edit';
  initial?: AgendaFormValues;
  /** id of a <datalist> of member names, offered for the owner field. */
  ownersListId: string;
  /** Returns false if the change could not be applied (the item was deleted meanwhile, …). */
  onSubmit: (values: AgendaFormValues) => boolean;
  onCancel?: () => void;
  /** Name of the item being edited, to label the fields ("Title of Welcome round"). */
  itemName?: string;
  /** The frames and headings the item can link to, read when the list is opened (boards can be big). */
  linkOptions?: () => AgendaLinkOption[];
}

const EMPTY: AgendaFormValues = { title: '', minutes: 10, owner: '', link: '' };

/** An inline form for one agenda item. Escape cancels an edit. */
export function AgendaItemForm({ mode, initial = EMPTY, ownersListId, onSubmit, onCancel, itemName, linkOptions }: AgendaItemFormProps) {
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [minutes, setMinutes] = useState(String(initial.minutes));
  const [owner, setOwner] = useState(initial.owner);
  const [link, setLink] = useState(initial.link ?? '');
  const [links, setLinks] = useState<AgendaLinkOption[]>([]);
  const refreshLinks = () => linkOptions && setLinks(linkOptions());
  const linkChoices = link && !links.some((o) => o.value === link) ? [{ value: link, label: 'Linked content' }, ...links] : links;
  const [errors, setErrors] = useState<{ title?: string; minutes?: string; form?: string }>({});
  const titleInput = useRef<HTMLInputElement>(null);
  const minutesInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (mode === 'edit') titleInput.current?.select();
  }, [mode]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const t = normalizeTitle(title);
    const m = normalizeMinutes(minutes);
    const next: typeof errors = {};
    if (t === null) next.title = 'Give the item a title.';
    if (m === null) next.minutes = `Minutes must be a whole number from 0 to ${MAX_MINUTES}.`;
    setErrors(next);
    if (t === null) return titleInput.current?.focus();
    if (m === null) return minutesInput.current?.focus();
    if (!onSubmit({ title: t, minutes: m, owner, link })) {
      setErrors({ form: 'This item no longer exists: someone may have deleted it.' });
      return;
    }
    if (mode === 'add') {
      setTitle('');
      setMinutes(String(EMPTY.minutes));
      setOwner('');
      setLink('');
      titleInput.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const suffix = itemName ? ` of ${itemName}` : '';
  return (
    <form
      className={`agenda-form agenda-form--${mode}`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={mode === 'add' ? 'Add an agenda item' : `Edit ${itemName ?? 'item'}`}
      noValidate
    >
      <div className="agenda-form__field agenda-form__field--title">
        <label htmlFor={`${id}-title`}>{mode === 'add' ? 'New item' : 'Title'}</label>
        <input
          className="tool-input"
          ref={titleInput}
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={mode === 'add' ? 'e.g. Check-in round' : undefined}
          aria-label={mode === 'edit' ? `Title${suffix}` : undefined}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="agenda-form__field agenda-form__field--minutes">
        <label htmlFor={`${id}-minutes`}>Minutes</label>
        <input
          className="tool-input"
          ref={minutesInput}
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          aria-label={mode === 'edit' ? `Minutes${suffix}` : undefined}
          aria-invalid={errors.minutes ? true : undefined}
          aria-describedby={errors.minutes ? `${id}-minutes-error` : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="agenda-form__field agenda-form__field--owner">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input
          className="tool-input"
          id={`${id}-owner`}
          type="text"
          value={owner}
          list={ownersListId}
          maxLength={MAX_OWNER_LENGTH}
          autoComplete="off"
          placeholder="Optional"
          aria-label={mode === 'edit' ? `Owner${suffix}` : undefined}
          onChange={(e) => setOwner(e.target.value)}
        />
      </div>
      {linkOptions && (
        <div className="agenda-form__field agenda-form__field--link">
          <label htmlFor={`${id}-link`}>Linked to</label>
          <select
            className="tool-input"
            id={`${id}-link`}
            value={link}
            aria-label={mode === 'edit' ? `Linked content${suffix}` : undefined}
            onFocus={refreshLinks}
            onMouseDown={refreshLinks}
            onChange={(e) => setLink(e.target.value)}
          >
            <option value="">Nothing</option>
            {linkChoices.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
      )}
      <div className="agenda-form__actions">
        <button type="submit" className="tool-button tool-button--primary">
          {mode === 'add' ? 'Add' : 'Save'}
        </button>
        {onCancel && (
          <button type="button" className="tool-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {(errors.title || errors.minutes || errors.form) && (
        <div className="agenda-form__errors" role="alert">
          {errors.title && <p id={`${id}-title-error`}>{errors.title}</p>}
          {errors.minutes && <p id={`${id}-minutes-error`}>{errors.minutes}</p>}
          {errors.form && <p>{errors.form}</p>}
        </div>
      )}
    </form>
  );
}
