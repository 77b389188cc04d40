/**
 * Hostile content: classic XSS payloads in every text field — names, community texts, session titles,
 * agenda, notes (typed, pasted as HTML, and link marks), board text and link cards with javascript:,
 * data: and vbscript: URLs — written through the UI and through raw Yjs updates from a stock client,
 * then rendered on every page. A page-level hook counts any payload that runs: it must stay at zero.
 */
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { appOrigin, createCommunityViaApi, createSessionViaApi, signUpViaApi } from './support/api.ts';
import { addAgendaItem, notesEditor, openRoom } from './support/room.ts';
import { HOSTILE_URLS, XSS_PAYLOADS } from './support/xssPayloads.ts';
import { connectClient, waitFor, waitForSync } from '../helpers/yclient.ts';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';

async function armHook(page: Page): Promise<{ dialogs: number }> {
  const seen = { dialogs: 0 };
  page.on('dialog', (d) => {
    seen.dialogs++;
    void d.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
  return seen;
}

const fired = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);

test('no XSS payload runs anywhere, whether written through the UI or raw Yjs updates', async ({ page }) => {
  test.setTimeout(120_000);
  const seen = await armHook(page);
  const p = (i: number) => XSS_PAYLOADS[i % XSS_PAYLOADS.length];
  await signUpViaApi(page, p(1).slice(0, 80));
  const community = await createCommunityViaApi(page, { name: p(2).slice(0, 120), domain: XSS_PAYLOADS.join('\n').slice(0, 4000), groundRules: XSS_PAYLOADS.join('\n').slice(0, 8000) });
  const session = await createSessionViaApi(page, community.id, { title: p(3).slice(0, 200) });

  // Raw Yjs: every payload into agenda, notes (text and link marks) and board (text and URLs).
  const ticket = await (await page.request.post(`/api/sessions/${session.id}/ticket`, { data: {}, headers: { Origin: appOrigin() } })).json();
  const base = test.info().project.use.baseURL!;
  const raw = connectClient(base, session.room, { token: ticket.token });
  await waitForSync(raw);
  raw.doc.transact(() => {
    XSS_PAYLOADS.forEach((payload, i) => {
      getAgenda(raw.doc).push([toYMap({ id: `xa${i}`, title: payload, minutes: 1, owner: payload, done: false })]);
      getBoard(raw.doc).set(`xs${i}`, toYMap({ id: `xs${i}`, type: i % 2 ? 'sticky' : 'text', x: (i % 10) * 220, y: Math.floor(i / 10) * 180, w: 200, h: 160, text: payload, color: payload, z: i }));
      const para = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, payload);
      para.insert(0, [text]);
      getNotes(raw.doc).push([para]);
    });
    HOSTILE_URLS.forEach((url, i) => {
      getBoard(raw.doc).set(`xl${i}`, toYMap({ id: `xl${i}`, type: 'link', x: i * 300, y: -300, w: 280, h: 96, url, text: url, z: 100 + i }));
      const para = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'click here', { link: { href: url } });
      para.insert(0, [text]);
      getNotes(raw.doc).push([para]);
    });
    const img = new Y.XmlElement('image');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'window.__xss=(window.__xss||0)+1');
    getNotes(raw.doc).push([img]);
  });
  await waitFor(() => raw.provider.synced, 5000);

  // Through the UI: an agenda item, a sticky note, and HTML pasted into the notes.
  await openRoom(page, session.id);
  await addAgendaItem(page, { title: `UI ${p(5)}`.slice(0, 200), minutes: 5, owner: p(6).slice(0, 80) });
  await notesEditor(page).click();
  await page.evaluate((html) => {
    const target = document.querySelector('[aria-label="Shared notes"]') as HTMLElement;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, XSS_PAYLOADS.slice(0, 30).join('<br>'));
  // Link cards typed into the board's link form (only http(s) becomes a link).
  await page.waitForTimeout(500);
  expect(await fired(page)).toBe(0);

  // Render everything again on every page a person visits.
  for (const path of ['/', `/c/${community.id}`, `/s/${session.id}`, `/s/${session.id}/archive`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await fired(page), `payload ran on ${path}`).toBe(0);
  }
  // Links with hostile URLs are never rendered as javascript:/data:/vbscript: hrefs.
  await page.goto(`/s/${session.id}`);
  await page.waitForLoadState('networkidle');
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
  // Search results render snippets of hostile text as text.
  await page.goto(`/c/${community.id}`);
  const search = page.getByRole('searchbox', { name: /search this community/i });
  await search.fill('script');
  await search.press('Enter');
  await page.waitForTimeout(800);
  expect(await fired(page)).toBe(0);
  expect(seen.dialogs).toBe(0);
  raw.destroy();
});

test('every response carries a Content-Security-Policy and nosniff', async ({ page }) => {
  const responses: { url: string; csp: string | null; nosniff: string | null }[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).origin === appOrigin()) responses.push({ url: r.url(), csp: r.headers()['content-security-policy'] ?? null, nosniff: r.headers()['x-content-type-options'] ?? null });
  });
  await signUpViaApi(page, 'Header Checker');
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(responses.length).toBeGreaterThan(2);
  for (const r of responses) {
    expect(r.csp, r.url).toContain("script-src 'self'");
    expect(r.nosniff, r.url).toBe('nosniff');
  }
});
