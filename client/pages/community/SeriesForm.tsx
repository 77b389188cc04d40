/**
 * Define a recurring series: title, how it repeats (weekly, every two weeks, or the nth weekday of the
 * month), local time and time zone, first date, format and duration. The rule is built from pickers.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { SeriesDto } from '../../../shared/api/seriesSchemas.ts';
import { SESSION_FORMAT_LABELS, SESSION_FORMATS, type SessionFormat } from '../../../shared/api/sessionFormats.ts';
import { WEEKDAYS, type Weekday } from '../../../shared/recurrence.ts';
import { api, fieldErrors } from '../../api/http.ts';
import { nextHourInputs } from '../../app/datetime.ts';
import { useFocusFirstError } from '../../app/useFocusFirstError.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Field } from '../../components/Field.tsx';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = 'Give the series a title';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) local.startDate = 'Choose the first date';
    if (!/^\d{2}:\d{2}$/.test(time)) local.time = 'Choose a time';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const created = await api.post<SeriesDto>(`/api/communities/${encodeURIComponent(communityId)}/series`, {
        title: title.trim(),
        rule: buildSeriesRule({ repeat, weekday, nth }),
        timeZone,
        startDate,
        startTime: time,
        format,
        durationMinutes: Number(duration),
      });
      onCreated(created);
    } catch (err) {
      const byField = fieldErrors(err);
      if (byField.startTime) byField.time = byField.startTime;
      if (byField.rule) byField.repeat = byField.rule;
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

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
        <Field label="Format" kind="select" hint="Each session starts with this format’s agenda." error={errors.format}>
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
        <Field label="Duration" kind="select" error={errors.durationMinutes}>
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
      </div>
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={busy}>
          {busy ? 'Creating…' : 'Create series'}
        </Button>
      </div>
    </form>
  );
}
