/**
 * Working offline: edits made while the browser is offline are kept on the device and counted in the
 * save status, then saved and shown to the others once the connection is back.
 */
import { expect, test } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addAgendaItem, addStickyByKeyboard, agendaItems, boardItem, boardItems, notesEditor, openRoom, saveStatus } from './support/room.ts';

test('edits made offline are kept, counted, and saved and shared on reconnect', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Olu Online');
  const member = await signedUpPerson(browser, 'Fern Offline');
  const community = await createCommunityViaApi(host.page, { name: `Offline check ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'On the train' });
  await joinViaApi(member.page, community.id);
  await openRoom(host.page, session.id, 'On the train');
  await openRoom(member.page, session.id, 'On the train');

  await member.context.setOffline(true);
  await expect(saveStatus(member.page)).toHaveText('Offline — no unsaved changes');

  await addAgendaItem(member.page, { title: 'Written on the train', minutes: 5 });
  await expect(saveStatus(member.page)).toHaveText('Offline — 1 change kept on this device');
  await addStickyByKeyboard(member.page, 'No signal here', { x: 150, y: 120 });
  await notesEditor(member.page).click();
  await member.page.keyboard.type('Typed offline.');
  await expect(saveStatus(member.page)).toHaveText(/^Offline — \d+ changes kept on this device$/);
  const pending = Number(/(\d+) changes/.exec((await saveStatus(member.page).textContent()) ?? '')?.[1]);
  expect(pending).toBeGreaterThanOrEqual(3);

  // Nothing has reached the others yet.
  await expect(agendaItems(host.page)).toHaveCount(0);
  await expect(boardItems(host.page)).toHaveCount(0);

  await member.context.setOffline(false);
  await expect(saveStatus(member.page)).toHaveText('Saved', { timeout: 15_000 });
  await expect(agendaItems(host.page)).toHaveText([/Written on the train/]);
  await expect(boardItem(host.page, 'Sticky note: No signal here')).toBeVisible();
  await expect(notesEditor(host.page)).toContainText('Typed offline.');
  await expect(saveStatus(host.page)).toHaveText('Saved');

  await host.context.close();
  await member.context.close();
});
