/**
 * Loading indicators: a spinner for short waits on an action, skeleton blocks for content whose
 * shape is known (so the page does not jump when it arrives).
 */
import type { CSSProperties } from 'react';

/** A spinning ring. Announces `label` unless `decorative` (e.g. inside a button that says it is busy). */
export function Spinner({ size = 'md', label = 'Loading…', decorative = false }: { size?: 'sm' | 'md'; label?: string; decorative?: boolean }) {
  if (decorative) return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
  return (
    <span role="status" className="spinner-wrap">
      <span className={`spinner spinner--${size}`} aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** One grey shimmering block. */
export function Skeleton({ width, height = 16, radius, className }: { width?: number | string; height?: number | string; radius?: number; className?: string }) {
  const style: CSSProperties = { width, height, borderRadius: radius };
  return <span className={['skeleton', className].filter(Boolean).join(' ')} style={style} aria-hidden="true" />;
}

/** Placeholder for a block of content: a few text lines, announced once as loading. */
export function SkeletonBlock({ lines = 3, label = 'Loading…', className }: { lines?: number; label?: string; className?: string }) {
  return (
    <div className={['skeleton-block', className].filter(Boolean).join(' ')} role="status">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === lines - 1 && lines > 1 ? '60%' : '100%'} />
      ))}
    </div>
  );
}
