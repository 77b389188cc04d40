/**
 * A facilitator and two members run a breakout end to end: two random groups, each member is moved into
 * their group's room and adds a sticky there, the facilitator watches both live thumbnails update,
 * visits a group and messages every group, then ends: everyone is back in the main room, where each group's sticky sits in
 * a frame labelled with the group and the prompt.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi, joinViaApi, setRoleViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addStickyByKeyboard, boardCanvas, boardItem, presenceList, saveStatus } from './support/room.ts';

const PROMPT = 'What helped this term?';

/** Opens the session with its board showing (a tab on narrow screens). */
async function openSession(page: Page, sessionId: string) {
  await page.goto(`/s/${sessionId}`);
  const tab = page.getByRole('tab', { name: 'Board' });
  await expect(tab.or(page.getByRole('button', { name: 'Board only' }))).toBeVisible();
  if (await tab.isVisible()) await tab.click();
  await expect(boardCanvas(page)).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** Fits the whole board into view (key 1), so every item is drawn. */
async function fitAll(page: Page) {
  const canvas = boardCanvas(page);
  await canvas.focus();
  await page.keyboard.press('1');
}

test('a facilitator and two members run a breakout end to end', async ({ browser }) => {
  // Four people sign up and three pages connect, switch rooms twice and render the board: give it room.
  test.setTimeout(120_000);
  const host = await signedUpPerson(browser, 'Hana Host');
  const fac = await signedUpPerson(browser, 'Farid Facilitator');
  const mia = await signedUpPerson(browser, 'Mia Member');
  const noor = await signedUpPerson(browser, 'Noor Member');
  const community = await createCommunityViaApi(host.page, { name: `Breakouts ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Term review' });
  for (const p of [fac, mia, noor]) await joinViaApi(p.page, community.id);
  await setRoleViaApi(host.page, community.id, fac.user.id, 'facilitator');
  const members = [mia, noor];
  const everyone = [fac, ...members];
  for (const p of everyone) await openSession(p.page, session.id);
  await expect(presenceList(fac.page)).toHaveAccessibleName('3 people here');

  await test.step('members have no breakout controls; the facilitator starts two random groups', async () => {
    await expect(mia.page.getByRole('button', { name: 'Breakouts' })).toHaveCount(0);
    await fac.page.getByRole('button', { name: 'Breakouts' }).click();
    const form = fac.page.getByRole('form', { name: 'Start breakouts' });
    await form.getByLabel('Groups').fill('2');
    await form.getByLabel('Minutes').fill('5');
    await form.getByLabel('Prompt').fill(PROMPT);
    await form.getByLabel('Random (everyone here, evenly)').check();
    await form.getByRole('button', { name: 'Start breakouts' }).click();
  });

  const groupOf: Record<string, string> = {};
  await test.step('each member is moved into a different group, with the prompt and the countdown', async () => {
    for (const m of members) {
      const where = m.page.getByTestId('breakout-where');
      await expect(where).toHaveText(/^You are in Group [12]$/);
      groupOf[m.user.name] = (await where.textContent())!.replace('You are in ', '');
      const banner = m.page.getByRole('region', { name: 'Breakouts' });
      await expect(banner).toContainText(PROMPT);
      await expect(banner.getByRole('timer', { name: 'Breakout time left' })).toHaveText(/^[45]:\d\d$/);
      await expect(saveStatus(m.page)).toHaveText('Saved');
    }
    expect(new Set(Object.values(groupOf)).size).toBe(2);
    await expect(fac.page.getByTestId('breakout-where')).toHaveText('You are in the main room');
  });

  await test.step('each member adds a sticky in their group; the facilitator sees both thumbnails update', async () => {
    const groups = fac.page.getByRole('list', { name: 'Groups' });
    for (const g of ['Group 1', 'Group 2']) await expect(groups.getByRole('listitem', { name: g }).getByText('Empty board')).toBeVisible();
    for (const m of members) await addStickyByKeyboard(m.page, `Idea from ${m.user.name}`);
    for (const m of members) await expect(saveStatus(m.page)).toHaveText('Saved');
    // Group mates only: neither sees the other group's note.
    await expect(boardItem(mia.page, `Sticky note: Idea from ${noor.user.name}`)).toHaveCount(0);
    for (const g of ['Group 1', 'Group 2']) {
      const card = groups.getByRole('listitem', { name: g });
      await expect(card.getByText('1 item', { exact: true })).toBeAttached();
      await expect(card.locator('.board-preview rect')).toHaveCount(1);
    }
    await fac.page.screenshot({ path: '.tmp/breakouts-overview.png' });
    await mia.page.screenshot({ path: '.tmp/breakouts-member.png' });
  });

  await test.step('the facilitator visits a group and comes back', async () => {
    await fac.page.getByRole('button', { name: 'Visit Group 1' }).click();
    await expect(fac.page.getByTestId('breakout-where')).toHaveText('Visiting Group 1');
    const member = members.find((m) => groupOf[m.user.name] === 'Group 1')!;
    await expect(boardItem(fac.page, `Sticky note: Idea from ${member.user.name}`)).toBeVisible();
    await fac.page.getByRole('button', { name: 'Back to the main room' }).click();
    await expect(fac.page.getByTestId('breakout-where')).toHaveText('You are in the main room');
    await expect(boardItem(fac.page, `Sticky note: Idea from ${member.user.name}`)).toHaveCount(0);
  });

  await test.step('a broadcast reaches every group', async () => {
    await fac.page.getByLabel('Message to every group').fill('Two minutes left');
    await fac.page.getByRole('button', { name: 'Send to all groups' }).click();
    for (const m of members) await expect(m.page.getByRole('region', { name: 'Breakouts' })).toContainText('Farid Facilitator: Two minutes left');
  });

  await test.step('ending brings everyone back; both stickies are on the main board in labelled frames', async () => {
    await fac.page.getByRole('button', { name: 'End breakouts and bring the boards back' }).click();
    for (const p of everyone) {
      await expect(p.page.getByText(/Breakouts are over/)).toBeVisible();
      await expect(saveStatus(p.page)).toHaveText('Saved');
      // The merged frames arrive after the end notice; off-screen items are culled from the DOM, so fit
      // again until both frames and both notes are in view.
      await expect(async () => {
        await fitAll(p.page);
        for (const g of ['Group 1', 'Group 2']) await expect(boardItem(p.page, `Frame: ${g} — ${PROMPT}`)).toBeAttached({ timeout: 1000 });
        for (const m of members) await expect(boardItem(p.page, `Sticky note: Idea from ${m.user.name}`)).toBeAttached({ timeout: 1000 });
      }).toPass({ timeout: 20_000 });
    }
    // Each sticky lies inside its own group's frame.
    for (const m of members) {
      const frame = await boardItem(fac.page, `Frame: ${groupOf[m.user.name]} — ${PROMPT}`).boundingBox();
      const note = await boardItem(fac.page, `Sticky note: Idea from ${m.user.name}`).boundingBox();
      expect(frame && note).toBeTruthy();
      expect(note!.x).toBeGreaterThanOrEqual(frame!.x);
      expect(note!.y).toBeGreaterThanOrEqual(frame!.y);
      expect(note!.x + note!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
      expect(note!.y + note!.height).toBeLessThanOrEqual(frame!.y + frame!.height);
    }
  });

  await fac.page.screenshot({ path: '.tmp/breakouts-merged.png' });
  for (const p of [host, ...everyone]) await p.context.close();
});
