/**
 * Export and import in the browser: from a session's archive, the Markdown, SVG and PNG downloads; from
 * the community page, the host's zip export; on the directory page, importing that zip (progress, then
 * the new community, hosted by the importer) and a refused file said in an alert.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { createCommunityViaApi, createSessionViaApi } from './support/api.ts';
import { signedUpPerson } from './support/people.ts';
import { addAgendaItem, addStickyByKeyboard, openRoom } from './support/room.ts';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path!), download };
}

test('export a session and the community, then import the community as someone else', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hana Host');
  const { page } = host;
  const name = `Export ${Date.now().toString(36)}`;
  const community = await createCommunityViaApi(page, { name, groundRules: 'Share cases anonymously.' });
  const session = await createSessionViaApi(page, community.id, { title: 'Mentoring Monday' });
  await openRoom(page, session.id, 'Mentoring Monday');
  await addAgendaItem(page, { title: 'Welcome round', minutes: 10, owner: 'Hana' });
  await addStickyByKeyboard(page, 'Ask about *return to learn*');
  await page.waitForTimeout(300);

  await page.goto(`/s/${encodeURIComponent(session.id)}/archive`);
  const exports = page.getByRole('group', { name: 'Export this session' });

  await test.step('the session as Markdown', async () => {
    const md = await downloaded(page, () => exports.getByRole('button', { name: 'Download Markdown' }).click());
    expect(md.name).toMatch(/^\d{4}-\d{2}-\d{2}-mentoring-monday\.md$/);
    const text = md.bytes.toString('utf8');
    expect(text).toContain('# Mentoring Monday');
    expect(text).toContain('1. Welcome round (10 min, owner: Hana)');
    expect(text).toContain('- Ask about \\*return to learn\\*');
  });

  await test.step('the board as SVG and as PNG', async () => {
    const svg = await downloaded(page, () => exports.getByRole('button', { name: 'Board as SVG' }).click());
    expect(svg.name).toMatch(/-mentoring-monday-board\.svg$/);
    expect(svg.bytes.toString('utf8')).toContain('>Ask about *return<'); // wrapped onto two lines
    const png = await downloaded(page, () => exports.getByRole('button', { name: 'Board as PNG' }).click());
    expect(png.name).toMatch(/-mentoring-monday-board\.png$/);
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  let zipPath = '';
  await test.step('the host exports the community', async () => {
    await page.goto(`/c/${encodeURIComponent(community.id)}`);
    const zip = await downloaded(page, () => page.getByRole('button', { name: 'Export community (.zip)' }).click());
    expect(zip.name).toMatch(/\.zip$/);
    // Kept outside Playwright's artifacts folder, which belongs to the run.
    zipPath = test.info().outputPath(zip.name);
    await zip.download.saveAs(zipPath);
  });

  const other = await signedUpPerson(browser, 'Ida Importer');
  await test.step('someone else imports it and lands on the new community as its host', async () => {
    await other.page.goto('/');
    await other.page.locator('input[type="file"]').setInputFiles(zipPath);
    await expect(other.page).toHaveURL(/\/c\/[^/]+$/);
    expect(other.page.url()).not.toContain(community.id);
    await expect(other.page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(other.page.getByText('Share cases anonymously.')).toBeVisible();
    await expect(other.page.getByRole('link', { name: /Mentoring Monday/ }).first()).toBeVisible();
  });

  await test.step('a file that is not an export is refused in an alert', async () => {
    await other.page.goto('/');
    await other.page.locator('input[type="file"]').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
    await expect(other.page.getByRole('alert').filter({ hasText: 'Could not import' })).toHaveText('Could not import: This file is not a readable zip archive');
    await expect(other.page).toHaveURL(/\/$/);
  });
});
