/**
 * Form pieces that several forms ask for in the same words: the session duration and format pickers,
 * and the row of Cancel + submit buttons at the foot of a form.
 */
import type { ReactNode } from 'react';
import { SESSION_FORMAT_LABELS, SESSION_FORMATS, type SessionFormat } from '../../shared/api/sessionFormats.ts';
import { Button } from './Button.tsx';
import { Field } from './Field.tsx';

/** "30 minutes", "1 hour", "1.5 hours". */
export function durationLabel(minutes: number): string {
  return minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

/** A "Duration" select over `choices` (minutes); the value is kept as the select's string. */
export function DurationField({ value, onChange, choices, error }: { value: string; onChange: (v: string) => void; choices: readonly number[]; error?: string }) {
  return (
    <Field label="Duration" kind="select" error={error}>
      {(p) => (
        <select {...p} name="duration" value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {durationLabel(m)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A "Format" select over the session formats. */
export function FormatField({ value, onChange, hint, error }: { value: SessionFormat; onChange: (v: SessionFormat) => void; hint?: string; error?: string }) {
  return (
    <Field label="Format" kind="select" hint={hint} error={error}>
      {(p) => (
        <select {...p} name="format" value={value} onChange={(e) => onChange(e.target.value as SessionFormat)}>
          {SESSION_FORMATS.map((f) => (
            <option key={f} value={f}>
              {SESSION_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface FormActionsProps {
  busy: boolean;
  submitLabel: string;
  busyLabel?: string;
  /** A Cancel button calling this; or pass `cancel` for a link. */
  onCancel?: () => void;
  cancel?: ReactNode;
  className?: string;
}

/** Cancel, then the primary submit button (busy while the form is sent). */
export function FormActions({ busy, submitLabel, busyLabel, onCancel, cancel, className = 'form-actions' }: FormActionsProps) {
  return (
    <div className={className}>
      {cancel ??
        (onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ))}
      <Button type="submit" variant="primary" loading={busy}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </Button>
    </div>
  );
}
