/** The small "Pin" button next to a notes block or board item in the archive. */
import { Button } from '../../components/Button.tsx';

export interface PinButtonProps {
  /** What is pinned, for the accessible name ("Pin “Agreed: buddy rota”"). */
  what: string;
  busy: boolean;
  onPin: () => void;
}

export function PinButton({ what, busy, onPin }: PinButtonProps) {
  const short = what.length > 60 ? `${what.slice(0, 59)}…` : what;
  return (
    <Button size="sm" variant="ghost" className="archive-pin" loading={busy} onClick={onPin} title="Pin to the community page">
      Pin<span className="sr-only"> “{short}” to the community page</span>
    </Button>
  );
}
