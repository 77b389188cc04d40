/**
 * Add a link to the community's resource library by hand: URL, title and an optional note. Once the
 * address is entered, an empty title is prefilled with the page's own (server link preview); the person
 * can change it, and the form works the same when no title can be found.
 */
import { useEffect, useRef, useState } from 'react';
import { parseUserUrl } from '../../../shared/doc/layout.ts';
import { normalizeUrl } from '../../../shared/knowledge/normalizeUrl.ts';
import { RESOURCE_NOTE_MAX, RESOURCE_TITLE_MAX, RESOURCE_URL_MAX, type ResourceDto } from '../../../shared/knowledge/resources.ts';
import { api } from '../../api/http.ts';
import { fetchLinkPreview } from '../../api/linkPreview.ts';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormParts.tsx';

export interface AddResourceFormProps {
  communityId: string;
  onAdded: (r: ResourceDto) => void;
  onCancel: () => void;
}

/** The inline form under the library's filters. */
export function AddResourceForm({ communityId, onAdded, onCancel }: AddResourceFormProps) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [lookingUp, setLookingUp] = useState(false);
  const lookup = useRef<AbortController | null>(null);
  useEffect(() => () => lookup.current?.abort(), []);

  /** After the address is entered: an empty title gets the page's own; one the person typed is kept. */
  const prefillTitle = async () => {
    const target = parseUserUrl(url.trim());
    if (!target || title.trim()) return;
    lookup.current?.abort();
    const ctl = new AbortController();
    lookup.current = ctl;
    setLookingUp(true);
    const found = (await fetchLinkPreview(target.href, ctl.signal))?.title;
    if (ctl.signal.aborted) return;
    setLookingUp(false);
    if (found) setTitle((typed) => (typed.trim() ? typed : found.slice(0, RESOURCE_TITLE_MAX)));
  };
  const stopLookup = () => {
    lookup.current?.abort();
    setLookingUp(false);
  };

  const { errors, failure, busy, form, onSubmit } = useFormSubmit({
    // The same checks as the server's schema, so most mistakes are shown without a round trip.
    validate: () => {
      const local: Record<string, string> = {};
      if (!url.trim()) local.url = 'Enter a web address';
      else if (!normalizeUrl(url)) local.url = 'Enter a web address starting with http:// or https://';
      if (!title.trim()) local.title = 'Give the resource a title';
      return local;
    },
    send: () => api.post<ResourceDto>(`/api/communities/${encodeURIComponent(communityId)}/resources`, { url: url.trim(), title: title.trim(), note: note.trim() }),
    onDone: onAdded,
  });

  return (
    <form ref={form} className="stack res-add" onSubmit={onSubmit} noValidate aria-label="Add a resource">
      {failure !== null && <ErrorBanner error={failure} title="The resource was not added." />}
      <Field label="Web address" hint="For example https://example.org/guide" error={errors.url}>
        {(p) => (
          <input
            {...p}
            name="url"
            type="url"
            inputMode="url"
            maxLength={RESOURCE_URL_MAX}
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              stopLookup();
            }}
            onBlur={() => void prefillTitle()}
            autoFocus
          />
        )}
      </Field>
      <Field label="Title" hint={lookingUp ? "Looking up the page's title…" : undefined} error={errors.title}>
        {(p) => <input {...p} name="title" maxLength={RESOURCE_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <p className="sr-only" role="status">
        {lookingUp ? "Looking up the page's title" : ''}
      </p>
      <Field label="Note" optional hint="Why it is useful, or which part to read." error={errors.note} kind="textarea">
        {(p) => <textarea {...p} name="note" rows={2} maxLength={RESOURCE_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormActions busy={busy} submitLabel="Add resource" onCancel={onCancel} />
    </form>
  );
}
