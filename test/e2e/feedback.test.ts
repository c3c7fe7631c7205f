import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/e2e.ts';
import { allDays, readStored, type Stored } from '../helpers/stored.ts';

let context: BrowserContext;
let page: Page;
const articleUrl = '/ko/shipping/track-order/';
const articleId = 'ko/shipping/track-order';

/** For a describe: npm start's server on a database of its own, Chromium, and a fresh page for each test. */
function useSite() {
  const site = useSiteInBrowser();
  beforeEach(async () => {
    context = await site.browser.newContext();
    page = await context.newPage();
    return () => context.close();
  });
  return site;
}

describe('“Was this helpful?”', () => {
  const site = useSite();
  const stored = <T>(read: (stored: Stored) => Promise<T>) => readStored(site.server.dataDir, read);
  const votesOn = (id: string) => stored(async ({ events }) => (await events.helpfulness([id])).get(id));

  it('takes a No with a reason and comment by keyboard, thanks the reader and offers the hand-off', async () => {
    await page.goto(`${site.server.url}${articleUrl}`);
    await page.getByRole('button', { name: '아니요' }).first().focus();
    await page.keyboard.press('Enter');
    // First that the No counted, then the optional question.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('‘아니요’ 답변이 반영됐어요.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('confusing');
    await page.getByLabel('따라 했는데 해결되지 않았어요').check();
    await page.getByLabel(/더 알려주실 내용/).fill('알림톡이 안 와요. 연락처 010-1234-5678');
    await page.getByRole('button', { name: '보내기' }).click();
    await page.locator('#feedback-thanks-no').waitFor();
    // The next best articles come before the hand-off to support.
    const next = page.locator('#feedback-thanks-no .feedback__next a');
    expect(await next.count()).toBeGreaterThan(0);
    expect(await next.first().isVisible()).toBe(true);
    expect(await page.locator('#feedback-thanks-no a.button').isVisible()).toBe(true);
    await expect.poll(() => votesOn(articleId)).toEqual({ helpful: 0, total: 1 });
    expect(await stored(({ reports }) => reports.reasons(allDays))).toEqual([
      { articleId, reason: 'did-not-work', count: 1 },
    ]);
    expect(await stored(({ reports }) => reports.comments(allDays, 5, [articleId]))).toEqual([
      { articleId, helpful: 0, comment: '알림톡이 안 와요. 연락처 [phone]', at: expect.any(String) },
    ]);
    await expect
      .poll(() =>
        stored(
          async ({ reports }) => (await reports.articleDays(allDays)).find((day) => day.articleId === articleId)?.views,
        ),
      )
      .toBeGreaterThan(0);
  });

  it('reads the thanks once, apart from the suggestions, and marks focus in a colour that is not the danger colour', async () => {
    await page.goto(`${site.server.url}/ko/shipping/international-shipping/`);
    await page.getByRole('button', { name: '아니요' }).first().click();
    await page.getByRole('button', { name: '보내기' }).click();
    await page.locator('#feedback-thanks-no').waitFor();
    // Focus reads the thanks alone; no live region repeats it.
    const focused = await page.evaluate(() => document.activeElement!.textContent!.trim());
    expect(focused).toMatch(/^알려주셔서 감사합니다\..*문의해 주세요\.$/);
    expect(await page.locator('.feedback [aria-live]').count()).toBe(0);
    expect(await page.locator('#feedback-thanks-no .feedback__next-title').textContent()).toBe(
      '이 글이 도움이 될 수도 있어요',
    );
    await page.keyboard.press('Tab');
    const [outline, danger] = await page.evaluate(() => {
      const callout = Object.assign(document.createElement('aside'), { className: 'callout callout--danger' });
      document.body.append(callout);
      return [getComputedStyle(document.activeElement!).outlineColor, getComputedStyle(callout).borderLeftColor];
    });
    expect(outline).toMatch(/^rgb/);
    expect(outline).not.toBe(danger);
  });

  it('remembers the answer and lets the reader change it', async () => {
    const other = 'ko/shipping/shipping-fee';
    await page.goto(`${site.server.url}/${other}/`);
    await page.getByRole('button', { name: '네' }).click();
    await page.locator('#feedback-thanks-yes').waitFor();
    await page.reload();
    expect(await page.locator('.feedback__answered').textContent()).toContain('‘네’로 답하셨어요.');
    await page.getByRole('button', { name: '답변 바꾸기' }).click();
    await page.getByRole('button', { name: '아니요' }).first().click();
    await expect.poll(() => votesOn(other)).toEqual({ helpful: 0, total: 1 });
  });

  it('keeps a vote made while the API is down and sends it once the API is back', async () => {
    const other = 'ko/shipping/delivery-time';
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${site.server.url}/${other}/`);
    await page.getByRole('button', { name: '네' }).click();
    await page.locator('#feedback-thanks-yes').waitFor();
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('helploop:outbox') ?? '[]').length))
      .toBeGreaterThan(0);
    expect(await votesOn(other)).toBeUndefined();

    await page.unroute('**/api/**');
    await page.goto(`${site.server.url}/ko/`);
    await page.goto(`${site.server.url}${articleUrl}`);
    await expect.poll(() => votesOn(other)).toEqual({ helpful: 1, total: 1 });
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('helploop:outbox') ?? '[]').length))
      .toBe(0);
  });

  it('works without JavaScript as a form that comes back to the article', async () => {
    const plain = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await plain.newPage();
      const other = 'ko/returns-refunds/refund-timing';
      await noJs.goto(`${site.server.url}/${other}/`);
      await noJs.getByLabel('틀리거나 오래된 내용이에요').check();
      await noJs.getByRole('button', { name: '보내기' }).click();
      await noJs.waitForURL(`**/${other}/#feedback-thanks-no`);
      expect(await noJs.locator('#feedback-thanks-no').isVisible()).toBe(true);
      expect(await votesOn(other)).toEqual({ helpful: 0, total: 1 });
      expect(await stored(({ reports }) => reports.reasons(allDays))).toContainEqual({
        articleId: other,
        reason: 'outdated',
        count: 1,
      });
    } finally {
      await plain.close();
    }
  });
});

describe('what readers read next', () => {
  const site = useSite();
  /** Readers of the article who went on to the next one: what the feature itself counts. */
  const readersOnward = (next: string) =>
    readStored(
      site.server.dataDir,
      async ({ events }) =>
        (await events.readNext(articleId, 1, 10)).find((article) => article.articleId === next)?.readers ?? 0,
    );

  it('shows, near the end of an article, what three readers of it went on to read', async () => {
    const next = '/ko/account/dormant-account/';
    for (const [i, reader] of ['reader-a', 'reader-b', 'reader-c'].entries()) {
      const own = await site.browser.newContext({ userAgent: `${reader} Chromium` });
      const tab = await own.newPage();
      await tab.goto(`${site.server.url}${articleUrl}`);
      await tab.goto(`${site.server.url}${next}`);
      // This reader's own view has arrived before their tab closes (a busy machine can hold a beacon back).
      await expect.poll(() => readersOnward('ko/account/dormant-account')).toBeGreaterThanOrEqual(i + 1);
      await own.close();
    }
    await expect.poll(() => readersOnward('ko/account/dormant-account')).toBeGreaterThanOrEqual(3);
    await page.goto(`${site.server.url}${articleUrl}`);
    const readNext = page.getByRole('navigation', { name: '이 글을 읽은 분들이 이어서 본 글' });
    expect(await readNext.isVisible()).toBe(false);
    await page.locator('#feedback').scrollIntoViewIfNeeded();
    await expect
      .poll(() => readNext.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual([next]);
  });
});
