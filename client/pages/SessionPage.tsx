/**
 * A live session room: the header (title, community, format, time, who is here, save status), then
 * the agenda, notes and board, all editing one shared Yjs document. The panels are separate chunks,
 * loaded only here, so the rest of the app stays light.
 */
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
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
import { useFollowMe } from '../facilitation/useFollowMe.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { Skeleton, SkeletonBlock } from '../components/Spinner.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { RoomPanels } from './session/RoomPanels.tsx';
import { SaveStatusIndicator } from './session/SaveStatusIndicator.tsx';
import { useNotesFocus } from './session/useNotesFocus.ts';
import './session/focus.css';

const Board = lazy(() => import('../board/Board.tsx'));
const NotesEditor = lazy(() => import('../notes/NotesEditor.tsx'));
const AgendaPanel = lazy(() => import('../agenda/AgendaPanel.tsx'));

/** `GET /api/sessions/:id`. */
export interface SessionResponse {
  session: SessionDto;
  community: CommunityDto;
  myRole: Role | null;
}

/** The /s/:sessionId page (default export: it is loaded lazily). */
export default function SessionPage({ sessionId }: { sessionId: string }) {
  const res = useApi<SessionResponse>(`/api/sessions/${encodeURIComponent(sessionId)}`);
  useDocumentTitle(res.data ? res.data.session.title : res.error ? 'Session' : null);

  if (!res.data) {
    return (
      <div className="page">
        {res.error !== null ? (
          <>
            <h1 className="page-title">Could not open this session</h1>
            <ErrorBanner error={res.error} onRetry={res.reload}>
              <p>
                <Link href="/">Back to your communities</Link>
              </p>
            </ErrorBanner>
          </>
        ) : (
          <div role="status">
            <span className="sr-only">Opening the session…</span>
            <Skeleton width="45%" height={28} />
            <SkeletonBlock lines={3} />
          </div>
        )}
      </div>
    );
  }
  return <SessionRoom data={res.data} onAuthorizationChanged={res.reload} />;
}

function SessionRoom({ data: { session, community, myRole }, onAuthorizationChanged }: { data: SessionResponse; onAuthorizationChanged: () => void }) {
  const { me } = useMe();
  // Not a member (e.g. an open community's session opened by link): follow along without editing.
  const role: Role = myRole ?? 'viewer';
  const canEdit = canEditRoom(role);
  const presenceUser = useMemo(() => (me ? { id: me.id, name: me.name, color: me.color } : null), [me]);
  const conn = useRoomConnection(session.room, presenceUser, canEdit);
  // Facilitation state (timer, Q&A, hands, follow-me, votes): read-only, written by the server.
  const facilitator = canManageSessions(role);
  const ctlConn = useControlDoc(myRole ? session.room : null, presenceUser);
  const control = useControl(ctlConn);
  const actions = useMemo(() => facilitationApi(session.id), [session.id]);
  const my = useMyFacilitation(session.id, `${control.voteRound?.id ?? ''}:${control.polls.length}`);
  const follow = useFollowMe(control.follow, me?.id ?? null, facilitator ? actions : null, ignoreError);
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
  const focus = parseFocus(new URLSearchParams(useSearch()).get(FOCUS_PARAM));
  const focusOn = (kind: 'agenda' | 'notes' | 'board') => (focus?.kind === kind ? focus.itemId : undefined);
  useNotesFocus(focusOn('notes'));
  const memberList = members.data?.members ?? EMPTY_MEMBERS;

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
          <p className="room-header__meta">
            <span>{SESSION_FORMAT_LABELS[session.format] ?? session.format}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
            <span aria-hidden="true"> · </span>
            <span>{formatDuration(session.durationMinutes)}</span>
            <span aria-hidden="true"> · </span>
            {canEdit ? (
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
          {conn && me ? <PresenceList conn={conn} meId={me.id} /> : <Skeleton width={160} height={28} />}
          {conn ? <SaveStatusIndicator conn={conn} /> : <span className="save-status save-status--busy">Connecting…</span>}
        </div>
      </div>
      <RoomPanels
        tools={
          myRole && me ? (
            <FacilitationArea
              control={control}
              doc={conn?.doc ?? null}
              meId={me.id}
              facilitator={facilitator}
              canTakePart={canEdit}
              actions={actions}
              follow={follow}
              mine={my.mine}
              offsetMs={my.offsetMs}
              refreshMine={my.refresh}
            />
          ) : null
        }
        initialTab={focus && focus.kind !== 'title' ? focus.kind : undefined}
        agenda={panel('the agenda', 5, () => (
          <AgendaPanel conn={conn!} durationMinutes={session.durationMinutes} members={memberList} focusItemId={focusOn('agenda')} />
        ))}
        notes={panel('the notes', 8, () => (
          <NotesEditor conn={conn!} />
        ))}
        board={panel('the board', 6, () => (
          <Board conn={conn!} sessionId={session.id} focusItemId={focusOn('board')} followView={follow.followViewport} onViewChange={follow.onViewChange} />
        ))}
      />
    </div>
  );
}

const EMPTY_MEMBERS: MemberDto[] = [];
/** Follow-me sends are frequent and superseded by the next one: a failure needs no message. */
const ignoreError = () => {};
