/** What a guest sees once their link was revoked or expired (SPEC R15): the session is closed to them. */
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import './guests.css';

export function GuestAccessEnded() {
  useDocumentTitle('Guest access ended');
  return (
    <div className="page page--narrow">
      <div className="card auth-card guest-ended" role="alert">
        <h1>Your guest access has ended</h1>
        <p>The guest link you used has expired or was revoked, so you can no longer see or change this session.</p>
        <p>If you still need access, ask the person who invited you for a new link.</p>
      </div>
    </div>
  );
}
