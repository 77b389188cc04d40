/**
 * The whiteboard end to end in Chromium: drawing every kind of item, an arrow that follows a moved
 * shape, multi-select with undo, keyboard-only notes, copy and paste to another board, the outline view,
 * and exporting a PNG.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, signUpViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Board {
  page: Page;
  canvas: Locator;
  /** A page point at (x, y) in canvas pixels. */
  at: (x: number, y: number) => Promise<{ x: number; y: number }>;
  item: (name: string | RegExp) => Locator;
}

/** Opens the board of a fresh session, alone on the page, with the canvas focused. */
async function openBoard(page: Page, sessionId: string): Promise<Board> {
  await page.goto(`/s/${sessionId}`);
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  // Narrow screens show the room as tabs; wide ones side by side, with a "Board only" layout.
  const tab = page.getByRole('tab', { name: 'Board' });
  const only = page.getByRole('button', { name: 'Board only' });
  await expect(tab.or(only)).toBeVisible();
  if (await tab.isVisible()) await tab.click();
  else await only.click();
  await expect(canvas).toBeVisible();
  await canvas.click({ position: { x: 10, y: 400 } });
  const at = async (x: number, y: number) => {
    const box = (await canvas.boundingBox())!;
    return { x: box.x + x, y: box.y + y };
  };
  return { page, canvas, at, item: (name) => canvas.getByRole('group', { name, exact: typeof name === 'string' }) };
}

async function newBoard(browser: import('@playwright/test').Browser, who = 'Wanda Whiteboard') {
  const person = await signedUpPerson(browser, who);
  const community = await createCommunityViaApi(person.page, { name: `Board people ${Date.now()}` });
  const session = await createSessionViaApi(person.page, community.id, { title: 'Whiteboard session' });
  return { person, community, session, board: await openBoard(person.page, session.id) };
}

async function moveTo(b: Board, x: number, y: number) {
  const p = await b.at(x, y);
  await b.page.mouse.move(p.x, p.y);
}

async function drag(b: Board, from: [number, number], to: [number, number], steps = 12) {
  const a = await b.at(...from);
  const c = await b.at(...to);
  await b.page.mouse.move(a.x, a.y);
  await b.page.mouse.down();
  await b.page.mouse.move(c.x, c.y, { steps });
  await b.page.mouse.up();
}

/** The item's position on screen (its bounding box). */
async function boxOf(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('item not visible');
  return b;
}

test('draws every kind of item: notes, text, shapes, frame, link, pen, arrow, image and PDF', async ({ browser }) => {
  const { board: b, person } = await newBoard(browser);
  const { page } = b;

  await moveTo(b, 150, 150);
  await page.keyboard.press('n');
  await page.keyboard.type('Sticky idea');
  await page.keyboard.press('Escape');
  await expect(b.item('Sticky note: Sticky idea')).toBeVisible();

  await moveTo(b, 420, 120);
  await page.keyboard.press('t');
  await page.keyboard.type('A heading');
  await page.keyboard.press('Escape');
  await expect(b.item('Text: A heading')).toBeVisible();

  for (const [button, x, label] of [
    ['Add rectangle', 150, 'Rectangle: Plan'],
    ['Add ellipse', 420, 'Ellipse: Do'],
    ['Add diamond', 690, 'Diamond: Check'],
  ] as const) {
    await moveTo(b, x, 380);
    await page.keyboard.press(button === 'Add rectangle' ? 'r' : button === 'Add ellipse' ? 'o' : 'd');
    await page.keyboard.type(label.split(': ')[1]);
    await page.keyboard.press('Escape');
    await expect(b.item(label)).toBeVisible();
  }

  // An arrow from the rectangle to the ellipse.
  await page.getByRole('button', { name: 'Connect items with arrows' }).click();
  await drag(b, [150, 380], [420, 380]);
  await expect(b.item('Arrow from Rectangle: Plan to Ellipse: Do')).toBeAttached();

  // A pen stroke.
  await page.getByRole('button', { name: 'Draw with the pen' }).click();
  const start = await b.at(100, 540);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(start.x + i * 10, start.y + Math.sin(i / 3) * 25);
  await page.mouse.up();
  await expect(b.item('Drawing')).toBeAttached();
  await page.keyboard.press('v');

  // A frame, a link, an image and a PDF.
  await b.canvas.click({ position: { x: 10, y: 400 } });
  await page.keyboard.press('Escape');
  await moveTo(b, 900, 200);
  await page.keyboard.press('f');
  await page.keyboard.type('Ideas');
  await page.keyboard.press('Escape');
  await expect(b.item('Frame: Ideas')).toBeAttached();

  await page.getByRole('button', { name: 'Add link' }).click();
  await page.getByLabel('Link address').fill('example.org/handbook');
  await page.getByRole('form', { name: 'Add a link' }).getByRole('button', { name: 'Add', exact: true }).click();
  await expect(b.item(/^Link: example\.org\/handbook/)).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add image or PDF' }).click();
  await (await chooser).setFiles([
    { name: 'ward.png', mimeType: 'image/png', buffer: PNG },
    { name: 'guide.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(b.item('Image: ward.png')).toBeAttached();
  await expect(b.item(/^File: guide\.pdf \(PDF, \d+ bytes\)$/)).toBeAttached();
  // The image is served to the page (a member), as an image.
  const src = await b.item('Image: ward.png').locator('img').getAttribute('src');
  const res = await page.request.get(src!);
  expect(res.headers()['content-type']).toBe('image/png');

  await person.context.close();
});

test('an arrow stays attached when a shape moves', async ({ browser }) => {
  const { board: b, person } = await newBoard(browser, 'Arrow Ann');
  const { page } = b;
  await moveTo(b, 150, 200);
  await page.keyboard.press('r');
  await page.keyboard.type('From');
  await page.keyboard.press('Escape');
  await moveTo(b, 500, 200);
  await page.keyboard.press('o');
  await page.keyboard.type('To');
  await page.keyboard.press('Escape');

  await page.keyboard.press('c');
  await drag(b, [150, 200], [500, 200]);
  const arrow = b.item('Arrow from Rectangle: From to Ellipse: To');
  await expect(arrow).toBeAttached();
  const line = arrow.locator('.board-connector__line');
  const before = await line.getAttribute('d');
  const target = b.item('Ellipse: To');
  const was = await boxOf(target);

  // Move the ellipse down with the select tool: the arrow's end goes with it.
  await page.keyboard.press('v');
  await drag(b, [500, 200], [500, 420], 15);
  await expect.poll(async () => (await boxOf(target)).y).toBeGreaterThan(was.y + 150);
  await expect.poll(() => line.getAttribute('d')).not.toBe(before);
  const now = await boxOf(target);
  const head = await boxOf(arrow.locator('.board-connector__head'));
  // The arrow head touches the ellipse where it now is.
  expect(head.x + head.width).toBeGreaterThan(now.x - 2);
  expect(head.y + head.height).toBeGreaterThan(now.y - 2);
  expect(head.y).toBeLessThan(now.y + now.height);

  // Undo the move: the ellipse and the arrow go back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => line.getAttribute('d')).toBe(before);
  await person.context.close();
});

test('selects many with a marquee and shift-click, moves them together, and undoes that in one step', async ({ browser }) => {
  const { board: b, person } = await newBoard(browser, 'Multi Max');
  const { page } = b;
  for (const [x, text] of [[150, 'One'], [420, 'Two'], [690, 'Three']] as const) {
    await moveTo(b, x, 220);
    await page.keyboard.press('n');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
  }
  const one = b.item('Sticky note: One');
  const two = b.item('Sticky note: Two');
  const three = b.item('Sticky note: Three');
  const start = await Promise.all([one, two, three].map(boxOf));

  // A marquee from empty canvas over the first two notes.
  await page.keyboard.press('Escape');
  await drag(b, [75, 95], [450, 330]);
  await expect(page.getByRole('toolbar', { name: '2 items selected' })).toBeVisible();
  // Shift-click adds the third.
  const third = start[2];
  await page.keyboard.down('Shift');
  await page.mouse.click(third.x + 20, third.y + 20);
  await page.keyboard.up('Shift');
  await expect(page.getByRole('toolbar', { name: '3 items selected' })).toBeVisible();

  // Drag one of them: all three move by the same amount.
  await page.mouse.move(start[0].x + 30, start[0].y + 30);
  await page.mouse.down();
  await page.mouse.move(start[0].x + 30 + 60, start[0].y + 30 + 140, { steps: 10 });
  await page.mouse.up();
  for (const [i, note] of [one, two, three].entries()) {
    await expect.poll(async () => Math.round((await boxOf(note)).y - start[i].y)).toBeGreaterThan(100);
  }
  const moved = await Promise.all([one, two, three].map(boxOf));
  expect(Math.round(moved[1].x - start[1].x)).toBe(Math.round(moved[0].x - start[0].x));

  // One undo puts all three back.
  await page.keyboard.press('Control+z');
  for (const [i, note] of [one, two, three].entries()) {
    await expect.poll(async () => Math.round((await boxOf(note)).y)).toBe(Math.round(start[i].y));
  }

  // Delete all three at once, and bring them back with one undo.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(b.canvas.getByRole('group', { name: /^Sticky note/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(b.canvas.getByRole('group', { name: /^Sticky note/ })).toHaveCount(3);
  await person.context.close();
});

test('creates and edits a sticky note with the keyboard alone', async ({ browser }) => {
  const person = await signedUpPerson(browser, 'Keyboard Kim');
  const community = await createCommunityViaApi(person.page, { name: `Keys ${Date.now()}` });
  const session = await createSessionViaApi(person.page, community.id, { title: 'Keyboard session' });
  const { page } = person;
  await page.goto(`/s/${session.id}`);
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  await expect(canvas).toBeVisible();

  // Tab to the board canvas.
  for (let i = 0; i < 60 && !(await canvas.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(canvas).toBeFocused();
  await page.keyboard.press('n');
  const editor = page.getByRole('textbox', { name: 'Sticky note text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Escape');
  const note = canvas.getByRole('group', { name: 'Sticky note: Typed without a mouse' });
  await expect(note).toBeFocused();

  // Edit it again: Enter opens the editor, Ctrl+Enter keeps the change.
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(', edited');
  await page.keyboard.press('Control+Enter');
  await expect(canvas.getByRole('group', { name: 'Sticky note: Typed without a mouse, edited' })).toBeFocused();

  // Move it with the arrows, recolour it from the selection bar, and find it in the outline.
  const before = await boxOf(canvas.getByRole('group', { name: /edited$/ }));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await boxOf(canvas.getByRole('group', { name: /edited$/ }))).x).toBeGreaterThan(before.x + 5);
  await page.getByRole('button', { name: 'Outline' }).click();
  await expect(page.getByLabel('Find items')).toBeFocused();
  await page.keyboard.type('edited');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sticky note: Typed without a mouse, edited' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.getByRole('group', { name: /edited$/ })).toBeFocused();
  await person.context.close();
});

test('copies items to another board', async ({ browser }) => {
  const { board: b, person, community } = await newBoard(browser, 'Copy Cat');
  const { page } = b;
  await moveTo(b, 200, 200);
  await page.keyboard.press('r');
  await page.keyboard.type('Copied shape');
  await page.keyboard.press('Escape');
  await moveTo(b, 500, 200);
  await page.keyboard.press('n');
  await page.keyboard.type('Copied note');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');

  // Duplicate within the board first (Ctrl+D).
  await page.keyboard.press('Control+d');
  await expect(b.item('Rectangle: Copied shape')).toHaveCount(2);

  const other = await createSessionViaApi(page, community.id, { title: 'Another session' });
  const b2 = await openBoard(page, other.id);
  await page.keyboard.press('Control+v');
  await expect(b2.item('Rectangle: Copied shape')).toBeVisible();
  await expect(b2.item('Sticky note: Copied note')).toBeVisible();
  await person.context.close();
});

test('exports the board as a PNG of the right size', async ({ browser }) => {
  const { board: b, person } = await newBoard(browser, 'Export Eve');
  const { page } = b;
  await moveTo(b, 200, 200);
  await page.keyboard.press('n');
  await page.keyboard.type('In the export');
  await page.keyboard.press('Escape');
  await moveTo(b, 520, 260);
  await page.keyboard.press('d');
  await page.keyboard.type('Decide');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByLabel('The whole board').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('board.png');
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  // Two items 200 × 160 and 200 × 120 with 32 px padding, at 2×: the note's and the diamond's bounds.
  const note = await boxOf(b.item('Sticky note: In the export'));
  const diamond = await boxOf(b.item('Diamond: Decide'));
  const zoom = 1; // the board is at 100% here
  const boundsW = (Math.max(note.x + note.width, diamond.x + diamond.width) - Math.min(note.x, diamond.x)) / zoom;
  const boundsH = (Math.max(note.y + note.height, diamond.y + diamond.height) - Math.min(note.y, diamond.y)) / zoom;
  expect(Math.abs(width - 2 * (boundsW + 64))).toBeLessThanOrEqual(4);
  expect(Math.abs(height - 2 * (boundsH + 64))).toBeLessThanOrEqual(4);
  expect(bytes.length).toBeGreaterThan(2000);
  await expect(page.getByRole('status').filter({ hasText: 'Exported board.png' })).toContainText(`${width} × ${height} pixels`);
  await person.context.close();
});

test('pinch zooms and two fingers pan on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signUpViaApi(page, 'Tablet Tess');
  const community = await createCommunityViaApi(page, { name: `Touch ${Date.now()}` });
  const session = await createSessionViaApi(page, community.id, { title: 'On a tablet' });
  const b = await openBoard(page, session.id);
  await moveTo(b, 300, 250);
  await page.keyboard.press('n');
  await page.keyboard.type('Touch me');
  await page.keyboard.press('Escape');
  const note = b.item('Sticky note: Touch me');
  const zoomLabel = page.getByRole('button', { name: /^Zoom \d+%/ });
  await expect(zoomLabel).toHaveText('100%');

  await page.keyboard.press('Escape'); // deselect: the selection bar would sit under the fingers
  const cdp = await context.newCDPSession(page);
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const c = await b.at(450, 170);

  // Fingers apart: zoom in around their midpoint.
  await touch('touchStart', [[c.x - 50, c.y], [c.x + 50, c.y]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[c.x - 50 - i * 5, c.y], [c.x + 50 + i * 5, c.y]]);
  await touch('touchEnd', []);
  await expect(zoomLabel).toHaveText('200%');

  // Both fingers move together: the board pans with them, the zoom stays.
  const before = await boxOf(note);
  await touch('touchStart', [[c.x - 50, c.y], [c.x + 50, c.y]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[c.x - 50 + i * 8, c.y + i * 4], [c.x + 50 + i * 8, c.y + i * 4]]);
  await touch('touchEnd', []);
  const after = await boxOf(note);
  expect(Math.round(after.x - before.x)).toBe(80);
  expect(Math.round(after.y - before.y)).toBe(40);
  await expect(zoomLabel).toHaveText('200%');
  await context.close();
});
