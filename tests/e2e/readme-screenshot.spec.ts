/**
 * The README's picture of a session room: a realistic session (agenda, notes, board) with two people
 * in it, so a notes caret and a board cursor show, at 1440×900. Runs with the suite as a smoke test of
 * a full room; writes docs/session.png only when UPDATE_README_SCREENSHOT=1 (otherwise into the test's
 * output folder), so test runs do not rewrite a tracked file.
 *
 *   npx vite build && UPDATE_README_SCREENSHOT=1 npx playwright test readme-screenshot
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import {
  addAgendaItem,
  addStickyByKeyboard,
  agendaItems,
  board,
  boardCanvas,
  boardCursorLabels,
  boardItem,
  boardItems,
  caretLabels,
  notesEditor,
  notesToolbar,
  openRoom,
  presenceList,
  saveStatus,
} from './support/room.ts';

const VIEWPORT = { width: 1440, height: 900 };

/** The last Monday at 15:30 local time (the session is "Mentoring Monday"). */
function lastMondayAfternoon(): Date {
  const d = new Date();
  d.setHours(15, 30, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/** Adds a sticky note at a canvas point and gives it a palette colour (by its name). */
async function sticky(page: Page, text: string, at: { x: number; y: number }, colour: string) {
  const note = await addStickyByKeyboard(page, text, at);
  await board(page).getByRole('toolbar', { name: 'Selected sticky note' }).getByRole('button', { name: colour }).click();
  await expect(note).toBeVisible();
}

/**
 * "Fit" (key 1), then the view nudged down a little: fitting centres the items with a 48px margin,
 * which leaves the top row partly under the board's toolbar.
 */
async function fitBoard(page: Page) {
  const canvas = boardCanvas(page);
  await canvas.focus();
  await page.keyboard.press('1');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
  await page.mouse.wheel(0, -28);
}

test('README screenshot: a session room in use', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Maya Lindqvist', { viewport: VIEWPORT });
  const guest = await signedUpPerson(browser, 'Tom Reyes', { viewport: VIEWPORT });
  const community = await createCommunityViaApi(host.page, {
    name: 'School Nurses Network',
    domain: 'School nurses across the district learning from each other’s cases, one Monday a month.',
    groundRules: 'No student names. What is said in a case review stays in the room.',
  });
  const session = await createSessionViaApi(host.page, community.id, {
    title: 'Mentoring Monday: managing concussions',
    startsAt: lastMondayAfternoon(),
    durationMinutes: 60,
    format: 'focus_group',
  });
  await joinViaApi(guest.page, community.id);
  const page = host.page;
  await openRoom(page, session.id, session.title);

  await test.step('agenda', async () => {
    await addAgendaItem(page, { title: 'Welcome and check-in', minutes: 5, owner: 'Maya Lindqvist' });
    await addAgendaItem(page, { title: 'Case: return to learn after a fall in PE', minutes: 20, owner: 'Tom Reyes' });
    await addAgendaItem(page, { title: 'Updated sideline symptom checklist', minutes: 15, owner: 'Priya Natarajan' });
    await addAgendaItem(page, { title: 'Action items and next steps', minutes: 10, owner: 'Maya Lindqvist' });
    await page.getByRole('checkbox', { name: 'Done: Welcome and check-in' }).check();
    await page.getByRole('button', { name: 'Now: Case: return to learn after a fall in PE' }).click();
    await expect(agendaItems(page)).toHaveCount(4);
  });

  await test.step('notes', async () => {
    const editor = notesEditor(page);
    await editor.click();
    const toolbar = notesToolbar(page);
    await toolbar.getByRole('button', { name: 'Heading 2' }).click();
    await page.keyboard.type('Return to learn: what worked');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tom’s student (grade 8) had headaches for two weeks after a fall in PE. A shortened day and ');
    await page.keyboard.type('rest breaks in the nurse’s office helped more than time off school.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Teachers need the plan in writing, and parents want one person to call.');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Heading 3' }).click();
    await page.keyboard.type('Next steps');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Task list' }).click();
    await page.keyboard.type('Share the return-to-learn letter template');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ask PE staff to log head knocks the same day');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Draft a symptom diary for students');
    await editor.getByRole('listitem').filter({ hasText: 'Share the return-to-learn letter template' }).getByRole('checkbox').check();
  });

  await test.step('board', async () => {
    await sticky(page, 'Shortened days for the first week', { x: 130, y: 150 }, 'Yellow');
    await sticky(page, 'Quiet room for rest breaks', { x: 350, y: 150 }, 'Green');
    await sticky(page, 'Screen time limits: what do we tell parents?', { x: 130, y: 330 }, 'Blue');
    await sticky(page, 'One contact person per family', { x: 350, y: 330 }, 'Pink');
    await sticky(page, 'Red flags: worsening headache, vomiting, confusion', { x: 130, y: 510 }, 'Orange');
    await sticky(page, 'Coaches want a one-page summary', { x: 350, y: 510 }, 'Yellow');
    // A link card, typed into the link form opened with L where the pointer is.
    const canvas = boardCanvas(page);
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + 170, box.y + 660);
    await page.keyboard.press('l');
    await board(page).getByLabel('Link address').fill('https://www.cdc.gov/heads-up/');
    await page.keyboard.press('Enter');
    await expect(boardItem(page, 'Link: www.cdc.gov')).toBeVisible();
    await expect(boardItems(page)).toHaveCount(7);
    // Deselect and fit everything into view.
    await page.mouse.click(box.x + box.width - 30, box.y + 80);
    await expect(board(page).getByRole('toolbar', { name: /^Selected/ })).toHaveCount(0);
    await fitBoard(page);
  });

  await test.step('a second person joins: their caret in the notes, their pointer on the board', async () => {
    await openRoom(guest.page, session.id, session.title);
    await expect(presenceList(page)).toHaveAccessibleName('2 people here');
    await expect(boardItems(guest.page)).toHaveCount(7);
    // Same viewport and "fit" on both sides: the two boards show the same area.
    await fitBoard(guest.page);
    // Tom clicks into the notes (his caret), then points at a note on the board without clicking.
    await notesEditor(guest.page).getByText('parents want one person to call').click();
    const target = (await boardItem(guest.page, 'Sticky note: One contact person per family').boundingBox())!;
    await guest.page.mouse.move(target.x + target.width * 0.6, target.y + target.height * 0.75, { steps: 6 });
    await expect(caretLabels(page)).toHaveText(['Tom Reyes']);
    await expect(boardCursorLabels(page).filter({ hasText: 'Tom Reyes' })).toBeVisible();
  });

  await expect(saveStatus(page)).toHaveText('Saved');
  // No focus ring or hover in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, VIEWPORT.height - 1);
  const file = process.env.UPDATE_README_SCREENSHOT ? path.resolve('docs/session.png') : test.info().outputPath('session.png');
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });

  await host.context.close();
  await guest.context.close();
});
