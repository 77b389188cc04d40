/**
 * The export panel under the view toolbar: what to export (the whole board, the selection, or one
 * frame) and two download buttons, PNG and SVG. Says what it made (or why it could not) in a live region.
 */
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { getBoard, readBoardItem } from '../../shared/doc/layout.ts';
import { download, exportPalette, itemsForScope, renderSvg, svgToPng, type ExportScope } from './exportBoard.ts';

interface ExportPanelProps {
  doc: Y.Doc;
  selection: readonly string[];
  onClose: () => void;
}

/** A file name from a title: letters, digits and dashes. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board';
}

/** The export options and buttons. */
export function ExportPanel({ doc, selection, onClose }: ExportPanelProps) {
  const id = useId();
  const frames = useMemo(
    () =>
      Array.from(getBoard(doc).entries())
        .map(([fid, map]) => ({ ...readBoardItem(map), id: fid }))
        .filter((i) => i.type === 'frame')
        .sort((a, b) => a.y - b.y || a.x - b.x),
    [doc],
  );
  const [kind, setKind] = useState<ExportScope['kind']>(selection.length > 0 ? 'selection' : 'board');
  const [frameId, setFrameId] = useState(frames[0]?.id ?? '');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const scope: ExportScope = kind === 'selection' ? { kind, ids: selection } : kind === 'frame' ? { kind, id: frameId } : { kind: 'board' };
  const name = kind === 'frame' ? slug(frames.find((f) => f.id === frameId)?.text ?? 'frame') : kind === 'selection' ? 'board-selection' : 'board';

  const run = async (format: 'png' | 'svg', el: HTMLElement) => {
    setBusy(true);
    setStatus('Exporting…');
    try {
      const items = itemsForScope(doc, scope);
      const out = await renderSvg(items, exportPalette(el));
      if (!out) {
        setStatus('There is nothing to export here.');
        return;
      }
      if (format === 'svg') {
        download(new Blob([out.svg], { type: 'image/svg+xml' }), `${name}.svg`);
        setStatus(`Exported ${name}.svg (${out.width} × ${out.height}).`);
      } else {
        const png = await svgToPng(out.svg, out.width, out.height);
        download(png.blob, `${name}.png`);
        setStatus(`Exported ${name}.png (${png.width} × ${png.height} pixels).`);
      }
    } catch (err) {
      setStatus(err instanceof Error ? err.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="board-linkform board-export"
      aria-label="Export the board"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <fieldset className="board-export__scope">
        <legend className="board-linkform__label">Export</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={kind === 'board'} onChange={() => setKind('board')} /> The whole board
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={kind === 'selection'} disabled={selection.length === 0} onChange={() => setKind('selection')} /> The
          selection{selection.length ? ` (${selection.length})` : ''}
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={kind === 'frame'} disabled={frames.length === 0} onChange={() => setKind('frame')} /> A frame
        </label>
        {kind === 'frame' && (
          <select aria-label="Frame to export" className="tool-input board-linkform__input" value={frameId} onChange={(e) => setFrameId(e.target.value)}>
            {frames.map((f) => (
              <option key={f.id} value={f.id}>
                {f.text || 'Untitled frame'}
              </option>
            ))}
          </select>
        )}
      </fieldset>
      <div className="board-linkform__row">
        <button type="button" className="tool-button tool-button--primary board-button" disabled={busy} onClick={(e) => void run('png', e.currentTarget)}>
          Download PNG
        </button>
        <button type="button" className="tool-button board-button" disabled={busy} onClick={(e) => void run('svg', e.currentTarget)}>
          Download SVG
        </button>
        <button type="button" className="tool-button board-button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="board-export__status" role="status">
        {status}
      </p>
    </form>
  );
}
