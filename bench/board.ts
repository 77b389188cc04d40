/**
 * Benchmark: the resource board with 10,000 mixed items (sticky notes with text, link cards, pen
 * strokes), in headless Chromium driven by Playwright against the real server and the built client.
 * Measures the first render after the board's data arrived, frame times over a scripted pan and zoom
 * (requestAnimationFrame intervals), frame times and main-thread work while dragging one item, the JS
 * heap (CDP, after a GC), and the gzip size of the JavaScript the directory and session pages load.
 * Needs `npx vite build` first. Run alone: `node --import tsx bench/board.ts`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { getBoard, toYMap } from '../shared/doc/layout.ts';
import { ApiClient } from '../tests/helpers/apiClient.ts';
import { freePort, makeDataDir, spawnServer } from '../tests/helpers/testServer.ts';
import { connectClient, waitFor, waitForSync } from '../tests/helpers/yclient.ts';
import { summarize, type Summary } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist/client');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Frame intervals of one scripted phase. */
export interface FramePhase {
  frames: number;
  /** Median frames per second (1000 / median interval). */
  medianFps: number;
  intervalMs: Summary;
}

export interface BoardBenchResult {
  items: number;
  /** Items arrived (the board saw them) → first frame painted with them, ms. */
  firstRenderAfterSyncMs: number;
  /** Navigation start → that first frame, ms (includes loading the app and the data). */
  navigationToBoardMs: number;
  panZoom: { overall: FramePhase; phases: Record<string, FramePhase> };
  drag: FramePhase & { mainThreadMsPerFrame: number };
  heapUsedMB: number;
  gzipKB: { directory: number; session: number };
  viewport: { width: number; height: number };
}

/** A deterministic mixed board: 60% stickies with text, 25% link cards, 15% strokes, on a grid. */
function fillBoard(doc: import('yjs').Doc, items: number) {
  const board = getBoard(doc);
  const cols = Math.ceil(Math.sqrt(items));
  for (let start = 0; start < items; start += 500) {
    doc.transact(() => {
      for (let i = start; i < Math.min(items, start + 500); i++) {
        const x = (i % cols) * 260;
        const y = Math.floor(i / cols) * 220;
        const id = `b${i}`;
        const kind = i % 20;
        // createdBy '' names nobody: a client may not name someone else as an item's author (SPEC R18).
        const base = { id, x, y, z: i, createdBy: '', createdAt: 1_700_000_000_000 + i };
        if (kind < 12) {
          board.set(id, toYMap({ ...base, type: 'sticky', w: 200, h: 160, color: ['#fff3a3', '#ffd6a5', '#caffbf', '#bde0fe'][i % 4], text: `Note ${i}: what we learned from the night shift handover, and what to try next week` }));
        } else if (kind < 17) {
          board.set(id, toYMap({ ...base, type: 'link', w: 240, h: 96, color: '#fff3a3', url: `https://example.org/resources/${i}`, text: `Resource ${i} on example.org` }));
        } else {
          const points: number[] = [];
          for (let k = 0; k < 40; k++) points.push(16 + k * 4.5, 60 + Math.sin((k + i) / 4) * 40, 0.5);
          board.set(id, toYMap({ ...base, type: 'stroke', w: 220, h: 140, color: '#1f2328', strokeWidth: 4, points }));
        }
      }
    });
  }
}

function phase(intervals: number[]): FramePhase {
  const s = summarize(intervals);
  return { frames: intervals.length, medianFps: Math.round((1000 / s.p50) * 10) / 10, intervalMs: s };
}

/** Runs `steps` frames; before each, `act(i)` runs in the page. Returns the frame intervals. */
async function framesWhile(page: Page, steps: number, script: string): Promise<number[]> {
  return page.evaluate(
    async ({ steps, script }) => {
      const act = new Function('i', 'canvas', 'rect', script) as (i: number, c: Element, r: DOMRect) => void;
      const canvas = document.querySelector('.board__canvas')!;
      const rect = canvas.getBoundingClientRect();
      const out: number[] = [];
      await new Promise((r) => requestAnimationFrame(r));
      let last = performance.now();
      for (let i = 0; i < steps; i++) {
        act(i, canvas, rect);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return out;
    },
    { steps, script },
  );
}

const wheel = (deltaX: string, deltaY: string, ctrl: boolean) =>
  `canvas.dispatchEvent(new WheelEvent('wheel', { deltaX: ${deltaX}, deltaY: ${deltaY}, ctrlKey: ${ctrl}, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }));`;

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Gzip KB of the JavaScript a page loads (matched to the built files in dist/client). */
async function pageJsGzipKB(page: Page, url: string, ready: () => Promise<unknown>): Promise<number> {
  const scripts = new Set<string>();
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
  });
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  let bytes = 0;
  for (const p of scripts) {
    const file = path.join(DIST, p);
    if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The board benchmark. */
export async function benchBoard(items = 10_000, viewport = { width: 1366, height: 850 }): Promise<BoardBenchResult> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('Build the client first: npx vite build');
  const dataDir = makeDataDir();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await spawnServer(dataDir, { PORT: String(port), SCRYPT_LOG_N: '12', ALLOWED_ORIGINS: origin, LOG_LEVEL: 'warn' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const api = new ApiClient(server.url, origin);
    await api.signup('Bench Host');
    const community = await api.createCommunity('Bench ward', 'invite');
    const session = await api.createSession(community.id, 'A board of many');
    const { token } = await api.ticket(session.id);
    const writer = connectClient(server.url, session.room, { token });
    await waitForSync(writer);
    fillBoard(writer.doc, items);
    const probe = connectClient(server.url, session.room, { token });
    await waitFor(() => getBoard(probe.doc).size === items, 60_000, 'the board to be stored');
    probe.destroy();
    writer.destroy();

    const context = await browser.newContext({ viewport });
    const [name, value] = api.cookie.split('=');
    await context.addCookies([{ name, value, url: origin }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    // First render after sync.
    await page.goto(`${origin}/s/${session.id}`);
    await page.waitForFunction(() => performance.getEntriesByName('commonplace:board-painted').length > 0, undefined, { timeout: 120_000 });
    const marks = await page.evaluate(() => ({
      items: performance.getEntriesByName('commonplace:board-items')[0]!.startTime,
      painted: performance.getEntriesByName('commonplace:board-painted')[0]!.startTime,
    }));

    // The board on its own (the layout people use for a big board), then a scripted pan and zoom.
    await page.getByText('Board only', { exact: true }).click();
    await page.locator('.board__canvas').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('1'); // fit everything: the far-out, level-of-detail view
    await page.waitForTimeout(500);
    const phases: Record<string, number[]> = {
      panFar: await framesWhile(page, 120, wheel('14', '7', false)),
      zoomIn: await framesWhile(page, 120, wheel('0', '-24', true)),
      panNear: await framesWhile(page, 120, wheel('-12', '-6', false)),
      zoomOut: await framesWhile(page, 120, wheel('0', '24', true)),
    };

    // Drag one item at 100%: a note near the middle of the board (fit, then 100% around the centre).
    await page.locator('.board__canvas').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await page.waitForTimeout(500);
    const target = await page.evaluate(() => {
      const canvas = document.querySelector('.board__canvas')!.getBoundingClientRect();
      const cx = canvas.left + canvas.width / 2;
      const cy = canvas.top + canvas.height / 2;
      let best: { x: number; y: number; d: number } | null = null;
      for (const el of document.querySelectorAll<HTMLElement>('.board-item--sticky')) {
        const r = el.getBoundingClientRect();
        const x = r.left + 30;
        const y = r.top + 30;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { x, y, d };
      }
      return best;
    });
    if (!target) throw new Error('no sticky note in view to drag');
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    const recorder = page.evaluate(async () => {
      const out: number[] = [];
      let last = performance.now();
      const stop = performance.now() + 2500;
      while (performance.now() < stop) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return out;
    });
    const before = await taskMs(cdp);
    const steps = 120;
    for (let i = 1; i <= steps; i++) await page.mouse.move(target.x + i * 3, target.y + Math.sin(i / 10) * 40);
    const busy = (await taskMs(cdp)) - before;
    await page.mouse.up();
    const dragIntervals = await recorder;

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    // Initial JavaScript of the directory page and of the session page, cold: a fresh context (no
    // cache, no IndexedDB copy of the board), one page each.
    const cold = await browser.newContext({ viewport });
    await cold.addCookies([{ name, value, url: origin }]);
    const dirPage = await cold.newPage();
    const directory = await pageJsGzipKB(dirPage, `${origin}/`, () => dirPage.getByRole('heading').first().waitFor());
    const sessPage = await cold.newPage();
    const sessionKB = await pageJsGzipKB(sessPage, `${origin}/s/${session.id}`, () => sessPage.locator('.board__canvas').waitFor());

    const all = Object.values(phases).flat();
    return {
      items,
      firstRenderAfterSyncMs: Math.round(marks.painted - marks.items),
      navigationToBoardMs: Math.round(marks.painted),
      panZoom: { overall: phase(all), phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, phase(v)])) },
      drag: { ...phase(dragIntervals), mainThreadMsPerFrame: Math.round((busy / steps) * 100) / 100 },
      heapUsedMB: Math.round((heap.usedSize / 2 ** 20) * 10) / 10,
      gzipKB: { directory, session: sessionKB },
      viewport,
    };
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One line per figure, with the target it is measured against. */
export function formatBoardBench(r: BoardBenchResult): string {
  const p = r.panZoom;
  return [
    `board of ${r.items} items (${r.viewport.width}×${r.viewport.height}, headless Chromium):`,
    `  first render after sync ${r.firstRenderAfterSyncMs} ms (target < 1000); navigation → board ${r.navigationToBoardMs} ms`,
    `  pan/zoom median ${p.overall.medianFps} fps (target ≥ 55), frame p95 ${p.overall.intervalMs.p95} ms; ` +
      Object.entries(p.phases)
        .map(([k, v]) => `${k} ${v.medianFps} fps`)
        .join(', '),
    `  drag one item: frame median ${r.drag.intervalMs.p50} ms / p95 ${r.drag.intervalMs.p95} ms, main thread ${r.drag.mainThreadMsPerFrame} ms per move (target < 16)`,
    `  JS heap ${r.heapUsedMB} MB (target < 200)`,
    `  initial JS gzip: directory page ${r.gzipKB.directory} KB (target < 150), session page ${r.gzipKB.session} KB`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const r = await benchBoard(Number(process.env.BENCH_BOARD_ITEMS ?? 10_000));
  console.log(formatBoardBench(r));
  console.log(JSON.stringify(r, null, 2));
  process.exit(0);
}
