/**
 * Decisions and actions in the browser: a facilitator writes a task, assigns it to a member with a due
 * date from the notes' action row, marks a paragraph as a decision (toolbar and shortcut), sees both on
 * the community page, ends the session and reads its summary with the board image; no serious or
 * critical axe violations on the new parts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addStickyByKeyboard, notesEditor, notesToolbar, openRoom } from './support/room.ts';

async function noSeriousViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test('assign an action, mark a decision, see them on the community page, end the session and read its summary', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const { page } = host;
  const community = await createCommunityViaApi(page, { name: `Actions ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(page, community.id, { title: 'Case review' });
  await openRoom(page, session.id, 'Case review');

  await test.step('a task item gets an assignee and a due date from the action row', async () => {
    const editor = notesEditor(page);
    await editor.click();
    await page.keyboard.type('We adopt the shared referral form');
    await notesToolbar(page).getByRole('button', { name: 'Mark as decision' }).click();
    await expect(notesToolbar(page).getByRole('button', { name: 'Mark as decision' })).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.locator('p.notes-decision')).toHaveText('We adopt the shared referral form');
    await page.keyboard.press('Enter');
    // A new paragraph is not a decision; the shortcut toggles it on and off.
    await expect(editor.locator('p.notes-decision')).toHaveCount(1);
    await page.keyboard.press('Control+Alt+d');
    await expect(editor.locator('p.notes-decision')).toHaveCount(2);
    await page.keyboard.press('Control+Alt+d');
    await expect(editor.locator('p.notes-decision')).toHaveCount(1);

    await notesToolbar(page).getByRole('button', { name: 'Task list' }).click();
    await page.keyboard.type('Pilot the form with two schools');
    const details = page.getByRole('group', { name: 'Action details' });
    await details.getByLabel('Assignee').selectOption({ label: 'Hana Host' });
    await details.getByLabel('Due').fill('2030-01-15');
    const task = editor.getByRole('listitem').filter({ hasText: 'Pilot the form with two schools' });
    await expect(task.locator('.notes-action__meta')).toHaveText('@Hana Host · due 2030-01-15');
    await noSeriousViolations(page, '.notes');
    await page.getByRole('region', { name: 'Notes', exact: true }).screenshot({ path: test.info().outputPath('notes.png') });
    await addStickyByKeyboard(page, 'Peer supervision');
  });

  await test.step('the community page lists the open action and the decision', async () => {
    await page.goto(`/c/${encodeURIComponent(community.id)}`);
    const section = page.getByRole('region', { name: 'Open actions' });
    await expect(section.getByRole('link', { name: 'Pilot the form with two schools' })).toBeVisible({ timeout: 15_000 });
    await expect(section.getByText('Hana Host')).toBeVisible();
    await expect(section.getByRole('link', { name: 'We adopt the shared referral form' })).toBeVisible();
    await noSeriousViolations(page, '[aria-labelledby="actions-heading"]');
    await section.screenshot({ path: test.info().outputPath('community-actions.png') });
  });

  await test.step('ending the session opens its summary', async () => {
    await openRoom(page, session.id, 'Case review');
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog', { name: 'End this session?' }).getByRole('button', { name: 'End and write the summary' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Summary: Case review' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Decisions' }).getByText('We adopt the shared referral form')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Actions' }).getByText('Pilot the form with two schools')).toBeVisible();
    await expect(page.getByRole('img', { name: /The board of Case review/ })).toBeVisible();
    await noSeriousViolations(page, '.summary');
    await page.screenshot({ path: test.info().outputPath('summary.png'), fullPage: true });
  });
});
