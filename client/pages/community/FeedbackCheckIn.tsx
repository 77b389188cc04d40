/**
 * The end-of-session check-in: "How valuable was this?" (1–5, a radio group) and "What should we
 * focus on next?". One answer per member per session; sending again replaces it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { MyFeedbackDto } from '../../../shared/api/seriesSchemas.ts';
import { api, errorMessage } from '../../api/http.ts';
import { useApi } from '../../api/useApi.ts';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { useToast } from '../../components/Toast.tsx';
import './series.css';

const SCALE = [
  { value: 1, label: 'Not at all' },
  { value: 2, label: 'A little' },
  { value: 3, label: 'Somewhat' },
  { value: 4, label: 'Very' },
  { value: 5, label: 'Extremely' },
] as const;

export interface FeedbackCheckInProps {
  sessionId: string;
  /** Called after the answer was saved. */
  onSaved?: () => void;
}

/** The check-in form, prefilled with the member's earlier answer. */
export function FeedbackCheckIn({ sessionId, onSaved }: FeedbackCheckInProps) {
  const url = `/api/sessions/${encodeURIComponent(sessionId)}/feedback`;
  const mine = useApi<MyFeedbackDto>(`${url}/mine`);
  const [valuable, setValuable] = useState<number | null>(null);
  const [focusNext, setFocusNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const legendId = useId();

  useEffect(() => {
    const m = mine.data?.mine;
    if (m) {
      setValuable(m.valuable);
      setFocusNext(m.focusNext);
    }
  }, [mine.data]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (valuable === null) {
      setError('Choose how valuable the session was');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await api.post<MyFeedbackDto>(url, { valuable, focusNext: focusNext.trim() });
      mine.setData(() => saved);
      toast('Thank you — your check-in is saved.');
      onSaved?.();
    } catch (err) {
      toast(`Your check-in was not saved: ${errorMessage(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack checkin" onSubmit={onSubmit} noValidate>
      <fieldset className="checkin__scale" aria-describedby={error ? `${legendId}-error` : undefined}>
        <legend id={legendId} className="field__label">
          How valuable was this session?
        </legend>
        <div className="checkin__options">
          {SCALE.map((s) => (
            <label key={s.value} className="checkin__option">
              <input type="radio" name={`valuable-${sessionId}`} value={s.value} checked={valuable === s.value} onChange={() => setValuable(s.value)} />
              <span className="checkin__number">{s.value}</span>
              <span className="checkin__label">{s.label}</span>
            </label>
          ))}
        </div>
        {error && (
          <p className="field__error" id={`${legendId}-error`}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
      </fieldset>
      <Field label="What should we focus on next?" optional kind="textarea">
        {(p) => <textarea {...p} name="focusNext" rows={3} maxLength={1000} value={focusNext} onChange={(e) => setFocusNext(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={busy}>
          {mine.data?.mine ? 'Update my check-in' : 'Send check-in'}
        </Button>
      </div>
    </form>
  );
}
