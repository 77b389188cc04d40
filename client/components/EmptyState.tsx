/** What a list shows when it has nothing in it yet: what would be here, and how to add the first one. */
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** Usually one button or link that creates the first item. */
  action?: ReactNode;
  /** Heading level of the title, to fit the page's outline. */
  level?: 1 | 2 | 3;
}

/** A calm, centred note with an optional call to action. */
export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const H = (['h1', 'h2', 'h3'] as const)[level - 1];
  return (
    <div className="empty-state">
      <H className="empty-state__title">{title}</H>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
