/**
 * Automated accessibility checks (axe-core, WCAG 2.0/2.1 A and AA) on every kind of page, each in a
 * realistic state. Serious and critical violations fail the test, with each rule id and its targets.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createCommunityViaApi, createInviteViaApi, createSessionViaApi, joinViaApi } from './support/api.ts';
import { newPerson, signedUpPerson } from './support/people.ts';
import { addAgendaItem, addStickyByKeyboard, boardItem, caretLabels, notesEditor, notesToolbar, openRoom, presenceList } from './support/room.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now and fails on serious or critical violations, listing them. */
async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}`)
    .join('\n');
  expect(bad, `${what}: ${bad.length} serious/critical accessibility violation(s)\n${report}`).toEqual([]);
}

test('sign in and sign up pages', async ({ browser }) => {
  const visitor = await newPerson(browser, 'Visitor');
  const page = visitor.page;
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign in');

  // With the validation errors showing too.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address')).toBeVisible();
  await expectNoSeriousViolations(page, 'sign in with errors');

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign up');
  await visitor.context.close();
});

test('directory (empty and with communities), new community page, 404', async ({ browser }) => {
  const person = await signedUpPerson(browser, 'Dina Directory');
  const page = person.page;
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'You are not in a community yet' })).toBeVisible();
  await expectNoSeriousViolations(page, 'directory, no communities of mine');

  const other = await signedUpPerson(browser, 'Omar Other');
  const stamp = Date.now().toString(36);
  await createCommunityViaApi(page, { name: `Dina’s practice circle ${stamp}`, visibility: 'invite' });
  await createCommunityViaApi(page, { name: `Dina’s open circle ${stamp}` });
  await createCommunityViaApi(other.page, { name: `Omar’s open circle ${stamp}`, domain: 'A long description. '.repeat(20) });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your communities' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Dina’s practice circle ${stamp}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Join Omar’s open circle ${stamp}` })).toBeVisible();
  await expectNoSeriousViolations(page, 'directory with communities');

  await page.getByRole('link', { name: 'Start a community' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new community');
  await page.getByRole('button', { name: 'Create community' }).click();
  await expect(page.getByText('Give the community a name')).toBeVisible();
  await expectNoSeriousViolations(page, 'new community with errors');

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'There is nothing at this address' })).toBeVisible();
  await expectNoSeriousViolations(page, '404');
  await person.context.close();
  await other.context.close();
});

test('community page (host view), schedule dialog, invite page', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Hiro Host');
  const member = await signedUpPerson(browser, 'Mei Member');
  const guest = await signedUpPerson(browser, 'Gus Guest');
  const community = await createCommunityViaApi(host.page, {
    name: `Pharmacists’ round table ${Date.now().toString(36)}`,
    domain: 'Community pharmacists comparing how they handle medication reviews.',
    groundRules: 'Cases stay in the room. Ask before you share a name.',
  });
  await createSessionViaApi(host.page, community.id, { title: 'Deprescribing in care homes' });
  await joinViaApi(member.page, community.id);

  const page = host.page;
  await page.goto(`/c/${encodeURIComponent(community.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: community.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Deprescribing in care homes' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Role of Mei Member' })).toBeVisible();
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await expect(page.getByRole('textbox', { name: 'Invite link' })).toBeVisible();
  await expectNoSeriousViolations(page, 'community page (host)');

  await page.getByRole('button', { name: 'Schedule a session' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Schedule a session' })).toBeVisible();
  await expectNoSeriousViolations(page, 'schedule session dialog');

  const invite = await createInviteViaApi(host.page, community.id);
  await guest.page.goto(`/invite/${encodeURIComponent(invite.code)}`);
  await expect(guest.page.getByRole('heading', { level: 1, name: 'You have been invited' })).toBeVisible();
  await expectNoSeriousViolations(guest.page, 'invite page');

  for (const p of [host, member, guest]) await p.context.close();
});

test('session room with agenda, notes and board content, and another person present', async ({ browser }) => {
  const host = await signedUpPerson(browser, 'Rosa Room');
  const member = await signedUpPerson(browser, 'Sam Second');
  const community = await createCommunityViaApi(host.page, { name: `Room check ${Date.now().toString(36)}` });
  const session = await createSessionViaApi(host.page, community.id, { title: 'Handover habits' });
  await joinViaApi(member.page, community.id);

  const page = host.page;
  await openRoom(page, session.id, 'Handover habits');
  await openRoom(member.page, session.id, 'Handover habits');
  await expect(presenceList(page)).toHaveAccessibleName('2 people here');

  await addAgendaItem(page, { title: 'Check-in', minutes: 10, owner: 'Rosa Room' });
  await addAgendaItem(page, { title: 'Handover stories', minutes: 40, owner: 'Sam Second' });
  await page.getByRole('button', { name: 'Now: Check-in' }).click();
  await page.getByRole('checkbox', { name: 'Done: Check-in' }).check();

  await notesEditor(page).click();
  await notesToolbar(page).getByRole('button', { name: 'Heading 2' }).click();
  await page.keyboard.type('What works');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Written handovers at the bedside.');
  await page.keyboard.press('Enter');
  await notesToolbar(page).getByRole('button', { name: 'Task list' }).click();
  await page.keyboard.type('Share the template');

  await addStickyByKeyboard(page, 'Use SBAR', { x: 140, y: 120 });
  await expect(boardItem(member.page, 'Sticky note: Use SBAR')).toBeVisible();
  // The member's caret shows in the host's notes; the host's selected note shows its selection bar.
  await notesEditor(member.page).click();
  await expect(caretLabels(page)).toHaveText(['Sam Second']);
  await boardItem(page, 'Sticky note: Use SBAR').click();
  await expect(page.getByRole('toolbar', { name: 'Selected sticky note' })).toBeVisible();

  await expectNoSeriousViolations(page, 'session room (editor)');
  await expectNoSeriousViolations(member.page, 'session room (second person)');
  await host.context.close();
  await member.context.close();
});
