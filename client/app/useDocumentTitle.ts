/** Sets the tab title per page ("Sign in · Commonplace"), which is also what screen readers announce on arrival. */
import { useEffect } from 'react';

export const APP_NAME = 'Commonplace';

/** Titles the document while the page is shown; null leaves the title alone (e.g. while loading). */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
