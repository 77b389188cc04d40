/**
 * A live session room: the header (title, community, format, time, who is here, save status), then
 * the agenda, notes and board, all editing one shared Yjs document. The panels are separate chunks,
 * loaded only here, so the rest of the app stays light.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearch } from 'wouter';
import { FOCUS_PARAM, parseFocus } from '../../shared/knowledge/focus.ts';
import type { CommunityDto, MemberDto, SessionDto } from '../../shared/api/schemas.ts';
import { SESSION_FORMAT_LABELS } from '../../shared/api/sessionFormats.ts';
import { canEditRoom, canManageSessions, type Role } from '../../shared/roles.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { useApi } from '../api/useApi.ts';
import { formatDateTime, formatDuration } from '../app/datetime.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../app/useMe.tsx';
import { useRoomConnection } from '../collab/hooks.ts';
import { useControlDoc } from '../collab/useControlDoc.ts';
import { FacilitationArea } from '../facilitation/FacilitationArea.tsx';
import { facilitationApi } from '../facilitation/facilitationApi.ts';
import { useControl, useMyFacilitation } from '../facilitation/useControl.ts';
import { useDraftRoom } from '../facilitation/useDraftRoom.ts';
import { useBoardFacilitation } from '../facilitation/useBoardFacilitation.ts';
import { useFollowMe } from '../facilitation/useFollowMe.ts';
import { PageState } from '../components/PageState.tsx';
import { Skeleton, SkeletonBlock } from '../components/Spinner.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { RoomPanels } from './session/RoomPanels.tsx';
import { SaveStatusIndicator } from './session/SaveStatusIndicator.tsx';
import { EndSessionButton } from './session/EndSessionButton.tsx';
import { useNotesFocus } from './session/useNotesFocus.ts';
import { BreakoutsArea, BreakoutsToggle } from '../facilitation/breakouts/BreakoutsArea.tsx';
import { useBreakoutRoom } from '../facilitation/breakouts/useBreakoutRoom.ts';
import type { GuestDto } from '../../shared/api/guestSchemas.ts';
import { ApiError } from '../api/http.ts';
import { GuestAccessEnded } from '../guests/GuestAccessEnded.tsx';
import { heldByAudience } from '../guests/audienceState.ts';
import { useAgendaJump } from '../guests/useAgendaJump.ts';
import { PresentingControls } from '../guests/PresentingControls.tsx';
import { CatchUpPanel } from './catchup/CatchUpPanel.tsx';
import { useCatchUp } from './catchup/useCatchUp.ts';
import './session/focus.css';

const Board = lazy(() => import('../board/Board.tsx'));
const NotesEditor = lazy(() => import('../notes/NotesEditor.tsx'));
const AgendaPanel = lazy(() => import('../agenda/AgendaPanel.tsx'));

/** `GET /api/sessions/:id`. */
export interface SessionResponse {
  session: SessionDto;
  community: CommunityDto;
  myRole: Role | null;
  /** Set when I am here as a guest (a guest link, issue 4 item 10). */
  guest?: GuestDto;
}

/** The /s/:sessionId page (default export: it is loaded lazily). */
export default function SessionPage({ sessionId, asGuest = false }: { sessionId: string; asGuest?: boolean }) {
  const res = useApi<SessionResponse>(`/api/sessions/${encodeURIComponent(sessionId)}`);
  useDocumentTitle(res.data ? res.data.session.title : res.error ? 'Session' : null);
  // A guest whose link was revoked or expired is refused from then on (SPEC R15): say so plainly.
  if (asGuest && res.error instanceof ApiError && (res.error.status === 401 || res.error.status === 404)) return <GuestAccessEnded />;

  if (!res.data) return <PageState resource={res} errorTitle="Could not open this session" loadingLabel="Opening the session…" lines={3} />;
  return <SessionRoom data={res.data} onAuthorizationChanged={res.reload} />;
}

function SessionRoom({ data: { session, community, myRole, guest }, onAuthorizationChanged }: { data: SessionResponse; onAuthorizationChanged: () => void }) {
  const { me } = useMe();
  // Not a member (e.g. an open community's session opened by link): follow along without editing.
  const role: Role = myRole ?? 'viewer';
  // A guest is in the rooms under its guest identity, and edits only with an edit link.
  const presenceUser = useMemo(
    () => (guest ? { id: guest.id, name: guest.name, color: guest.color } : me ? { id: me.id, name: me.name, color: me.color } : null),
    [me, guest],
  );
  const roleCanEdit = guest ? guest.permission === 'edit' : canEditRoom(role);
  // Facilitation state (timer, Q&A, hands, follow-me, votes): read-only, written by the server.
  const facilitator = !guest && canManageSessions(role);
  const ctlConn = useControlDoc(myRole || guest ? session.room : null, presenceUser);
  const control = useControl(ctlConn);
  // Audience mode (SPEC R14): the server refuses my edits, so the editors are off (the room reconnects read-only).
  const audienceHeld = heldByAudience(control.audience, presenceUser ? { id: presenceUser.id, facilitator } : null, roleCanEdit);
  const canEdit = roleCanEdit && !audienceHeld;
  // During breakouts the board and notes are my group's (or a visited group's) room: the server moves me.
  const breakoutRoom = useBreakoutRoom(session.room, control.breakouts, presenceUser?.id ?? null);
  const [breakoutsOpen, setBreakoutsOpen] = useState(false);
  const conn = useRoomConnection(breakoutRoom.room, presenceUser, canEdit);
  const actions = useMemo(() => facilitationApi(session.id), [session.id]);
  const my = useMyFacilitation(session.id, `${control.voteRound?.id ?? ''}:${control.polls.length}`);
  const follow = useFollowMe(control.follow, me?.id ?? null, facilitator ? actions : null, ignoreError);
  const boardFacilitation = useBoardFacilitation(control, my.mine, facilitator, actions);
  const drafts = useDraftRoom(session.room, myRole ? presenceUser : null, control.privateMode, { facilitator, canEdit });
  // The server closes our socket with AuthorizationChanged when our role changes: fetch the new role so
  // the page's edit controls follow what the server now allows.
  useEffect(() => {
    if (!conn) return;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.AuthorizationChanged) onAuthorizationChanged();
    };
    conn.provider.on('connection-close', onClose);
    return () => conn.provider.off('connection-close', onClose);
  }, [conn, onAuthorizationChanged]);
  const members = useApi<{ members: MemberDto[] }>(myRole ? `/api/communities/${encodeURIComponent(community.id)}/members` : null);
  // `?focus=<kind>:<itemId>` from a search result or a pin: open the session at that place.
  // A facilitator's "bring everyone there" (the current agenda item's linked content) wins over the URL.
  const jumpTarget = useAgendaJump(control.jump, my.offsetMs);
  const focus = jumpTarget ?? parseFocus(new URLSearchParams(useSearch()).get(FOCUS_PARAM));
  const focusOn = (kind: 'agenda' | 'notes' | 'board') => (focus?.kind === kind ? focus.itemId : undefined);
  useNotesFocus(focusOn('notes'));
  const memberList = members.data?.members ?? EMPTY_MEMBERS;
  // What happened before I arrived (or since I last looked); marks the session seen as I stay.
  const catchUp = useCatchUp(session.id, myRole !== null);

  const panel = (what: string, lines: number, render: () => ReactNode) => (
    <ErrorBoundary what={what}>
      {conn ? (
        <Suspense fallback={<SkeletonBlock lines={lines} label={`Loading ${what}…`} className="room-skeleton" />}>{render()}</Suspense>
      ) : (
        <SkeletonBlock lines={lines} label={`Connecting ${what}…`} className="room-skeleton" />
      )}
    </ErrorBoundary>
  );

  return (
    <div className="room">
      <div className="room-header">
        <div className="room-header__title">
          <p className="room-header__community">
            <Link href={`/c/${encodeURIComponent(community.id)}`}>{community.name}</Link>
          </p>
          <h1>{session.title}</h1>
          <p className="page-header__meta room-header__meta">
            <span>{SESSION_FORMAT_LABELS[session.format] ?? session.format}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
            <span aria-hidden="true"> · </span>
            <span>{formatDuration(session.durationMinutes)}</span>
            <span aria-hidden="true"> · </span>
            {audienceHeld ? (
              <span className="badge badge--view-only badge--audience" role="status" title="The facilitator has made this session view-only for now; they can hand you the pen">
                View only — audience mode
              </span>
            ) : canEdit && guest ? (
              <span className="badge" title="You are here through a guest link, for this session only">Guest</span>
            ) : canEdit ? (
              <RoleBadge role={role} srPrefix="Your role:" />
            ) : (
              // Replaces the role badge: for a viewer, what matters is that edits are off.
              <span className="badge badge--view-only" title="You can follow this session but not change it">
                View only
              </span>
            )}
          </p>
        </div>
        <div className="room-header__status">
          {conn && presenceUser ? <PresenceList conn={conn} meId={presenceUser.id} /> : <Skeleton width={160} height={28} />}
          {conn ? <SaveStatusIndicator conn={conn} /> : <span className="save-status save-status--busy">Connecting…</span>}
          {facilitator && myRole && presenceUser && (
            <BreakoutsToggle state={control.breakouts} open={breakoutsOpen} onToggle={() => setBreakoutsOpen((o) => !o)} />
          )}
          {facilitator && myRole && <EndSessionButton sessionId={session.id} />}
        </div>
      </div>
      <CatchUpPanel catchUp={catchUp} />
      {myRole && presenceUser && (
        <BreakoutsArea sessionId={session.id} state={control.breakouts} where={breakoutRoom} me={presenceUser} facilitator={facilitator} members={memberList} offsetMs={my.offsetMs} panelOpen={breakoutsOpen} />
      )}
      <RoomPanels
        tools={
          myRole && me ? (
            <FacilitationArea
              control={control}
              doc={conn?.doc ?? null}
              meId={me.id}
              facilitator={facilitator}
              // Audience mode stops editing, not taking part (hands, Q&A, votes).
              canTakePart={roleCanEdit}
              actions={actions}
              follow={follow}
              mine={my.mine}
              offsetMs={my.offsetMs}
              refreshMine={my.refresh}
              presenting={facilitator ? <PresentingControls sessionId={session.id} audience={control.audience} conn={conn} /> : undefined}
            />
          ) : null
        }
        initialTab={focus && focus.kind !== 'title' ? focus.kind : undefined}
        agenda={panel('the agenda', 5, () => (
          <AgendaPanel
            conn={conn!}
            durationMinutes={session.durationMinutes}
            members={memberList}
            focusItemId={focusOn('agenda')}
            currentItemId={control.currentItem}
            onSetCurrent={facilitator ? actions.setCurrentItem : null}
          />
        ))}
        notes={panel('the notes', 8, () => (
          <NotesEditor conn={conn!} members={memberList} />
        ))}
        board={panel('the board', 6, () => (
          <Board conn={conn!} sessionId={session.id} focusItemId={focusOn('board')} followView={follow.followViewport} onViewChange={follow.onViewChange} drafts={drafts} privateMode={control.privateMode?.on ?? false} presenter={facilitator} facilitation={myRole ? boardFacilitation : undefined} />
        ))}
      />
    </div>
  );
}

const EMPTY_MEMBERS: MemberDto[] = [];
/** Follow-me sends are frequent and superseded by the next one: a failure needs no message. */
const ignoreError = () => {};
