/**
 * People in end-to-end tests: each one is a browser context of their own (own cookies, own IndexedDB),
 * signed up through the sign-up page or, when the test is not about signing up, through the API.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { UserDto } from '../../../shared/api/schemas.ts';
import { PASSWORD, signUpViaApi, uniqueEmail } from './api.ts';

/** One person at one browser. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** A new browser context and page for `name` (not signed in yet). */
export async function newPerson(browser: Browser, name: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Person> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  return { name, context, page };
}

/** Signs `person` up through /signup and waits until the app shows them signed in. */
export async function signUpViaUi(person: Person): Promise<void> {
  const { page, name } = person;
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail(name));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${name}`);
}

/** A new person, signed up through the API (fast), with their page on the directory. */
export async function signedUpPerson(browser: Browser, name: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Person & { user: UserDto }> {
  const person = await newPerson(browser, name, options);
  const user = await signUpViaApi(person.page, name);
  return { ...person, user };
}
