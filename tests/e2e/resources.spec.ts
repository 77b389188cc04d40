/**
 * The resource library on the community page: empty state, adding a link by hand (normalised, opening
 * in a new tab without an opener), the text filter's empty result, the private news-feed link beside
 * the calendar link, and no serious or critical axe violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

test('add a resource to the library, filter it, and get the private news feed link', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const { page } = host;
  const community = await createCommunityViaApi(page, { name: `Library ${Date.now().toString(36)}` });
  await createSessionViaApi(page, community.id, { title: 'Concussion cases' });
  await page.goto(`/c/${encodeURIComponent(community.id)}`);
  const section = page.getByRole('region', { name: 'Resources' });

  await test.step('an empty library says where resources come from', async () => {
    await expect(section.getByRole('heading', { name: 'No resources yet' })).toBeVisible();
  });

  await test.step('add a link by hand; it is normalised and opens in a new tab', async () => {
    await section.getByRole('button', { name: 'Add resource' }).click();
    const form = section.getByRole('form', { name: 'Add a resource' });
    await form.getByRole('button', { name: 'Add resource' }).click();
    await expect(form.getByText(/Enter a web address$/)).toBeVisible();
    await form.getByLabel('Web address').fill('Guide.Example.org/return-to-learn/?utm_source=newsletter');
    await form.getByLabel('Title').fill('Return to learn guide');
    await form.getByLabel('Note').fill('Start at step 3');
    await form.getByRole('button', { name: 'Add resource' }).click();
    const link = section.getByRole('link', { name: /Return to learn guide/ });
    await expect(link).toHaveAttribute('href', 'https://guide.example.org/return-to-learn');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(section.getByText('Start at step 3')).toBeVisible();
    await expect(section.getByText('By Hana Host')).toBeVisible();
  });

  await test.step('the text filter narrows the list and says when nothing matches', async () => {
    const search = section.getByRole('searchbox', { name: 'Search' });
    await search.fill('nothing like it');
    await expect(section.getByRole('heading', { name: 'No resources match' })).toBeVisible();
    await search.fill('return');
    await expect(section.getByRole('link', { name: /Return to learn guide/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#resources').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => v.id)).toEqual([]);
  });

  await test.step('the private links include the Atom news feed', async () => {
    await page.getByRole('button', { name: 'Get my private links' }).click();
    await expect(page.getByLabel('Your private news feed (Atom)')).toHaveValue(/\/feed\.atom\?token=[\w-]{43}$/);
    const atomUrl = await page.getByLabel('Your private news feed (Atom)').inputValue();
    const res = await page.request.get(atomUrl);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('New resource: Return to learn guide');
  });
});
