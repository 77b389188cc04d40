/**
 * Community steps through the UI, as a person would take them: start a community, schedule a session,
 * open it, find a community in the directory and join it.
 */
import { expect, type Page } from '@playwright/test';

/** Starts a community from the directory's "Start a community" and waits for its page. Returns its id. */
export async function startCommunityViaUi(
  page: Page,
  fields: { name: string; domain: string; groundRules?: string; visibility: 'Open' | 'Invite only' },
): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start a community' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await page.getByLabel('Name').fill(fields.name);
  await page.getByLabel('Domain').fill(fields.domain);
  if (fields.groundRules) await page.getByLabel('Ground rules').fill(fields.groundRules);
  await page.getByRole('radio', { name: new RegExp(`^${fields.visibility}\\b`) }).check();
  await page.getByRole('button', { name: 'Create community' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible();
  const id = /\/c\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a community page: ${page.url()}`);
  return decodeURIComponent(id);
}

/** On a community page: schedules a session through the dialog (default date and time) and waits for it in the list. */
export async function scheduleSessionViaUi(page: Page, title: string, duration = '1 hour', { template = false } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Schedule a session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a session' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Duration').selectOption({ label: duration });
  // Tests that build the agenda themselves start from an empty one.
  await dialog.getByRole('checkbox', { name: /template|agenda/i }).setChecked(template);
  await dialog.getByRole('button', { name: 'Schedule session' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

/** On a community page: opens a session by its title and waits for the room. Returns the session id. */
export async function openSessionViaUi(page: Page, title: string): Promise<string> {
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = /\/s\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not in a session: ${page.url()}`);
  return decodeURIComponent(id);
}

/** From the directory: finds an open community by name, joins it, and waits for its page. */
export async function joinFromDirectoryViaUi(page: Page, communityName: string): Promise<void> {
  await page.goto('/');
  const open = page.getByRole('region', { name: 'Open communities' });
  const card = open.getByRole('article').filter({ has: page.getByRole('heading', { name: communityName }) });
  await card.getByRole('button', { name: `Join ${communityName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: communityName })).toBeVisible();
}
