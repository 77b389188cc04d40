/**
 * Guest links (issue 4 item 10): a host creates an edit link for one session; someone without an
 * account opens it in another browser, gives a name, sees the session board and adds a sticky; the host
 * revokes the link and the guest's page says at once that access has ended.
 */
import { expect, test } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { newPerson, signedUpPerson } from './support/people.ts';
import { addStickyByKeyboard, board, boardCanvas, boardItem, notesEditor, openRoom, saveStatus } from './support/room.ts';

test('a host invites a guest by link; the guest joins by name and adds a sticky; revoking ends their access', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const community = await createCommunityViaApi(host.page, { name: `Guests ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Invited talk' });
  await openRoom(host.page, session.id, 'Invited talk');

  let url = '';
  await test.step('the host creates an edit guest link in the Facilitate panel', async () => {
    await host.page.getByRole('button', { name: 'Facilitate' }).click();
    const section = host.page.getByRole('region', { name: 'Guest links' });
    await expect(section.getByText('No active guest links.')).toBeVisible();
    await section.getByLabel('Expires after').selectOption({ label: '3 hours' });
    await section.getByLabel('Guests can').selectOption({ label: 'Edit and present' });
    await section.getByLabel('For').fill('Invited presenter');
    await section.getByRole('button', { name: 'Create guest link' }).click();
    const link = section.getByRole('textbox', { name: /shown only/ });
    await expect(link).toHaveValue(/\/guest\/[A-Za-z0-9_-]{43}$/);
    url = await link.inputValue();
    await expect(section.getByRole('list', { name: 'Active guest links' }).getByRole('listitem')).toHaveCount(1);
    await host.page.getByRole('button', { name: 'Close the facilitation panel' }).click();
  });

  const guest = await newPerson(browser, 'Gita Guest');
  await test.step('the guest (no account) opens the link, gives a name and sees the session board', async () => {
    await guest.page.goto(new URL(url).pathname);
    await expect(guest.page.getByRole('heading', { level: 1, name: 'Join “Invited talk”' })).toBeVisible();
    await guest.page.getByLabel('Your name').fill('Gita Guest');
    await guest.page.getByRole('button', { name: 'Join the session' }).click();
    await expect(guest.page.getByRole('heading', { level: 1, name: 'Invited talk' })).toBeVisible();
    await expect(saveStatus(guest.page)).toHaveText('Saved');
    await expect(guest.page.getByText('Guest', { exact: true })).toBeVisible();
    await expect(board(guest.page)).toBeVisible();
  });

  await test.step('the guest adds a sticky; the host sees it', async () => {
    await addStickyByKeyboard(guest.page, 'Slides: bit.ly/talk');
    await expect(boardItem(host.page, 'Sticky note: Slides: bit.ly/talk')).toBeVisible();
    await expect(saveStatus(guest.page)).toHaveText('Saved');
  });

  await test.step('the host revokes the link; the guest page shows that access has ended', async () => {
    await host.page.getByRole('button', { name: 'Facilitate' }).click();
    const section = host.page.getByRole('region', { name: 'Guest links' });
    await section.getByRole('button', { name: /^Revoke Invited presenter/ }).click();
    await expect(section.getByText('No active guest links.')).toBeVisible();
    await expect(guest.page.getByRole('heading', { level: 1, name: 'Your guest access has ended' })).toBeVisible();
    await expect(guest.page.getByRole('heading', { level: 1, name: 'Invited talk' })).toHaveCount(0);
    // A reload does not bring it back.
    await guest.page.reload();
    await expect(guest.page.getByRole('heading', { level: 1, name: 'Your guest access has ended' })).toBeVisible();
  });

  for (const p of [host, guest]) await p.context.close();
});

test('audience mode: a member is view only with a clear notice until the host hands them the pen', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const member = await signedUpPerson(browser, 'Mia Member');
  const community = await createCommunityViaApi(host.page, { name: `Audience ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Big town hall' });
  await joinViaApi(member.page, community.id);
  await openRoom(host.page, session.id, 'Big town hall');
  await openRoom(member.page, session.id, 'Big town hall');
  const notice = member.page.getByText('View only — audience mode');

  await test.step('the host turns audience mode on: the member\'s board and notes become view only', async () => {
    await host.page.getByRole('button', { name: 'Facilitate' }).click();
    const section = host.page.getByRole('region', { name: 'Audience mode' });
    await section.getByRole('button', { name: 'Turn audience mode on' }).click();
    await expect(notice).toBeVisible();
    await expect(boardCanvas(member.page)).toHaveAccessibleName('Board canvas, view only');
    await expect(notesEditor(member.page)).toHaveAttribute('contenteditable', 'false');
    await expect(board(member.page).getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Add sticky note' })).toHaveCount(0);
    // The host keeps the pen (the panel is closed first: it lies over the board).
    await host.page.getByRole('button', { name: 'Close the facilitation panel' }).click();
    await addStickyByKeyboard(host.page, 'Agenda for today');
    await expect(boardItem(member.page, 'Sticky note: Agenda for today')).toBeVisible();
  });

  await test.step('the host hands the member the pen: the member edits again', async () => {
    await host.page.getByRole('button', { name: 'Facilitate' }).click();
    const section = host.page.getByRole('region', { name: 'Audience mode' });
    await section.getByLabel('Person to hand the pen to').selectOption({ label: 'Mia Member' });
    await section.getByRole('button', { name: 'Hand the pen' }).click();
    await expect(section.getByRole('list', { name: 'Speakers' })).toContainText('Mia Member');
    await expect(notice).toHaveCount(0);
    await expect(saveStatus(member.page)).toHaveText('Saved');
    await addStickyByKeyboard(member.page, 'Question from the floor');
    await expect(boardItem(host.page, 'Sticky note: Question from the floor')).toBeVisible();
  });

  for (const p of [host, member]) await p.context.close();
});
