/**
 * Define a recurring series: title, how it repeats (weekly, every two weeks, or the nth weekday of the
 * month), local time and time zone, first date, format and duration. The rule is built from pickers.
 */
import { useState } from 'react';
import type { SeriesDto } from '../../../shared/api/seriesSchemas.ts';
import type { SessionFormat } from '../../../shared/api/sessionFormats.ts';
import { WEEKDAYS, type Weekday } from '../../../shared/recurrence.ts';
import { api } from '../../api/http.ts';
import { nextHourInputs } from '../../app/datetime.ts';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Field } from '../../components/Field.tsx';
import { DurationField, FormActions, FormatField } from '../../components/FormParts.tsx';
import { NTH_OPTIONS, WEEKDAY_LABELS, buildSeriesRule, timeZoneOptions, type SeriesPickers } from './seriesRule.ts';

const DURATIONS = [30, 45, 60, 90, 120] as const;

export interface SeriesFormProps {
  communityId: string;
  onCreated: (s: SeriesDto) => void;
  onCancel: () => void;
}

/** The form (used inside a dialog on the community page). */
export function SeriesForm({ communityId, onCreated, onCancel }: SeriesFormProps) {
  const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [zones] = useState(() => timeZoneOptions(ownZone));
  const [title, setTitle] = useState('');
  const [repeat, setRepeat] = useState<SeriesPickers['repeat']>('monthly');
  const [nth, setNth] = useState('1');
  const [weekday, setWeekday] = useState<Weekday>('MO');
  const [time, setTime] = useState('16:00');
  const [timeZone, setTimeZone] = useState(ownZone);
  const [startDate, setStartDate] = useState(() => nextHourInputs().date);
  const [format, setFormat] = useState<SessionFormat>('presentation_qa');
  const [duration, setDuration] = useState('60');
  const { errors, failure, busy, form, onSubmit } = useFormSubmit({
    validate: () => {
      const local: Record<string, string> = {};
      if (!title.trim()) local.title = 'Give the series a title';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) local.startDate = 'Choose the first date';
      if (!/^\d{2}:\d{2}$/.test(time)) local.time = 'Choose a time';
      return local;
    },
    send: () =>
      api.post<SeriesDto>(`/api/communities/${encodeURIComponent(communityId)}/series`, {
        title: title.trim(),
        rule: buildSeriesRule({ repeat, weekday, nth }),
        timeZone,
        startDate,
        startTime: time,
        format,
        durationMinutes: Number(duration),
      }),
    onDone: onCreated,
    placeError: (_err, byField) => {
      if (byField.startTime) byField.time = byField.startTime;
      if (byField.rule) byField.repeat = byField.rule;
    },
  });

  return (
    <form ref={form} className="stack" onSubmit={onSubmit} noValidate>
      {failure !== null && <ErrorBanner error={failure} title="The series was not created." />}
      <Field label="Title" hint="For example “Mentoring Monday”." error={errors.title}>
        {(p) => <input {...p} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <div className="form-row">
        <Field label="Repeats" kind="select" error={errors.repeat}>
          {(p) => (
            <select {...p} name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value as SeriesPickers['repeat'])}>
              <option value="monthly">Monthly</option>
              <option value="weekly">Every week</option>
              <option value="biweekly">Every two weeks</option>
            </select>
          )}
        </Field>
        {repeat === 'monthly' && (
          <Field label="Which" kind="select">
            {(p) => (
              <select {...p} name="nth" value={nth} onChange={(e) => setNth(e.target.value)}>
                {NTH_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Weekday" kind="select">
          {(p) => (
            <select {...p} name="weekday" value={weekday} onChange={(e) => setWeekday(e.target.value as Weekday)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {WEEKDAY_LABELS[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Time" error={errors.time}>
          {(p) => <input {...p} type="time" name="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
        <Field label="Time zone" kind="select" hint="The series keeps this local time when clocks change." error={errors.timeZone}>
          {(p) => (
            <select {...p} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Starting from" error={errors.startDate}>
          {(p) => <input {...p} type="date" name="startDate" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
        </Field>
        <FormatField value={format} onChange={setFormat} hint="Each session starts with this format’s agenda." error={errors.format} />
        <DurationField value={duration} onChange={setDuration} choices={DURATIONS} error={errors.durationMinutes} />
      </div>
      <FormActions busy={busy} submitLabel="Create series" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
