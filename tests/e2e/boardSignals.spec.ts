/**
 * Board signals in two browsers (issue 4): a facilitator locks a sticky from the selection bar (the
 * member sees the lock and gets no edit tools for it), dot-vote badges (the member's own votes during
 * the round, the totals after the reveal), emoji reactions from the keyboard, and the laser pointer.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

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

test('locks, vote badges, reactions and the laser pointer reach the other browser', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hala Host');
  const member = await signedUpPerson(browser, 'Milo Member');
  const community = await createCommunityViaApi(host.page, { name: `Signals ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Signals' });
  await joinViaApi(member.page, community.id);
  const hCanvas = await openBoard(host.page, session.id);
  const mCanvas = await openBoard(member.page, session.id);

  const note = (canvas: typeof hCanvas) => canvas.getByRole('group', { name: 'Sticky note: Lock me' });
  await test.step('the host adds a sticky and locks it from the selection bar', async () => {
    await hCanvas.dblclick({ position: { x: 300, y: 250 } });
    await host.page.keyboard.type('Lock me');
    await host.page.keyboard.press('Escape');
    await note(hCanvas).click();
    await host.page.getByRole('button', { name: 'Lock for members' }).click();
    await expect(host.page.getByRole('button', { name: 'Unlock for members' })).toHaveAttribute('aria-pressed', 'true');
    await expect(mCanvas.locator('.board-badge--lock')).toBeVisible();
    await note(mCanvas).click();
    await expect(member.page.getByText('Locked by the facilitator')).toBeVisible();
    await expect(member.page.getByRole('toolbar', { name: /Selected/ })).toHaveCount(0);
  });

  await test.step('dot votes: my votes during the round, totals after the reveal', async () => {
    await host.page.getByRole('button', { name: /^Votes/ }).click();
    await host.page.getByRole('button', { name: 'New round' }).click();
    await member.page.getByRole('button', { name: /^Votes/ }).click();
    await member.page.getByRole('button', { name: 'Vote for Lock me' }).click();
    await member.page.getByRole('button', { name: 'Vote for Lock me' }).click();
    await expect(mCanvas.locator('.board-badge--votes.board-badge--mine')).toContainText('2');
    await expect(hCanvas.locator('.board-badge--votes')).toHaveCount(0);
    await host.page.getByRole('button', { name: 'Reveal', exact: true }).click();
    for (const c of [hCanvas, mCanvas]) await expect(c.locator('.board-badge--votes:not(.board-badge--mine)')).toContainText('2');
    for (const p of [host, member]) await p.page.getByRole('button', { name: 'Close the facilitation panel' }).click();
  });

  await test.step('a reaction from the keyboard floats up on the other board', async () => {
    await mCanvas.click({ position: { x: 600, y: 450 } });
    await member.page.keyboard.press('4');
    await expect(hCanvas.locator('.board-reaction', { hasText: '😂' })).toBeVisible();
    await hCanvas.click({ position: { x: 40, y: 500 } });
    await host.page.keyboard.press('?');
    await expect(host.page.getByRole('dialog', { name: 'Board keyboard shortcuts' })).toContainText('Laughing');
    await host.page.keyboard.press('Escape');
  });

  await test.step("the host's laser draws on the member's board; members have no laser button", async () => {
    await expect(member.page.getByRole('button', { name: 'Laser pointer' })).toHaveCount(0);
    await host.page.getByRole('button', { name: 'Laser pointer' }).click();
    const box = (await hCanvas.boundingBox())!;
    for (let i = 0; i < 10; i++) await host.page.mouse.move(box.x + 200 + i * 20, box.y + 300 + i * 5);
    await expect
      .poll(() =>
        member.page.locator('canvas.board-laser').evaluate((el: HTMLCanvasElement) => {
          const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
          return false;
        }),
      )
      .toBe(true);
  });

  for (const p of [host, member]) await p.context.close();
});
