/**
 * Arranges a session room's three panels by screen width. Laptops: agenda column, then notes and board
 * side by side (either can be widened to the whole area). Landscape tablets: agenda column, notes and
 * board as tabs. Portrait tablets: all three as tabs. The panels are the same elements in every
 * arrangement (only attributes and CSS grid areas change), so rotating a tablet or switching tabs never
 * remounts the editor or the board.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useMediaQuery } from '../../app/useMediaQuery.ts';
import { tabPanelProps, Tabs, type TabDef } from '../../components/Tabs.tsx';

export type PanelId = 'agenda' | 'notes' | 'board';
type WideView = 'split' | 'notes' | 'board';
/** wide ≥ 1200px, medium ≥ 900px, narrow below. */
export type RoomLayout = 'wide' | 'medium' | 'narrow';

const TAB_PREFIX = 'room';
const PANELS: readonly PanelId[] = ['agenda', 'notes', 'board'];
const LABELS: Record<PanelId, string> = { agenda: 'Agenda', notes: 'Notes', board: 'Board' };
const WIDE_VIEWS: { id: WideView; label: string }[] = [
  { id: 'split', label: 'Notes and board' },
  { id: 'notes', label: 'Notes only' },
  { id: 'board', label: 'Board only' },
];

export interface RoomPanelsProps {
  agenda: ReactNode;
  notes: ReactNode;
  board: ReactNode;
  /** The panel to show first where panels are tabs (e.g. the one a `?focus=` link points into). */
  initialTab?: PanelId;
  /** Session-wide tools (the facilitation strip), shown at the end of the panel bar so they take no extra row. */
  tools?: ReactNode;
}

/** The body of the session page under its header. */
export function RoomPanels(props: RoomPanelsProps) {
  const wide = useMediaQuery('(min-width: 1200px)');
  const medium = useMediaQuery('(min-width: 900px)');
  const layout: RoomLayout = wide ? 'wide' : medium ? 'medium' : 'narrow';
  const [tab, setTab] = useState<PanelId>(props.initialTab ?? 'notes');
  const [wideView, setWideView] = useState<WideView>('split');
  // A later target (a facilitator's "bring everyone there") shows its panel too.
  useEffect(() => {
    if (!props.initialTab) return;
    setTab(props.initialTab);
    setWideView((v) => (v === 'split' || v === props.initialTab ? v : 'split'));
  }, [props.initialTab]);

  const tabbed = PANELS.filter((id) => layout === 'narrow' || (layout === 'medium' && id !== 'agenda'));
  const selectedTab = tabbed.includes(tab) ? tab : 'notes';
  const tabs: TabDef<PanelId>[] = tabbed.map((id) => ({ id, label: LABELS[id] }));

  /**
   * Attributes of a panel in the current arrangement. Outside tabs a panel is a plain box: each panel
   * names itself (its own heading or labelled region), so a wrapper label would only duplicate it.
   */
  const panelAttrs = (id: PanelId) => {
    if (tabbed.includes(id)) return tabPanelProps(TAB_PREFIX, id, id === selectedTab);
    return { hidden: layout === 'wide' && id !== 'agenda' && wideView !== 'split' && wideView !== id };
  };

  return (
    <div className={`room-body room-body--${layout}${layout === 'wide' ? ` room-body--view-${wideView}` : ''}`}>
      {layout === 'wide' ? (
        <>
          <div className="room-bar segmented" role="group" aria-label="Panels shown">
            {WIDE_VIEWS.map((v) => (
              <button key={v.id} type="button" className="segmented__option" aria-pressed={wideView === v.id} onClick={() => setWideView(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
          {props.tools && <div className="room-tools">{props.tools}</div>}
        </>
      ) : (
        <div className="room-bar">
          <Tabs label="Session views" tabs={tabs} selected={selectedTab} onSelect={setTab} idPrefix={TAB_PREFIX} />
          {props.tools && <div className="room-tools">{props.tools}</div>}
        </div>
      )}
      {PANELS.map((id) => (
        <div key={id} className={`room-panel room-panel--${id}`} {...panelAttrs(id)}>
          {props[id]}
        </div>
      ))}
    </div>
  );
}
