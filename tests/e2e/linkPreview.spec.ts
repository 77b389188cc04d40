/**
 * Link previews in the client (issue 7): a link card added without a title gets the page's own title,
 * one with a title keeps it (the form passes axe), and the resource form prefills an empty title once the
 * address is entered.
 * The page previewed is this test server's own client page (title "Commonplace"), which the e2e server
 * may fetch through the test-only LINK_PREVIEW_ALLOW_PRIVATE_HOSTS=127.0.0.1 (tests/e2e/e2eServer.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { appOrigin, createCommunityViaApi, createSessionViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

test('a link card without a title gets the page title; the resource form prefills it', async ({ browser }) => {
  const { page } = await signedUpPerson(browser, 'Lina Links');
  const community = await createCommunityViaApi(page, { name: `Previews ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(page, community.id, { title: 'Previews' });
  const pageUrl = `${appOrigin().replace('localhost', '127.0.0.1')}/about-us`;

  await test.step('board: an empty title is filled from the page; a typed one is kept', async () => {
    await page.goto(`/s/${session.id}`);
    const canvas = page.getByRole('application', { name: 'Board canvas' });
    const tab = page.getByRole('tab', { name: 'Board' });
    const only = page.getByRole('button', { name: 'Board only' });
    await expect(tab.or(only)).toBeVisible();
    if (await tab.isVisible()) await tab.click();
    else await only.click();
    await expect(canvas).toBeVisible();

    await page.getByRole('button', { name: 'Add link' }).click();
    const form = page.getByRole('form', { name: 'Add a link' });
    // The form with its new title field: labelled, described, no serious or critical axe violations.
    const results = await new AxeBuilder({ page }).include('.board-linkform').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await form.getByLabel('Link address').fill(pageUrl);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(canvas.getByRole('group', { name: /^Link: Commonplace/ })).toBeAttached();

    await page.getByRole('button', { name: 'Add link' }).click();
    await form.getByLabel('Link address').fill(`${pageUrl}?b`);
    await form.getByLabel('Title (optional)').fill('Our own words');
    await page.keyboard.press('Enter');
    await expect(canvas.getByRole('group', { name: /^Link: Our own words/ })).toBeAttached();
  });

  await test.step('resource form: the title is prefilled once the address is entered', async () => {
    await page.goto(`/c/${encodeURIComponent(community.id)}`);
    const section = page.getByRole('region', { name: 'Resources' });
    await section.getByRole('button', { name: 'Add resource' }).click();
    const form = section.getByRole('form', { name: 'Add a resource' });
    await form.getByLabel('Web address').fill(pageUrl);
    await form.getByLabel('Note').focus();
    await expect(form.getByLabel('Title')).toHaveValue('Commonplace');
  });
});
