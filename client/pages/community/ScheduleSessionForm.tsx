/**
 * Schedule a session: title, local date and time (sent as ISO with this device's offset, so members
 * elsewhere see it at their own local time), duration, format and whether to start from the format's
 * template agenda.
 */
import { useState } from 'react';
import type { SessionDto } from '../../../shared/api/schemas.ts';
import type { SessionFormat } from '../../../shared/api/sessionFormats.ts';
import { AGENDA_TEMPLATES } from '../../../shared/templates.ts';
import { api } from '../../api/http.ts';
import { localDateTimeToIso, nextHourInputs } from '../../app/datetime.ts';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Field } from '../../components/Field.tsx';
import { DurationField, FormActions, FormatField } from '../../components/FormParts.tsx';
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
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { errors, failure, busy, form, onSubmit } = useFormSubmit({
    validate: () => {
      const local: Record<string, string> = {};
      if (!title.trim()) local.title = 'Give the session a title';
      if (!localDateTimeToIso(date, time)) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local.date = 'Choose a date';
        else local.time = 'Choose a time';
      }
      return local;
    },
    send: () =>
      api.post<SessionDto>(`/api/communities/${encodeURIComponent(communityId)}/sessions`, {
        title: title.trim(),
        startsAt: localDateTimeToIso(date, time),
        format,
        durationMinutes: Number(duration),
        template,
      }),
    onDone: onCreated,
    placeError: (_err, byField) => {
      // The API names the start "startsAt"; the form shows it under the date.
      if (byField.startsAt) byField.date = byField.startsAt;
      if (byField.durationMinutes) byField.duration = byField.durationMinutes;
    },
  });

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
        <DurationField value={duration} onChange={setDuration} choices={DURATIONS} error={errors.duration} />
        <FormatField value={format} onChange={setFormat} error={errors.format} />
      </div>
      <label className="checkbox-field">
        <input type="checkbox" name="template" checked={template} onChange={(e) => setTemplate(e.target.checked)} />
        <span>
          Start with the usual agenda for this format
          <span className="field__hint"> ({AGENDA_TEMPLATES[format].map((t) => `${t.title} ${t.minutes}′`).join(', ')})</span>
        </span>
      </label>
      <FormActions busy={busy} submitLabel="Schedule session" busyLabel="Scheduling…" onCancel={onCancel} />
    </form>
  );
}
