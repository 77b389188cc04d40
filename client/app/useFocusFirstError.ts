/**
 * After a failed submit, moves focus to the first invalid control so keyboard and screen-reader users
 * land on the problem (its error is read out through aria-describedby).
 */
import { useEffect, type RefObject } from 'react';

/** Focuses the first `[aria-invalid="true"]` control in `form` whenever `errors` changes to a non-empty set. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: Record<string, string>) {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
