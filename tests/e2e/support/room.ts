/**
 * The session room as tests see it: locators for its parts (by role and accessible name, as the
 * client defines them) and the few multi-step actions tests repeat (add an agenda item, add a sticky).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens /s/:id and waits until the room is connected and in sync ("Saved"). */
export async function openRoom(page: Page, sessionId: string, title?: string): Promise<void> {
  await page.goto(`/s/${encodeURIComponent(sessionId)}`);
  if (title) await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** The visible save status text ("Saved", "Saving…", "Offline — 2 changes kept on this device", …). */
export function saveStatus(page: Page): Locator {
  // The indicator's visible text has no role of its own; its live region only announces transitions.
  return page.locator('.save-status__text');
}

/** The presence list ("2 people here"). */
export function presenceList(page: Page): Locator {
  return page.getByRole('list', { name: /\b(person|people) here$/ });
}

// ---------- agenda ----------

/** The agenda panel. */
export function agenda(page: Page): Locator {
  return page.getByRole('region', { name: 'Agenda', exact: true });
}

/** The agenda's rows, in order. */
export function agendaItems(page: Page): Locator {
  return agenda(page).getByRole('list', { name: 'Agenda items' }).getByRole('listitem');
}

/** One agenda row by its title. */
export function agendaItem(page: Page, title: string): Locator {
  return agendaItems(page).filter({ hasText: title });
}

/** Adds an item through the add form and waits for its row. */
export async function addAgendaItem(page: Page, item: { title: string; minutes: number; owner?: string }): Promise<void> {
  const form = agenda(page).getByRole('form', { name: 'Add an agenda item' });
  await form.getByLabel('New item').fill(item.title);
  await form.getByLabel('Minutes', { exact: true }).fill(String(item.minutes));
  await form.getByLabel('Owner', { exact: true }).fill(item.owner ?? '');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(agendaItem(page, item.title)).toBeVisible();
}

// ---------- notes ----------

/** The shared notes editor (a contenteditable textbox). */
export function notesEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Shared notes' });
}

/** The notes' formatting toolbar. */
export function notesToolbar(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes', exact: true }).getByRole('toolbar', { name: 'Formatting' });
}

/**
 * The notes as plain text, one line per block, without other people's caret labels (which the caret
 * plugin puts inline, inside the text). For exact comparisons: `expect.poll(() => notesText(page))`.
 */
export function notesText(page: Page): Promise<string> {
  return notesEditor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    const blocks = copy.querySelectorAll('h1, h2, h3, p, pre');
    return Array.from(blocks, (b) => b.textContent ?? '').join('\n');
  });
}

/** Other people's caret labels in the notes (decorative, so they have no role: found by class). */
export function caretLabels(page: Page): Locator {
  return page.locator('.collaboration-carets__label');
}

// ---------- board ----------

/** The board panel. */
export function board(page: Page): Locator {
  return page.getByRole('region', { name: 'Resource board' });
}

/** The board's canvas (where items live and board shortcuts apply). */
export function boardCanvas(page: Page): Locator {
  return board(page).getByRole('application', { name: /^Board canvas/ });
}

/** Every item on the board. */
export function boardItems(page: Page): Locator {
  return boardCanvas(page).getByRole('group');
}

/** A board item by its accessible name ("Sticky note: …", "Link: … (host)"). */
export function boardItem(page: Page, name: string | RegExp): Locator {
  return boardCanvas(page).getByRole('group', { name });
}

/** Other people's pointer labels on the board (decorative, aria-hidden: found by class). */
export function boardCursorLabels(page: Page): Locator {
  return boardCanvas(page).locator('.board-cursor__label');
}

/**
 * Adds a sticky note the keyboard way: point at `at` (relative to the canvas' top-left, so the note
 * lands there), press N, type, Escape. Waits for the note.
 */
export async function addStickyByKeyboard(page: Page, text: string, at: { x: number; y: number } = { x: 200, y: 150 }): Promise<Locator> {
  const canvas = boardCanvas(page);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('board canvas is not visible');
  // Nothing selected first (Escape on the canvas deselects): the selected item's toolbar may cover `at`.
  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(board(page).getByRole('toolbar', { name: /^Selected / })).toHaveCount(0);
  // A click on empty canvas focuses it (board keys need focus) and leaves the pointer where the note goes.
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(canvas).toBeFocused();
  await page.keyboard.press('n');
  const editor = board(page).getByRole('textbox', { name: 'Sticky note text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  const note = boardItem(page, `Sticky note: ${text}`);
  await expect(note).toBeVisible();
  return note;
}

/** An item's position in board coordinates, read from its transform (the same on every screen). */
export async function boardPosition(item: Locator): Promise<{ x: number; y: number }> {
  const transform = await item.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`unexpected item transform: ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Drags `item` by (dx, dy) screen pixels with the mouse, in small steps like a hand would. */
export async function dragBy(page: Page, item: Locator, dx: number, dy: number): Promise<void> {
  const box = await item.boundingBox();
  if (!box) throw new Error('item is not visible');
  // Grab near the top-left corner, away from the resize handle (bottom right) and any link.
  const x = box.x + Math.min(24, box.width / 4);
  const y = box.y + Math.min(16, box.height / 4);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
}
