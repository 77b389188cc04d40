/**
 * An accessible tab list (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs, only
 * the selected tab is in the tab order. Panels are rendered by the caller with `tabPanelProps`, so they
 * can stay mounted while hidden (an editor keeps its selection when you switch away and back).
 */
import { useRef, type KeyboardEvent } from 'react';

export interface TabDef<K extends string> {
  id: K;
  label: string;
}

export interface TabsProps<K extends string> {
  /** Names the tab list for screen readers ("Session views"). */
  label: string;
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (id: K) => void;
  /** Prefix of the element ids, unique on the page. */
  idPrefix: string;
}

/** The DOM ids of a tab and its panel. */
export function tabIds(idPrefix: string, id: string) {
  return { tab: `${idPrefix}-tab-${id}`, panel: `${idPrefix}-panel-${id}` };
}

/**
 * Props for a panel: its role, id, label and whether it is hidden. No tabindex: panels hold focusable
 * content, and a focusable panel would take focus (and keystrokes) from a canvas clicked inside it.
 */
export function tabPanelProps(idPrefix: string, id: string, selected: boolean) {
  const ids = tabIds(idPrefix, id);
  return { role: 'tabpanel' as const, id: ids.panel, 'aria-labelledby': ids.tab, hidden: !selected };
}

/** The row of tabs. */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, idPrefix }: TabsProps<K>) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabIds(idPrefix, tabs[next].id).tab)}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => {
        const ids = tabIds(idPrefix, t.id);
        const isSelected = t.id === selected;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={ids.tab}
            className="tab"
            aria-selected={isSelected}
            aria-controls={ids.panel}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
