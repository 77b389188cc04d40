/**
 * A small static picture of the board: coloured boxes where the items are, drawings and arrows. No
 * text (too small to read; the list below has it) and no live room: it is drawn from SessionContent.
 */
import type { BoardEntry } from '../../../shared/knowledge/sessionContent.ts';
import { connectorLine, previewViewBox, strokePoints } from './boardPreview.ts';

/** Only plain hex colours reach an attribute (the server already limits them to the palette). */
const hex = (c: string, fallback: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : fallback);

export function BoardPreview({ items }: { items: BoardEntry[] }) {
  const box = previewViewBox(items);
  if (!box) return null;
  const byId = new Map(items.map((i) => [i.id, i]));
  // Frames first (they sit behind), then by stacking order.
  const ordered = [...items].sort((a, b) => (a.type === 'frame' ? -1 : 0) - (b.type === 'frame' ? -1 : 0) || a.z - b.z);
  const line = Math.max(2, box.w / 400);
  return (
    <svg className="board-preview" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
      {ordered.map((it) => {
        const fill = hex(it.color, '#fff3a3');
        switch (it.type) {
          case 'frame':
            return <rect key={it.id} x={it.x} y={it.y} width={it.w} height={it.h} rx={8} fill="#ffffff" fillOpacity={0.6} stroke="#a8a59b" strokeWidth={line} strokeDasharray={`${line * 4} ${line * 3}`} />;
          case 'stroke':
            return <polyline key={it.id} points={strokePoints(it)} fill="none" stroke={hex(it.color, '#1f2328')} strokeWidth={it.strokeWidth ?? 4} strokeLinecap="round" strokeLinejoin="round" />;
          case 'connector': {
            const l = connectorLine(it, byId);
            return l ? <line key={it.id} {...l} stroke={hex(it.color, '#1f2328')} strokeWidth={Math.max(line, it.strokeWidth ?? 2)} /> : null;
          }
          case 'shape':
            if (it.shape === 'ellipse') return <ellipse key={it.id} cx={it.x + it.w / 2} cy={it.y + it.h / 2} rx={it.w / 2} ry={it.h / 2} fill={fill} stroke="#57606a" strokeWidth={line} />;
            if (it.shape === 'diamond') {
              const pts = `${it.x + it.w / 2},${it.y} ${it.x + it.w},${it.y + it.h / 2} ${it.x + it.w / 2},${it.y + it.h} ${it.x},${it.y + it.h / 2}`;
              return <polygon key={it.id} points={pts} fill={fill} stroke="#57606a" strokeWidth={line} />;
            }
            return <rect key={it.id} x={it.x} y={it.y} width={it.w} height={it.h} fill={fill} stroke="#57606a" strokeWidth={line} />;
          case 'sticky':
            return <rect key={it.id} x={it.x} y={it.y} width={it.w} height={it.h} rx={4} fill={fill} stroke="#d9d7cf" strokeWidth={line / 2} />;
          case 'text':
            return <rect key={it.id} x={it.x} y={it.y + it.h / 3} width={it.w} height={it.h / 3} rx={2} fill="#a8a59b" />;
          default:
            return <rect key={it.id} x={it.x} y={it.y} width={it.w} height={it.h} rx={6} fill="#ffffff" stroke="#1f4e79" strokeWidth={line} />;
        }
      })}
    </svg>
  );
}
