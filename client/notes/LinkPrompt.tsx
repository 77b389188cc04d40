/**
 * The inline prompt for a link address (instead of window.prompt): a small labelled form under the
 * toolbar that accepts web addresses only and returns focus to the editor when it closes.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { parseUserUrl } from '../../shared/doc/layout.ts';
import { UrlInput, UrlInputError } from '../components/UrlInput.tsx';
import { isAllowedNotesHref } from './notesSchema.ts';

export interface LinkPromptProps {
  editor: Editor;
  onClose: () => void;
}

/** Edits the link at the selection: sets it, changes it, or removes it. */
export function LinkPrompt({ editor, onClose }: LinkPromptProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const existing = editor.isActive('link') ? String(editor.getAttributes('link').href ?? '') : '';
  const [value, setValue] = useState(existing);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const url = parseUserUrl(value);
    if (!url || !isAllowedNotesHref(url.href)) {
      setError('Enter a web address, like https://example.org');
      input.current?.focus();
      return;
    }
    const href = url.href;
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the link text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <form className="panel-bar notes-link" onSubmit={apply} onKeyDown={onKeyDown} aria-label="Link" noValidate>
      <label className="notes-link__label" htmlFor={`${id}-url`}>
        Link address
      </label>
      <UrlInput
        id={`${id}-url`}
        inputRef={input}
        className="tool-input notes-link__input"
        placeholder="https://"
        autoComplete="url"
        value={value}
        error={error}
        onValue={(v) => {
          setValue(v);
          setError(null);
        }}
      />
      <button type="submit" className="tool-button tool-button--primary">
        {existing ? 'Update' : 'Add link'}
      </button>
      {existing && (
        <button type="button" className="tool-button" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" className="tool-button" onClick={close}>
        Cancel
      </button>
      <UrlInputError id={`${id}-url`} error={error} className="notes-link__error" />
    </form>
  );
}
