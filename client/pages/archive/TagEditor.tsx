/** Hosts and facilitators edit a session's tags here: one comma-separated field, saved on submit. */
import { useId, useState, type FormEvent } from 'react';
import { MAX_TAG_LENGTH, MAX_TAGS, normalizeTags, type SessionTagsDto } from '../../../shared/knowledge/tags.ts';
import { api, errorMessage } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { useToast } from '../../components/Toast.tsx';

export interface TagEditorProps {
  sessionId: string;
  tags: string[];
  onSaved: (tags: string[]) => void;
  onCancel: () => void;
}

/** What is wrong with the typed tags, or null. */
export function tagProblem(tags: string[]): string | null {
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  return long ? `“${long.slice(0, 20)}…” is longer than ${MAX_TAG_LENGTH} characters.` : null;
}

export function TagEditor({ sessionId, tags, onSaved, onCancel }: TagEditorProps) {
  const id = useId();
  const toast = useToast();
  const [text, setText] = useState(tags.join(', '));
  const [saving, setSaving] = useState(false);
  const parsed = normalizeTags(text.split(','));
  const problem = tagProblem(parsed);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setSaving(true);
    try {
      const res = await api.put<SessionTagsDto>(`/api/sessions/${encodeURIComponent(sessionId)}/tags`, { tags: parsed });
      onSaved(res.tags);
      toast('Tags saved.');
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={`tag-editor field${problem ? ' field--invalid' : ''}`} onSubmit={submit}>
      <label htmlFor={`${id}-tags`} className="field__label">
        Tags
      </label>
      <input
        id={`${id}-tags`}
        className="input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
        autoFocus
        placeholder="e.g. onboarding, case review"
      />
      <p id={`${id}-hint`} className={problem ? 'field__error' : 'field__hint'}>
        {problem ?? 'Separate tags with commas.'}
      </p>
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" loading={saving} disabled={!!problem}>
          Save tags
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
