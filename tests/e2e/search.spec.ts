/**
 * Search from the community page lands on the place it found: text typed into a live session's notes
 * and board is searchable (typos included), and opening a result scrolls the notes to the heading and
 * highlights it, or zooms the board to the item and focuses it. The results and the session archive
 * pass axe (WCAG 2.1 A/AA, no serious or critical violations).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addStickyByKeyboard, boardItem, notesEditor, openRoom } from './support/room.ts';

/** Fails on serious or critical axe violations of the page as it is now, listing them. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test('search the community, open a result, land on the highlighted notes heading or board item', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const { page } = host;
  const community = await createCommunityViaApi(page, { name: `School nurses ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(page, community.id, { title: 'Sports injuries circle' });

  await test.step('type notes and a sticky note in the live session', async () => {
    await openRoom(page, session.id, 'Sports injuries circle');
    await notesEditor(page).click();
    // Filler first, so the heading starts out of view.
    for (let i = 0; i < 25; i++) await page.keyboard.type(`Filler line ${i}\n`);
    await page.keyboard.type('## Concussion protocol\nGraded return to learn before return to play');
    await addStickyByKeyboard(page, 'Who tells the PE teacher?');
  });

  const search = page.getByRole('searchbox', { name: 'Search this community' });
  const results = page.getByRole('list', { name: /^Results for/ });

  await test.step('"/" focuses the search box; a typo still finds the notes', async () => {
    await page.goto(`/c/${encodeURIComponent(community.id)}`);
    await expect(page.getByRole('search', { name: 'Search this community' })).toBeVisible();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(async () => {
      await search.fill('');
      await search.fill('concusion');
      await expect(results.getByRole('link', { name: 'Sports injuries circle', exact: true })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 10_000 });
    await expect(results.locator('mark').first()).toHaveText(/concussion/i);
    await expectAccessible(page, 'community page with search results');
  });

  await test.step('the notes result opens the session scrolled to the highlighted heading', async () => {
    await results.getByRole('link', { name: 'Sports injuries circle', exact: true }).first().click();
    await expect(page).toHaveURL(/focus=notes%3Aconcussion-protocol/);
    const heading = notesEditor(page).getByRole('heading', { name: 'Concussion protocol' });
    await expect(heading).toBeInViewport();
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('cp-focus-target'))).toBe(true);
  });

  await test.step('a board result zooms the board to the item and focuses it', async () => {
    await page.goto(`/c/${encodeURIComponent(community.id)}`);
    await search.fill('teacher');
    await results.getByRole('link', { name: 'Sports injuries circle', exact: true }).click();
    await expect(page).toHaveURL(/focus=board%3A/);
    await expect(boardItem(page, 'Sticky note: Who tells the PE teacher?')).toBeFocused();
    await expect(boardItem(page, 'Sticky note: Who tells the PE teacher?')).toBeInViewport();
  });

  await test.step('the archive shows the same content read-only, and is accessible', async () => {
    await page.goto(`/s/${encodeURIComponent(session.id)}/archive`);
    await expect(page.getByRole('heading', { name: 'Concussion protocol' })).toBeVisible();
    await expect(page.getByText('Who tells the PE teacher?', { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Shared notes' })).toHaveCount(0);
    await expectAccessible(page, 'session archive');
  });

  await host.context.close();
});
