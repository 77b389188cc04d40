/**
 * The community's search box and results: titles, agenda items, notes and board items of every
 * session, best first, each linking into the session at the matching place. `/` focuses the box.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { archiveHref, sessionHref } from '../../../shared/knowledge/focus.ts';
import { SEARCH_QUERY_MAX, type SearchKind } from '../../../shared/knowledge/search.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { SnippetText } from './SnippetText.tsx';
import { useSearch } from './useSearch.ts';

/** What a result's place is called. */
export const KIND_LABELS: Record<SearchKind, string> = { title: 'Session', agenda: 'Agenda', notes: 'Notes', board: 'Board' };

/** Whether a key event is typing into something (where `/` is just a character). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/** Search box and results for one community. */
export function SearchSection({ communityId }: { communityId: string }) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const search = useSearch(`/api/communities/${encodeURIComponent(communityId)}/search`, text);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const showing = search.query !== '' && search.query === text.trim().slice(0, SEARCH_QUERY_MAX);
  const count = search.results.length;
  const status = !text.trim()
    ? ''
    : search.loading || !showing
      ? 'Searching…'
      : search.error
        ? ''
        : count === 0
          ? `Nothing found for “${search.query}”.`
          : `${count} ${count === 1 ? 'result' : 'results'} for “${search.query}”.`;

  return (
    <div className="kb-search">
      <form role="search" aria-label="Search this community" className="kb-search__form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`} className="field__label">
          Search this community
        </label>
        <div className="kb-search__row">
          <input
            ref={inputRef}
            id={`${id}-q`}
            type="search"
            className="input kb-search__input"
            value={text}
            maxLength={SEARCH_QUERY_MAX}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault();
                setText('');
              }
            }}
            placeholder="Titles, agendas, notes, board…"
            aria-describedby={`${id}-hint`}
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
          />
          {search.loading && <Spinner size="sm" decorative />}
        </div>
        <p id={`${id}-hint`} className="field__hint">
          Press <kbd>/</kbd> to search from anywhere on this page. Small typos are fine.
        </p>
      </form>
      <p className="list-status" role="status" aria-live="polite">
        {status}
      </p>
      {search.error !== null && showing && <ErrorBanner error={search.error} title="Search failed." />}
      {showing && count > 0 && (
        <ol className="divided-list" aria-label={`Results for ${search.query}`}>
          {search.results.map((r) => (
            <li key={`${r.sessionId}:${r.where.kind}:${r.where.itemId ?? ''}`} className="divided-list__item kb-result">
              <p className="divided-list__head">
                <Link href={sessionHref(r.sessionId, r.where)} className="kb-result__title">
                  {r.where.kind === 'title' ? <SnippetText snippet={r.snippet} /> : r.title}
                </Link>
                <span className={`kb-kind kb-kind--${r.where.kind}`}>{KIND_LABELS[r.where.kind]}</span>
                <Link href={archiveHref(r.sessionId)} className="kb-result__archive">
                  Archive
                </Link>
              </p>
              {r.where.kind !== 'title' && (
                <p className="kb-result__snippet">
                  <SnippetText snippet={r.snippet} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
