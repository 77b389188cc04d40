/**
 * The submit flow every form here shares: check the fields locally, send, put the server's field
 * issues next to their fields (and anything else in a banner), focus the first field in error, and
 * keep the button busy meanwhile. Forms keep their own field state and pass the checks and the call.
 */
import { useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../api/http.ts';
import { useFocusFirstError } from './useFocusFirstError.ts';

export interface FormSubmitOptions<R> {
  /** Local checks: field name → message; empty when the form may be sent. */
  validate: () => Record<string, string>;
  /** Sends the form; throws the server's refusal. */
  send: () => Promise<R>;
  /** Called with the server's answer. */
  onDone?: (result: R) => void;
  /** Renames the server's field names to the form's (e.g. `startsAt` shown under `date`), in place. */
  placeError?: (err: unknown, byField: Record<string, string>) => void;
}

/** Field errors, the failure for a banner, busy, the form ref and the submit handler. */
export function useFormSubmit<R>({ validate, send, onDone, placeError }: FormSubmitOptions<R>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validate();
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const result = await send();
      onDone?.(result);
    } catch (err) {
      const byField = fieldErrors(err);
      placeError?.(err, byField);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, form, onSubmit };
}
