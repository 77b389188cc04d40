/**
 * Schedule a session: title, local date and time (sent as ISO with this device's offset, so members
 * elsewhere see it at their own local time), duration, format and whether to start from the format's
 * template agenda.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { SessionDto } from '../../../shared/api/schemas.ts';
import { SESSION_FORMAT_LABELS, SESSION_FORMATS, type SessionFormat } from '../../../shared/api/sessionFormats.ts';
import { AGENDA_TEMPLATES } from '../../../shared/templates.ts';
import { api, fieldErrors } from '../../api/http.ts';
import { localDateTimeToIso, nextHourInputs } from '../../app/datetime.ts';
import { useFocusFirstError } from '../../app/useFocusFirstError.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Field } from '../../components/Field.tsx';
import './series.css';

const DURATIONS = [30, 45, 60, 90, 120, 180] as const;

export interface ScheduleSessionFormProps {
  communityId: string;
  onCreated: (s: SessionDto) => void;
  onCancel: () => void;
}

/** The form (used inside a dialog on the community page). */
export function ScheduleSessionForm({ communityId, onCreated, onCancel }: ScheduleSessionFormProps) {
  const defaults = nextHourInputs();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(defaults.date);
  const [time, setTime] = useState(defaults.time);
  const [duration, setDuration] = useState('60');
  const [format, setFormat] = useState<SessionFormat>('open_discussion');
  const [template, setTemplate] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const startsAt = localDateTimeToIso(date, time);
    if (!title.trim()) local.title = 'Give the session a title';
    if (!startsAt) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local.date = 'Choose a date';
      else local.time = 'Choose a time';
    }
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0 || !startsAt) return;
    setBusy(true);
    try {
      const created = await api.post<SessionDto>(`/api/communities/${encodeURIComponent(communityId)}/sessions`, {
        title: title.trim(),
        startsAt,
        format,
        durationMinutes: Number(duration),
        template,
      });
      onCreated(created);
    } catch (err) {
      const byField = fieldErrors(err);
      // The API names the start "startsAt"; the form shows it under the date.
      if (byField.startsAt) byField.date = byField.startsAt;
      if (byField.durationMinutes) byField.duration = byField.durationMinutes;
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="stack" onSubmit={onSubmit} noValidate>
      {failure !== null && <ErrorBanner error={failure} title="The session was not scheduled." />}
      <Field label="Title" error={errors.title}>
        {(p) => <input {...p} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <div className="form-row">
        <Field label="Date" error={errors.date}>
          {(p) => <input {...p} type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label="Start time" hint={zone ? `Your time zone: ${zone}` : undefined} error={errors.time}>
          {(p) => <input {...p} type="time" name="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Duration" kind="select" error={errors.duration}>
          {(p) => (
            <select {...p} name="duration" value={duration} onChange={(e) => setDuration(e.target.value)}>
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? `${m} minutes` : m === 60 ? '1 hour' : `${m / 60} hours`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Format" kind="select" error={errors.format}>
          {(p) => (
            <select {...p} name="format" value={format} onChange={(e) => setFormat(e.target.value as SessionFormat)}>
              {SESSION_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {SESSION_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" name="template" checked={template} onChange={(e) => setTemplate(e.target.checked)} />
        <span>
          Start with the usual agenda for this format
          <span className="field__hint"> ({AGENDA_TEMPLATES[format].map((t) => `${t.title} ${t.minutes}′`).join(', ')})</span>
        </span>
      </label>
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={busy}>
          {busy ? 'Scheduling…' : 'Schedule session'}
        </Button>
      </div>
    </form>
  );
}
