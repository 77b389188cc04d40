/**
 * A facilitator and two members in one session: the facilitator's timer runs down in all three pages
 * (written by the server into the read-only control room), and Q&A upvotes reorder the queue live.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi, setRoleViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';

const timer = (page: Page) => page.getByTestId('timer');
const seconds = (text: string | null) => {
  const m = /^(-?)(\d+):(\d\d)$/.exec(text ?? '');
  if (!m) return NaN;
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

test('a facilitator runs a timer that all three pages count down; Q&A upvotes reorder live', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const fac = await signedUpPerson(browser, 'Farid Facilitator');
  const m1 = await signedUpPerson(browser, 'Mia Member');
  const m2 = await signedUpPerson(browser, 'Noor Member');
  const community = await createCommunityViaApi(host.page, { name: `Facilitation ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Power Hour' });
  for (const p of [fac, m1, m2]) await joinViaApi(p.page, community.id);
  await setRoleViaApi(host.page, community.id, fac.user.id, 'facilitator');
  const people = [fac, m1, m2];
  for (const p of people) await p.page.goto(`/s/${session.id}`);

  await test.step('members get no timer controls; the facilitator starts a 2-minute timer', async () => {
    await expect(timer(m1.page)).toHaveText('–:––');
    await expect(m1.page.getByRole('button', { name: 'Facilitate' })).toHaveCount(0);
    await fac.page.getByRole('button', { name: 'Facilitate' }).click();
    const group = fac.page.getByRole('group', { name: 'Timer controls' });
    await group.getByLabel('Minutes').fill('2');
    await group.getByRole('button', { name: 'Start' }).click();
  });

  await test.step('the countdown runs in all three pages', async () => {
    for (const p of people) await expect.poll(async () => seconds(await timer(p.page).textContent())).toBeLessThanOrEqual(120);
    const first = await Promise.all(people.map(async (p) => seconds(await timer(p.page).textContent())));
    await fac.page.waitForTimeout(2200);
    const later = await Promise.all(people.map(async (p) => seconds(await timer(p.page).textContent())));
    for (let i = 0; i < people.length; i++) {
      expect(first[i]).toBeGreaterThan(110);
      expect(later[i]).toBeLessThan(first[i]);
    }
    // All pages agree (they count from the server's endsAt) within a second.
    expect(Math.max(...later) - Math.min(...later)).toBeLessThanOrEqual(1);
  });

  await test.step('pausing stops it everywhere', async () => {
    await fac.page.getByRole('group', { name: 'Timer controls' }).getByRole('button', { name: 'Pause' }).click();
    for (const p of people) await expect(p.page.getByText('Paused')).toBeVisible();
  });

  await test.step('Q&A: questions are asked, upvotes reorder the list in every page', async () => {
    for (const p of people) await p.page.getByRole('button', { name: /^Q&A/ }).click();
    const ask = async (p: Page, text: string, anonymous = false) => {
      await p.getByLabel('Your question').fill(text);
      if (anonymous) await p.getByLabel('Anonymous', { exact: true }).check();
      await p.getByRole('button', { name: 'Ask', exact: true }).click();
    };
    await ask(m1.page, 'How do we pick topics?');
    await ask(m2.page, 'Can we record sessions?', true);
    const order = (p: Page) => p.getByRole('list', { name: /Open questions/ }).getByTestId('question').locator('.fac-qa__text');
    for (const p of people) await expect(order(p.page)).toHaveText(['How do we pick topics?', 'Can we record sessions?']);
    // Upvotes on the second question move it to the top for everyone.
    for (const p of [m1, fac]) {
      await p.page.getByTestId('question').filter({ hasText: 'Can we record sessions?' }).getByRole('button', { name: /^Upvote/ }).click();
    }
    for (const p of people) await expect(order(p.page)).toHaveText(['Can we record sessions?', 'How do we pick topics?']);
    // The anonymous author is hidden from members, shown to the facilitator.
    await expect(m1.page.getByTestId('question').filter({ hasText: 'Can we record sessions?' })).toContainText('Anonymous');
    await expect(fac.page.getByTestId('question').filter({ hasText: 'Can we record sessions?' })).toContainText('Noor Member (anonymous to members)');
  });

  await fac.page.screenshot({ path: '.tmp/facilitation.png' });
  await fac.page.getByRole('button', { name: 'Facilitate' }).click();
  await expect(fac.page.getByRole('group', { name: 'Timer controls' })).toBeVisible();
  await fac.page.screenshot({ path: '.tmp/facilitation-panel.png' });
  for (const p of [host, ...people]) await p.context.close();
});
