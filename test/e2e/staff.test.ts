import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/e2e.ts';

const site = useSiteInBrowser();
let password: string;

beforeAll(() => {
  // The real CLI, as an admin would run it; without a terminal it generates and prints the password.
  const output = execFileSync(
    process.execPath,
    [resolve('scripts/staff.ts'), 'add', 'support@maru.example', '--role', 'support'],
    {
      env: { ...process.env, HELPLOOP_DATABASE: join(site.server.dataDir, 'helploop.db') },
      encoding: 'utf8',
    },
  );
  password = /Generated password \(shown once\): (\S+)/.exec(output)![1];
});

/** Searches that found nothing in an older index, before the articles that answer them were written. */
async function searchesThatFailedBefore() {
  for (const [locale, query] of [
    ['ko', '환불 기간'],
    ['en', 'refund timing'],
  ]) {
    const response = await fetch(`${site.server.url}/api/searches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: crypto.randomUUID(), query, locale, resultCount: 0 }),
    });
    expect(response.status).toBe(201);
  }
}

async function readerVotesAndSearches(page: Page) {
  await page.goto(`${site.server.url}/ko/account/dormant-account/`);
  await page.getByRole('button', { name: '아니요' }).first().click();
  await page.getByLabel('찾던 내용이 아니에요').check();
  await page.getByRole('button', { name: '보내기' }).click();
  await page.locator('#feedback-thanks-no').waitFor();
  await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('채용 공고')}`);
  await page.locator('#search-results[data-state=empty]').waitFor({ state: 'attached' });
  // Nothing answered, so the reader turns to support (the shop's contact page is stood in for here).
  await page.route('https://marumarket.example/**', (route) => route.fulfill({ status: 200, body: 'contact form' }));
  await page.locator('.support-handoff a.button').click();
  await page.waitForURL('https://marumarket.example/**');
  // The contact form opens with the search the reader could not answer.
  expect(new URL(page.url()).searchParams.get('subject')).toBe('채용 공고');
  // A finished search is reported when the reader leaves the page.
  await page.goto(`${site.server.url}/ko/`);
}

describe('from a reader’s No to the staff report', () => {
  it('shows the article on top of the unhelpful report with its reason, the failed query, and exports CSV', async () => {
    const reader = await site.browser.newPage();
    await readerVotesAndSearches(reader);
    await reader.close();
    await searchesThatFailedBefore();

    const context = await site.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/staff/`);
    await page.waitForURL('**/staff/login/');
    await page.getByLabel(/E-mail/).fill('support@maru.example');
    await page.getByLabel(/Password/).fill(password);
    await page.getByRole('button', { name: /Log in/ }).click();
    await page.waitForURL((url) => url.pathname === '/staff/');

    const firstRow = page.locator('#staff-report tbody tr').first();
    await expect.poll(() => firstRow.locator('a').textContent()).toBe('휴면 계정을 다시 쓰려면 어떻게 하나요?');
    expect(await firstRow.textContent()).toContain('not-what-i-wanted 1');

    await page.getByRole('tab', { name: /Failed searches/ }).click();
    await expect.poll(() => page.locator('#staff-report tbody').textContent()).toContain('채용 공고');
    // Each query is run again in the browser against today's index, in its own locale.
    const findsNow = (query: string) =>
      page.locator('#staff-report tbody tr', { hasText: query }).locator('.staff-finds-now');
    await expect.poll(() => findsNow('채용 공고').getAttribute('data-state')).toBe('none');
    await expect.poll(() => findsNow('환불 기간').textContent()).toMatch(/^지금은 찾아요 · Finds now: .*환불/);
    await expect.poll(() => findsNow('refund timing').textContent()).toMatch(/^지금은 찾아요 · Finds now: .*[Rr]efund/);

    await page.getByRole('tab', { name: /Overview/ }).click();
    await expect.poll(() => page.locator('.staff-metric').count()).toBe(6);
    expect(await page.locator('.staff-funnel strong').textContent()).toMatch(/^\d+ → [1-9]\d* → [1-9]\d*$/);
    expect(await page.locator('.staff-metric').first().locator('strong').textContent()).toMatch(/^\d+$/);

    await page.getByRole('tab', { name: /Failed searches/ }).click();
    await expect.poll(() => page.locator('#staff-report tbody').textContent()).toContain('채용 공고');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(file!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('채용 공고');
    await context.close();
  });

  it('keeps every report behind the login: the static page holds no data', async () => {
    const response = await fetch(`${site.server.url}/api/staff/reports/unhelpful`);
    expect(response.status).toBe(401);
    const html = await (await fetch(`${site.server.url}/staff/`)).text();
    expect(html).not.toContain('dormant-account');
  });
});
