/**
 * Two members co-edit one session room from two browsers: presence, the agenda, the notes (with carets),
 * the board (with live cursors and per-person undo), the save status, and what a reload brings back.
 */
import { expect, test } from '@playwright/test';
import { joinFromDirectoryViaUi, openSessionViaUi, scheduleSessionViaUi, startCommunityViaUi } from './support/communities.ts';
import { newPerson, signUpViaUi } from './support/people.ts';
import {
  addAgendaItem,
  addStickyByKeyboard,
  agenda,
  agendaItem,
  agendaItems,
  board,
  boardCanvas,
  boardCursorLabels,
  boardItem,
  boardItems,
  boardPosition,
  caretLabels,
  dragBy,
  notesEditor,
  notesToolbar,
  presenceList,
  saveStatus,
} from './support/room.ts';

test('two members co-edit the agenda, notes and board live, and everything survives a reload', async ({ browser }) => {
  const a = await newPerson(browser, 'Amira Haddad');
  const b = await newPerson(browser, 'Ben Okafor');
  const community = `Wound Care Circle ${Date.now().toString(36)}`;
  const title = 'Case review: pressure injuries';

  await test.step('the host signs up, starts an open community, schedules a session and opens it', async () => {
    await signUpViaUi(a);
    await startCommunityViaUi(a.page, { name: community, domain: 'Community nurses sharing wound care cases.', visibility: 'Open' });
    await scheduleSessionViaUi(a.page, title);
    await openSessionViaUi(a.page, title);
    await expect(saveStatus(a.page)).toHaveText('Saved');
  });

  await test.step('a second person signs up, joins from the directory and opens the session', async () => {
    await signUpViaUi(b);
    await joinFromDirectoryViaUi(b.page, community);
    await openSessionViaUi(b.page, title);
    await expect(saveStatus(b.page)).toHaveText('Saved');
  });

  await test.step('each sees the other in the presence list', async () => {
    for (const p of [a, b]) {
      const list = presenceList(p.page);
      await expect(list).toHaveAccessibleName('2 people here');
      // Me first, then the others (each chip also shows initials, hence the end-anchored match).
      const other = p === a ? b : a;
      await expect(list.getByRole('listitem')).toHaveText([new RegExp(`${p.name} \\(you\\)$`), new RegExp(`${other.name}$`)]);
    }
  });

  await test.step('agenda: add, mark done and current, reorder, totals', async () => {
    await addAgendaItem(a.page, { title: 'Check-in round', minutes: 10, owner: a.name });
    await expect(agendaItem(b.page, 'Check-in round')).toContainText(a.name);
    await expect(agendaItem(b.page, 'Check-in round')).toContainText('10 min');

    await b.page.getByRole('checkbox', { name: 'Done: Check-in round' }).check();
    await expect(a.page.getByRole('checkbox', { name: 'Done: Check-in round' })).toBeChecked();
    // "Now" is set by the host through the server (the control room), and everyone sees it.
    await expect(b.page.getByRole('button', { name: 'Now: Check-in round' })).toHaveCount(0);
    await a.page.getByRole('button', { name: 'Now: Check-in round' }).click();
    await expect(a.page.getByRole('button', { name: 'Now: Check-in round' })).toHaveAttribute('aria-pressed', 'true');
    await expect(agendaItem(b.page, 'Check-in round')).toHaveAttribute('aria-current', 'step');

    await addAgendaItem(a.page, { title: 'Case: heel ulcer', minutes: 25, owner: b.name });
    await expect(agendaItems(b.page)).toHaveText([/Check-in round/, /Case: heel ulcer/]);
    for (const p of [a, b]) await expect(agenda(p.page).getByRole('meter', { name: 'Planned time' })).toHaveAttribute('aria-valuetext', '35 of 60 min planned');

    // Keyboard reorder: Alt+ArrowUp on a control inside the row moves the row (focus stays with it).
    const done = a.page.getByRole('checkbox', { name: 'Done: Case: heel ulcer' });
    await done.focus();
    await a.page.keyboard.press('Alt+ArrowUp');
    await expect(done).toBeFocused();
    for (const p of [a, b]) await expect(agendaItems(p.page)).toHaveText([/Case: heel ulcer/, /Check-in round/]);

    // And back down with the Move button, from the other side.
    await b.page.getByRole('button', { name: 'Move “Case: heel ulcer” down' }).click();
    for (const p of [a, b]) await expect(agendaItems(p.page)).toHaveText([/Check-in round/, /Case: heel ulcer/]);

    await addAgendaItem(b.page, { title: 'Open questions', minutes: 30 });
    for (const p of [a, b]) {
      await expect(agenda(p.page)).toContainText('65 of 60 min · 5 min over');
      await expect(agenda(p.page).getByRole('meter', { name: 'Planned time' })).toHaveAttribute('aria-valuetext', '65 of 60 min, 5 min over the session length');
    }
  });

  await test.step('notes: text and headings sync, the other person sees my caret, task lists sync', async () => {
    const editorA = notesEditor(a.page);
    await editorA.click();
    await notesToolbar(a.page).getByRole('button', { name: 'Heading 2' }).click();
    await a.page.keyboard.type('Heel ulcer case');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('Offloading helped within two weeks.');

    const editorB = notesEditor(b.page);
    await expect(editorB.getByRole('heading', { level: 2, name: 'Heel ulcer case' })).toBeVisible();
    await expect(editorB).toContainText('Offloading helped within two weeks.');
    await expect(caretLabels(b.page)).toHaveText([a.name]);

    await editorB.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Enter');
    await notesToolbar(b.page).getByRole('button', { name: 'Task list' }).click();
    await b.page.keyboard.type('Share the offloading leaflet');
    const task = editorA.getByRole('listitem').filter({ hasText: 'Share the offloading leaflet' });
    await expect(task).toBeVisible();
    await expect(task.getByRole('checkbox')).not.toBeChecked();
    await expect(caretLabels(a.page)).toHaveText([b.name]);
  });

  let noteAt = { x: 0, y: 0 };
  await test.step('board: a sticky note syncs, a drag moves it for both, live cursors show', async () => {
    const noteA = await addStickyByKeyboard(a.page, 'Bring wound photos', { x: 140, y: 130 });
    const noteB = boardItem(b.page, 'Sticky note: Bring wound photos');
    await expect(noteB).toBeVisible();
    const before = await boardPosition(noteA);
    expect(await boardPosition(noteB)).toEqual(before);

    await dragBy(b.page, noteB, 90, 60);
    const moved = await boardPosition(noteB);
    expect(moved).not.toEqual(before);
    await expect.poll(() => boardPosition(noteA)).toEqual(moved);
    noteAt = moved;

    // B's pointer over the board shows on A's board with B's name.
    const box = (await noteB.boundingBox())!;
    await b.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await expect(boardCursorLabels(a.page).filter({ hasText: b.name })).toBeVisible();
    await b.page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
    await expect(boardCursorLabels(a.page).filter({ hasText: b.name })).toBeVisible();
  });

  await test.step('board: a pasted link and a typed link become cards showing their host', async () => {
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await a.page.evaluate((url) => navigator.clipboard.writeText(url), 'https://www.nhs.uk/conditions/pressure-ulcers/');
    await boardCanvas(a.page).focus();
    await a.page.keyboard.press('Control+v');
    for (const p of [a, b]) {
      const card = boardItem(p.page, 'Link: www.nhs.uk');
      await expect(card).toBeVisible();
      await expect(card).toContainText('www.nhs.uk');
    }

    await board(a.page).getByRole('button', { name: 'Add link' }).click();
    await board(a.page).getByLabel('Link address').fill('www.woundcare.example/offloading-guide');
    await a.page.keyboard.press('Enter');
    for (const p of [a, b]) {
      const card = boardItem(p.page, 'Link: www.woundcare.example');
      await expect(card).toBeVisible();
      await expect(card.getByRole('link')).toHaveAttribute('href', 'https://www.woundcare.example/offloading-guide');
      await expect(card).toContainText('www.woundcare.example');
    }
  });

  await test.step('board: Ctrl+Z undoes only my own last change', async () => {
    // B changes the board last; A's undo must still take back A's link, and nothing of B's.
    await addStickyByKeyboard(b.page, 'Ask about dressings', { x: 60, y: 320 });
    await expect(boardItem(a.page, 'Sticky note: Ask about dressings')).toBeVisible();
    await expect(boardItems(a.page)).toHaveCount(4);

    await boardItem(a.page, 'Link: www.woundcare.example').focus();
    await a.page.keyboard.press('Control+z');
    for (const p of [a, b]) {
      await expect(boardItem(p.page, 'Link: www.woundcare.example')).toHaveCount(0);
      await expect(boardItem(p.page, 'Sticky note: Ask about dressings')).toBeVisible();
      await expect(boardItem(p.page, 'Sticky note: Bring wound photos')).toBeVisible();
      await expect(boardItem(p.page, 'Link: www.nhs.uk')).toBeVisible();
      await expect(boardItems(p.page)).toHaveCount(3);
    }
  });

  await test.step('both reach "Saved"', async () => {
    await expect(saveStatus(a.page)).toHaveText('Saved');
    await expect(saveStatus(b.page)).toHaveText('Saved');
  });

  await test.step('after a reload everything is still there', async () => {
    await a.page.reload();
    await expect(saveStatus(a.page)).toHaveText('Saved');
    await expect(agendaItems(a.page)).toHaveText([/Check-in round/, /Case: heel ulcer/, /Open questions/]);
    await expect(a.page.getByRole('checkbox', { name: 'Done: Check-in round' })).toBeChecked();
    await expect(a.page.getByRole('button', { name: 'Now: Check-in round' })).toHaveAttribute('aria-pressed', 'true');
    const editor = notesEditor(a.page);
    await expect(editor.getByRole('heading', { level: 2, name: 'Heel ulcer case' })).toBeVisible();
    await expect(editor).toContainText('Offloading helped within two weeks.');
    await expect(editor.getByRole('listitem').filter({ hasText: 'Share the offloading leaflet' })).toBeVisible();
    await expect(boardItems(a.page)).toHaveCount(3);
    await expect(boardItem(a.page, 'Sticky note: Ask about dressings')).toBeVisible();
    await expect(boardItem(a.page, 'Link: www.nhs.uk')).toBeVisible();
    expect(await boardPosition(boardItem(a.page, 'Sticky note: Bring wound photos'))).toEqual(noteAt);
    await expect(boardCanvas(a.page)).toBeVisible();
  });

  await a.context.close();
  await b.context.close();
});
