/**
 * Private mode (issue 4 item 6, SPEC R13) in three browsers: the facilitator turns it on, member A adds
 * a sticky (shown to A as a private draft), member B's page never shows it, the facilitator sees it as
 * a draft and reveals it, and then B sees it on the board.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi, setRoleViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

/** Opens the session's board (tabs on narrow screens, "Board only" on wide ones). */
async function openBoard(page: Page, sessionId: string) {
  await page.goto(`/s/${sessionId}`);
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  const tab = page.getByRole('tab', { name: 'Board' });
  const only = page.getByRole('button', { name: 'Board only' });
  await expect(tab.or(only)).toBeVisible();
  if (await tab.isVisible()) await tab.click();
  else await only.click();
  await expect(canvas).toBeVisible();
  return canvas;
}

test('private mode: a member’s note stays hidden from other members until the facilitator reveals it', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const fac = await signedUpPerson(browser, 'Farid Facilitator');
  const a = await signedUpPerson(browser, 'Ada Author');
  const b = await signedUpPerson(browser, 'Ben Bystander');
  const community = await createCommunityViaApi(host.page, { name: `Private ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Brainstorm' });
  for (const p of [fac, a, b]) await joinViaApi(p.page, community.id);
  await setRoleViaApi(host.page, community.id, fac.user.id, 'facilitator');
  const secret = 'Secret idea from Ada';

  const facCanvas = await openBoard(fac.page, session.id);
  const aCanvas = await openBoard(a.page, session.id);
  const bCanvas = await openBoard(b.page, session.id);

  await test.step('the facilitator turns private mode on', async () => {
    await fac.page.getByRole('button', { name: 'Facilitate' }).click();
    await fac.page.getByRole('button', { name: 'Start private mode' }).click();
    for (const p of [a, b]) await expect(p.page.locator('.fac-private')).toBeVisible();
    await expect(a.page.getByText('your new notes are visible only to you')).toBeVisible();
  });

  await test.step('member A adds a sticky: a private draft only A (and the facilitator) can see', async () => {
    await aCanvas.dblclick({ position: { x: 200, y: 200 } });
    const text = a.page.getByRole('textbox', { name: 'Draft note text' });
    await expect(text).toBeFocused();
    await a.page.keyboard.type(secret);
    await a.page.keyboard.press('Escape');
    await expect(aCanvas.getByRole('group', { name: 'Private draft note, only you can see it' })).toContainText('Only you can see this');
    await expect(facCanvas.getByRole('group', { name: 'Private draft note by Ada Author' })).toContainText(secret);
    // B's page: nothing (give the server every chance to leak it first).
    await b.page.waitForTimeout(1000);
    await expect(b.page.getByText(secret)).toHaveCount(0);
    await expect(bCanvas.locator('.board-draft')).toHaveCount(0);
  });

  await test.step('the facilitator reveals: B sees the note on the board, the drafts are gone', async () => {
    await fac.page.getByRole('button', { name: 'Reveal private notes' }).click();
    await expect(fac.page.getByText('1 note revealed')).toBeVisible();
    await expect(bCanvas.getByRole('group', { name: `Sticky note: ${secret}` })).toBeVisible();
    await expect(aCanvas.getByRole('group', { name: `Sticky note: ${secret}` })).toBeVisible();
    await expect(aCanvas.locator('.board-draft')).toHaveCount(0);
    await expect(b.page.locator('.fac-private')).toHaveCount(0);
  });

  for (const p of [host, fac, a, b]) await p.context.close();
});
