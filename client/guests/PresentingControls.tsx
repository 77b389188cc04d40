/** The facilitator's presenting tools in the facilitation panel: audience mode and guest links. */
import { useState } from 'react';
import type { AudienceState } from '../../shared/facilitation/audience.ts';
import { errorMessage } from '../api/http.ts';
import type { RoomConnection } from '../collab/RoomConnection.ts';
import { AudienceControls } from './AudienceControls.tsx';
import { GuestLinksPanel } from './GuestLinksPanel.tsx';

export function PresentingControls(props: { sessionId: string; audience: AudienceState; conn: RoomConnection | null }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {props.conn && <AudienceControls sessionId={props.sessionId} audience={props.audience} conn={props.conn} onError={(e) => setError(errorMessage(e))} />}
      {error && <p className="fac-error" role="alert">{error}</p>}
      <GuestLinksPanel sessionId={props.sessionId} />
    </>
  );
}
