/**
 * The notes of a session, read-only, from extracted blocks: headings (with their anchors as ids, so
 * `#anchor` links work), paragraphs, quotes, code, and list items grouped into lists by run. Links are
 * re-created from the block's link list (http(s) only); everything else is text.
 */
import type { NoteBlock } from '../../../shared/knowledge/sessionContent.ts';
import { linkedText } from './linkedText.ts';
import { PinButton } from './PinButton.tsx';

export interface ArchiveNotesProps {
  blocks: NoteBlock[];
  /** When set, every block with text gets a Pin button. */
  onPin?: (block: NoteBlock) => void;
  pinning?: string | null;
}

function Text({ block }: { block: NoteBlock }) {
  return (
    <>
      {linkedText(block.text, block.links).map((run, i) =>
        run.href ? (
          <a key={i} href={run.href} target="_blank" rel="noopener noreferrer nofollow">
            {run.text}
          </a>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

/** One block (not a list item). Headings sit under the page's "Notes" h2, so level 1 becomes h3. */
function Block({ block }: { block: NoteBlock }) {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, (block.level ?? 1) + 2);
      const H = `h${level}` as 'h3' | 'h4' | 'h5' | 'h6';
      return (
        <H id={block.anchor} className="archive-notes__heading">
          <Text block={block} />
        </H>
      );
    }
    case 'code':
      return (
        <pre className="archive-notes__code">
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return (
        <blockquote className="archive-notes__quote">
          <Text block={block} />
        </blockquote>
      );
    default:
      return (
        <p className="archive-notes__p">
          <Text block={block} />
        </p>
      );
  }
}

type Run = { list: false; block: NoteBlock } | { list: true; items: NoteBlock[] };

/** Consecutive list and task items form one list. */
function runs(blocks: NoteBlock[]): Run[] {
  const out: Run[] = [];
  for (const b of blocks) {
    const isItem = b.type === 'listItem' || b.type === 'taskItem';
    const last = out[out.length - 1];
    if (isItem && last?.list) last.items.push(b);
    else out.push(isItem ? { list: true, items: [b] } : { list: false, block: b });
  }
  return out;
}

/** Numbers of ordered items: counted per depth, restarting when a shallower item interrupts. */
function numbering(items: NoteBlock[]): Map<NoteBlock, number> {
  const counters: number[] = [];
  const out = new Map<NoteBlock, number>();
  for (const it of items) {
    counters.length = it.depth + 1;
    counters[it.depth] = (counters[it.depth] ?? 0) + 1;
    if (it.ordered) out.set(it, counters[it.depth]);
  }
  return out;
}

/** The whole notes. */
export function ArchiveNotes({ blocks, onPin, pinning }: ArchiveNotesProps) {
  if (blocks.length === 0) return <p className="text-muted">No notes were taken.</p>;
  const pin = (b: NoteBlock) =>
    onPin && b.text.trim() ? <PinButton what={b.text} busy={pinning === `notes:${b.id}`} onPin={() => onPin(b)} /> : null;
  return (
    <div className="archive-notes">
      {runs(blocks).map((run, i) => {
        if (!run.list) {
          return (
            <div key={run.block.id} className="archive-notes__row">
              <Block block={run.block} />
              {pin(run.block)}
            </div>
          );
        }
        const numbers = numbering(run.items);
        return (
          <ul key={`list-${i}`} className="plain-list">
            {run.items.map((it) => (
              <li key={it.id} className="archive-notes__item" style={{ marginLeft: `${Math.max(0, it.depth - 1) * 1.5}em` }}>
                <span className="archive-notes__marker" aria-hidden="true">
                  {it.type === 'taskItem' ? (it.checked ? '☑' : '☐') : numbers.has(it) ? `${numbers.get(it)}.` : '•'}
                </span>
                {it.type === 'taskItem' && <span className="sr-only">{it.checked ? 'Done: ' : 'To do: '}</span>}
                <span className="archive-notes__item-text">
                  <Text block={it} />
                </span>
                {pin(it)}
              </li>
            ))}
          </ul>
        );
      })}
    </div>
  );
}
