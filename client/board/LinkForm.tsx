/**
 * The inline "Add link" form under the toolbar: the address, validated with parseUserUrl (http(s) only;
 * a bare host gets https://), with the error tied to the field for screen readers, and an optional
 * title — left empty, the card gets the page's own title when the server can read it (fillLinkTitle).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { parseUserUrl } from '../../shared/doc/layout.ts';
import { UrlInput, UrlInputError } from '../components/UrlInput.tsx';
import { MAX_URL_LENGTH } from './boardOps.ts';

/** Longest title typed here (the card's text may be longer; a title is a line). */
const MAX_LINK_TITLE_LENGTH = 300;

interface LinkFormProps {
  /** `title` is '' when the person left it empty. */
  onAdd: (url: URL, title: string) => void;
  onCancel: () => void;
}

/** Asks for a URL; calls onAdd with a parsed http(s) URL, or onCancel (Escape, Cancel). */
export function LinkForm({ onAdd, onCancel }: LinkFormProps) {
  const [value, setValue] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => input.current?.focus(), []);

  return (
    <form
      className="board-linkform"
      aria-label="Add a link"
      onSubmit={(e) => {
        e.preventDefault();
        const url = value.length <= MAX_URL_LENGTH ? parseUserUrl(value) : null;
        if (!url) {
          setError('Enter a web address, such as https://example.org');
          input.current?.focus();
          return;
        }
        onAdd(url, title.trim());
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onPaste={(e) => e.stopPropagation()}
    >
      <label className="board-linkform__label" htmlFor={`${id}-url`}>
        Link address
      </label>
      <div className="board-linkform__row">
        <UrlInput
          id={`${id}-url`}
          inputRef={input}
          className="tool-input board-linkform__input"
          value={value}
          error={error}
          onValue={(v) => {
            setValue(v);
            setError(null);
          }}
        />
        <button type="submit" className="tool-button tool-button--primary board-button">
          Add
        </button>
        <button type="button" className="tool-button board-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <UrlInputError id={`${id}-url`} error={error} className="board-linkform__error" />
      <label className="board-linkform__label board-linkform__label--second" htmlFor={`${id}-title`}>
        Title <span className="board-linkform__optional">(optional)</span>
      </label>
      <input
        id={`${id}-title`}
        className="tool-input board-linkform__input board-linkform__title"
        type="text"
        autoComplete="off"
        maxLength={MAX_LINK_TITLE_LENGTH}
        placeholder="The page's own title"
        aria-describedby={`${id}-title-hint`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <p id={`${id}-title-hint`} className="board-linkform__hint">
        Left empty, the card shows the page's title once it has been looked up.
      </p>
    </form>
  );
}
