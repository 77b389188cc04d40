/**
 * The timeline and catch-up in the browser: the archive's slider replays the board through the
 * session's versions (the server keeps one every second here, tests/e2e/e2eServer.ts), a host restores
 * one behind a confirmation, and a member who joins late sees "What happened so far" with the new
 * board items highlighted in place.
 */
import { expect, test, type Page } from '@playwright/test';
import type { VersionContentDto, VersionListDto } from '../../shared/knowledge/versions.ts';
import { createCommunityViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addStickyByKeyboard, boardItem, openRoom, saveStatus } from './support/room.ts';

/** Waits for a stored version whose board has `text`; returns its position in the version list. */
async function versionWith(page: Page, sessionId: string, text: string): Promise<number> {
  let index = -1;
  await expect(async () => {
    const { versions } = (await (await page.request.get(`/api/sessions/${sessionId}/versions`)).json()) as VersionListDto;
    for (let i = versions.length - 1; i >= 0; i--) {
      const got = (await (await page.request.get(`/api/sessions/${sessionId}/versions/${versions[i]!.id}`)).json()) as VersionContentDto;
      if (got.content.board.some((b) => b.text === text)) {
        index = i;
        return;
      }
    }
    throw new Error(`no version with "${text}" yet`);
  }).toPass({ timeout: 15_000 });
  return index;
}

test('timeline slider shows an earlier board state', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const { page } = host;
  const community = await createCommunityViaApi(page, { name: `Timeline ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(page, community.id, { title: 'Power Hour' });

  await openRoom(page, session.id, 'Power Hour');
  await addStickyByKeyboard(page, 'Early sticky');
  const early = await versionWith(page, session.id, 'Early sticky');
  await addStickyByKeyboard(page, 'Late sticky', { x: 520, y: 150 });
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.goto(`/s/${encodeURIComponent(session.id)}/archive`);
  const boardSection = page.getByRole('region', { name: 'Board', exact: true });
  await expect(boardSection.getByText('Late sticky', { exact: true })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Show the session as it was' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'Now');

  await test.step('move the slider back with the keyboard: the later sticky is not shown, the earlier is', async () => {
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < early; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', /^Version of /);
    await expect(boardSection.getByText('Early sticky', { exact: true })).toBeVisible();
    await expect(boardSection.getByText('Late sticky', { exact: true })).toHaveCount(0);
  });

  await test.step('a host restores that version after confirming; the live board follows', async () => {
    await page.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this version?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(slider).toHaveAttribute('aria-valuetext', 'Now');
    await expect(boardSection.getByText('Early sticky', { exact: true })).toBeVisible();
    await expect(boardSection.getByText('Late sticky', { exact: true })).toHaveCount(0);
    await openRoom(page, session.id, 'Power Hour');
    await expect(boardItem(page, 'Sticky note: Early sticky')).toBeVisible();
    await expect(boardItem(page, 'Sticky note: Late sticky')).toHaveCount(0);
  });

  await host.context.close();
});

test('a latecomer sees what happened so far, with the new board items highlighted until dismissed', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const community = await createCommunityViaApi(host.page, { name: `Catch-up ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Mentoring Monday' });
  await openRoom(host.page, session.id, 'Mentoring Monday');
  await addStickyByKeyboard(host.page, 'Bring a case next week');
  await expect(saveStatus(host.page)).toHaveText('Saved');

  const late = await signedUpPerson(browser, 'Lee Late');
  await joinViaApi(late.page, community.id);
  await openRoom(late.page, session.id, 'Mentoring Monday');
  const panel = late.page.getByRole('region', { name: 'What happened so far' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Sticky note: Bring a case next week')).toBeVisible();
  const note = boardItem(late.page, 'Sticky note: Bring a case next week');
  await expect(note).toHaveCSS('outline-style', 'solid');

  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel).toBeHidden();
  await expect(note).toHaveCSS('outline-style', 'none');

  await host.context.close();
  await late.context.close();
});
