/**
 * Viewers follow a session live but cannot change it: no edit controls, and edit shortcuts do nothing
 * (checked on the host's page, which would show any change, and on the viewer's honest save status).
 */
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import {
  addAgendaItem,
  addStickyByKeyboard,
  agenda,
  agendaItems,
  board,
  boardCanvas,
  boardItem,
  boardItems,
  notesEditor,
  notesText,
  notesToolbar,
  openRoom,
  saveStatus,
} from './support/room.ts';

/** On a community page (as its host): changes a member's role with the role picker. */
async function setRoleViaUi(page: Page, communityId: string, memberName: string, role: 'Viewer' | 'Member') {
  await page.goto(`/c/${encodeURIComponent(communityId)}`);
  const picker = page.getByRole('combobox', { name: `Role of ${memberName}` });
  await picker.selectOption({ label: role });
  await expect(page.getByRole('status').filter({ hasText: `${memberName} is now a ${role.toLowerCase()}.` })).toBeVisible();
  await expect(picker).toHaveValue(role.toLowerCase());
}

test('a viewer sees the session live but has no edit controls, and edit keys change nothing', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const viewer = await signedUpPerson(browser, 'Victor Viewer');
  const community = await createCommunityViaApi(host.page, { name: `Viewer check ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Quarterly review' });
  await joinViaApi(viewer.page, community.id);

  await test.step('the host demotes the member to viewer on the community page', async () => {
    await setRoleViaUi(host.page, community.id, viewer.name, 'Viewer');
  });

  await test.step('the host prepares some content', async () => {
    await openRoom(host.page, session.id, 'Quarterly review');
    await addAgendaItem(host.page, { title: 'Numbers so far', minutes: 15, owner: host.name });
    await notesEditor(host.page).click();
    await host.page.keyboard.type('Attendance is up.');
    await addStickyByKeyboard(host.page, 'Keep Mondays', { x: 150, y: 120 });
    await expect(saveStatus(host.page)).toHaveText('Saved');
  });

  await test.step('the viewer opens the session: content, "View only", no edit controls', async () => {
    await openRoom(viewer.page, session.id, 'Quarterly review');
    const page = viewer.page;
    await expect(page.getByText('View only', { exact: true })).toBeVisible();
    await expect(agendaItems(page)).toHaveText([/Numbers so far/]);
    await expect.poll(() => notesText(page)).toBe('Attendance is up.');
    await expect(boardItem(page, 'Sticky note: Keep Mondays')).toBeVisible();

    await expect(agenda(page).getByRole('form', { name: 'Add an agenda item' })).toHaveCount(0);
    await expect(agenda(page).getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Done: Numbers so far' })).toBeDisabled();
    await expect(notesEditor(page)).toHaveAttribute('contenteditable', 'false');
    await expect(notesEditor(page)).toHaveAttribute('aria-readonly', 'true');
    await expect(notesToolbar(page)).toHaveCount(0);
    await expect(boardCanvas(page)).toHaveAccessibleName('Board canvas, view only');
    const tools = board(page).getByRole('toolbar', { name: 'Board tools' });
    await expect(tools.getByRole('button', { name: 'Select and move' })).toBeVisible();
    for (const name of ['Add sticky note', 'Add text', 'Add link', 'Undo', 'Redo']) {
      await expect(tools.getByRole('button', { name })).toHaveCount(0);
    }
  });

  await test.step('the viewer sees the host’s changes live', async () => {
    await addAgendaItem(host.page, { title: 'Plans for spring', minutes: 20 });
    await host.page.getByRole('button', { name: 'Now: Plans for spring' }).click();
    await expect(agendaItems(viewer.page)).toHaveText([/Numbers so far/, /Plans for spring/]);
    await expect(agendaItems(viewer.page).filter({ hasText: 'Plans for spring' })).toHaveAttribute('aria-current', 'step');
    await addStickyByKeyboard(host.page, 'Invite the new school nurses', { x: 150, y: 330 });
    await expect(boardItem(viewer.page, 'Sticky note: Invite the new school nurses')).toBeVisible();
  });

  await test.step('edit shortcuts from the viewer change nothing', async () => {
    const page = viewer.page;
    // Board: N (new note), T (text), Delete and Ctrl+Z with an item focused.
    const canvas = boardCanvas(page);
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + box.height - 40);
    await expect(canvas).toBeFocused();
    await page.keyboard.press('n');
    await page.keyboard.press('t');
    await boardItem(page, 'Sticky note: Keep Mondays').focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Enter');
    await expect(board(page).getByRole('textbox')).toHaveCount(0);
    // Notes: click into the text and type.
    await notesEditor(page).click();
    await page.keyboard.type('viewer was here');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    // Agenda: Alt+ArrowDown on a row.
    await agendaItems(page).first().focus();
    await page.keyboard.press('Alt+ArrowDown');

    // Nothing changed on the viewer's own page, and nothing was even sent: a refused edit would show
    // "Not saving — …" (the server closes a read-only connection that sends an update).
    await expect(boardItems(page)).toHaveCount(2);
    await expect.poll(() => notesText(page)).toBe('Attendance is up.');
    await expect(agendaItems(page)).toHaveText([/Numbers so far/, /Plans for spring/]);
    await expect(saveStatus(page)).toHaveText('Saved');

    // A change the host makes after the viewer's attempts arrives at the viewer (the connection is alive
    // and ordered); the host's page shows none of the viewer's keys.
    await addAgendaItem(host.page, { title: 'Wrap-up', minutes: 5 });
    await expect(agendaItems(page)).toHaveText([/Numbers so far/, /Plans for spring/, /Wrap-up/]);
    await expect(agendaItems(host.page)).toHaveText([/Numbers so far/, /Plans for spring/, /Wrap-up/]);
    await expect(boardItems(host.page)).toHaveCount(2);
    await expect(boardItem(host.page, 'Sticky note: Keep Mondays')).toBeVisible();
    await expect.poll(() => notesText(host.page)).toBe('Attendance is up.');
    await expect(saveStatus(page)).toHaveText('Saved');
  });

  await host.context.close();
  await viewer.context.close();
});

test('a member demoted while in the room loses the edit controls without reloading', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const member = await signedUpPerson(browser, 'Mo Member');
  const community = await createCommunityViaApi(host.page, { name: `Live demotion ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Live demotion' });
  await joinViaApi(member.page, community.id);

  await openRoom(member.page, session.id, 'Live demotion');
  await expect(agenda(member.page).getByRole('form', { name: 'Add an agenda item' })).toBeVisible();
  await expect(board(member.page).getByRole('button', { name: 'Add sticky note' })).toBeVisible();

  await setRoleViaUi(host.page, community.id, member.name, 'Viewer');

  await expect(member.page.getByText('View only', { exact: true })).toBeVisible();
  await expect(agenda(member.page).getByRole('form', { name: 'Add an agenda item' })).toHaveCount(0);
  await expect(board(member.page).getByRole('button', { name: 'Add sticky note' })).toHaveCount(0);
  await expect(notesEditor(member.page)).toHaveAttribute('contenteditable', 'false');
  await expect(saveStatus(member.page)).toHaveText('Saved');

  await host.context.close();
  await member.context.close();
});
