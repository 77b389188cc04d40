/**
 * The archive's timeline: the session's versions (oldest first) plus "now" as the last position, and
 * the content of the chosen version, loaded when the position changes.
 */
import { useState } from 'react';
import type { VersionContentDto, VersionDto, VersionListDto } from '../../../shared/knowledge/versions.ts';
import { useApi } from '../../api/useApi.ts';

export interface Timeline {
  versions: VersionDto[];
  /** Loading or failing the list (the page then shows the current content only). */
  listError: unknown;
  /** 0…versions.length; versions.length is "now". */
  position: number;
  setPosition: (p: number) => void;
  /** The chosen version, or null at "now". */
  selected: VersionDto | null;
  /** Its content once loaded. */
  selectedContent: VersionContentDto | null;
  selectedError: unknown;
  retrySelected: () => void;
  /** Re-reads the list and goes back to "now" (after a restore). */
  reset: () => void;
}

export function useTimeline(sessionId: string): Timeline {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/versions`;
  const list = useApi<VersionListDto>(base);
  const versions = list.data?.versions ?? NO_VERSIONS;
  // null = follow "now", whatever the number of versions.
  const [chosen, setChosen] = useState<number | null>(null);
  const position = chosen === null ? versions.length : Math.min(chosen, versions.length);
  const selected = position < versions.length ? versions[position]! : null;
  const content = useApi<VersionContentDto>(selected ? `${base}/${encodeURIComponent(selected.id)}` : null);
  return {
    versions,
    listError: list.error,
    position,
    setPosition: (p) => setChosen(p >= versions.length ? null : Math.max(0, p)),
    selected,
    selectedContent: selected && content.data?.version.id === selected.id ? content.data : null,
    selectedError: selected ? content.error : null,
    retrySelected: content.reload,
    reset: () => {
      setChosen(null);
      list.reload();
    },
  };
}

const NO_VERSIONS: VersionDto[] = [];
