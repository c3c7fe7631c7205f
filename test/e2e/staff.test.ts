import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_REPORTS } from '../../src/shared/staff-reports.ts';
import { useSiteInBrowser } from '../helpers/e2e.ts';

// The themes job every second: what readers said is grouped while the test waits, not in a minute.
const site = useSiteInBrowser({ HELPLOOP_THEMES_SECONDS: '1' });
const EMAIL = 'support@maru.example';
let password: string;

beforeAll(() => {
  // The real CLI, as an admin would run it; without a terminal it generates and prints the password.
  const output = execFileSync(process.execPath, [resolve('scripts/staff.ts'), 'add', EMAIL, '--role', 'support'], {
    env: { ...process.env, HELPLOOP_DATABASE: join(site.server.dataDir, 'helploop.db') },
    encoding: 'utf8',
  });
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

/** Logs in on the page the browser was sent to, and lands back where it started. */
async function logIn(page: Page) {
  await page.waitForURL('**/staff/login/**');
  await page.getByLabel(/이메일|E-mail/).fill(EMAIL);
  await page.getByLabel(/비밀번호|Password/).fill(password);
  await page.getByRole('button', { name: /로그인|Log in/ }).click();
}

/** Changing the language reloads the page, which then draws its report again. */
async function reloadsWith(page: Page, act: () => Promise<unknown>) {
  const loaded = page.waitForEvent('load');
  await act();
  await loaded;
  await drawn(page);
}

const drawn = (page: Page) => page.locator('#staff-report[data-state=drawn]').waitFor({ state: 'attached' });

let context: BrowserContext;
let page: Page;

describe('from a reader’s No to the staff reports', () => {
  beforeAll(async () => {
    const reader = await site.browser.newPage();
    await readerVotesAndSearches(reader);
    await reader.close();
    await searchesThatFailedBefore();
    context = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // A step that cannot happen fails with its locator, well before the test's own timeout.
    page.setDefaultTimeout(10_000);
  });

  it('sends a shared link through the login and back to the same report, filters included', async () => {
    await page.goto(`${site.server.url}/staff/unhelpful/?days=7`);
    await logIn(page);
    await page.waitForURL((url) => url.pathname === '/staff/unhelpful/' && url.search === '?days=7');
    await drawn(page);
    expect(await page.getByLabel('기간').inputValue()).toBe('7');
  });

  it('states helpfulness, reasons and statuses in words, and edits a row in a panel under it', async () => {
    const firstRow = page.locator('#staff-report tbody tr').first();
    expect(await firstRow.locator('a').first().textContent()).toBe('휴면 계정을 다시 쓰려면 어떻게 하나요?');
    const text = await firstRow.textContent();
    expect(text).toContain('1명 중 0명에게 도움됨');
    expect(text).toMatch(/실제로는 0%~\d+% 정도로 추정/);
    expect(text).toContain('찾던 내용이 아니에요 1');
    expect(text).not.toMatch(/not-what-i-wanted|in-review|0\.\d\d/);

    expect(await firstRow.getByRole('button', { name: '검토: 새 항목' }).count()).toBe(1);
    const toggle = firstRow.locator('.staff-toggle');
    await toggle.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator('#' + (await toggle.getAttribute('aria-controls')));
    await panel.getByLabel('상태').selectOption({ label: '검토 중' });
    await panel.getByLabel('메모').fill('스크린샷 교체');
    await panel.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => page.locator('#staff-status').textContent()).toBe('저장했어요');
    expect(await toggle.textContent()).toBe('검토: 검토 중');
    // The path is shortened in the row and whole in the panel.
    expect(await firstRow.locator('.staff-path').textContent()).toBe('…/account/dormant-account.mdx');
    expect(await panel.textContent()).toContain('content/articles/ko/account/dormant-account.mdx');
  });

  it('keeps the sort in the address, so the back button undoes it', async () => {
    await page.getByRole('button', { name: '조회' }).click();
    await page.waitForURL(/sort=views/);
    await drawn(page);
    expect(await page.getByLabel('정렬').inputValue()).toBe('views');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sort='));
    await drawn(page);
    expect(await page.getByLabel('정렬').inputValue()).toBe('confidence');
  });

  it('fits 1280 px with nothing off-screen, and turns rows into cards at 360 px', async () => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    const cell = page.locator('#staff-report tbody tr').first().locator('td').nth(1);
    expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe('block');
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"도움 여부"');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('checks failed searches against today’s index, with the reader’s own engine and locale', async () => {
    await page.getByRole('navigation', { name: '스태프 메뉴' }).getByRole('link', { name: '결과 없는 검색' }).click();
    await page.waitForURL('**/staff/failed-searches/');
    await drawn(page);
    const findsNow = (query: string) =>
      page.locator('#staff-report tbody tr', { hasText: query }).locator('.staff-finds-now');
    await expect.poll(() => findsNow('채용 공고').getAttribute('data-state')).toBe('none');
    await expect.poll(() => findsNow('환불 기간').textContent()).toMatch(/^지금은 찾아요: .*환불/);
    await expect.poll(() => findsNow('refund timing').textContent()).toMatch(/^지금은 찾아요: .*[Rr]efund/);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV로 내려받기' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('채용 공고');
  });

  it('shows the overview in words', async () => {
    await page.goto(`${site.server.url}/staff/overview/`);
    await drawn(page);
    expect(await page.locator('.staff-metric').count()).toBe(6);
    expect(await page.locator('.staff-funnel').textContent()).toMatch(/중 [1-9]\d*개가 고객센터로 문의했어요/);
  });

  it('reaches every page and control from the keyboard', async () => {
    await page.goto(`${site.server.url}/staff/unhelpful/`);
    await drawn(page);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const node = document.activeElement as HTMLElement;
          return node.getAttribute('href') ?? node.getAttribute('name') ?? node.className;
        }),
      );
    }
    for (const report of STAFF_REPORTS) expect(reached).toContain(`/staff/${report}/`);
    expect(reached).toContain('/staff/');
    expect(reached).toContain('days');
    expect(reached).toContain('staff-toggle');
  });

  it('works in one language per staff member, remembered with the account', async () => {
    await page.goto(`${site.server.url}/staff/failed-searches/`);
    await drawn(page);
    await reloadsWith(page, () => page.locator('#staff-language').selectOption('en'));
    expect(await page.locator('h1').textContent()).toBe('Searches with no results');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').textContent()).not.toMatch(/[가-힣]{2,}\s*·/);
    // Another browser, the same account: English from the first page after login.
    const other = await site.browser.newContext();
    const second = await other.newPage();
    await second.goto(`${site.server.url}/staff/`);
    await logIn(second);
    await second.waitForURL((url) => url.pathname === '/staff/');
    await second.locator('#staff-inbox[data-state=drawn]').waitFor({ state: 'attached' });
    expect(await second.locator('h1').textContent()).toBe('What to fix this week');
    await other.close();
    await reloadsWith(page, () => page.locator('#staff-language').selectOption('ko'));
  });

  it('answers “what should we fix this week?” on the home page, and takes off what staff act on', async () => {
    // Three readers find the delivery-time article wrong; three others search for gift wrapping and find nothing.
    const send = (path: string, body: object, reader: number) =>
      fetch(`${site.server.url}/api/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `inbox reader ${reader}` },
        body: JSON.stringify({ eventId: crypto.randomUUID(), ...body }),
      });
    for (const reader of [1, 2, 3]) {
      const comment = reader === 1 ? { comment: '주말 배송 안내가 없어요' } : {};
      const vote = { articleId: 'ko/shipping/delivery-time', helpful: false, reason: 'outdated', ...comment };
      expect((await send('votes', vote, reader)).status).toBe(201);
      expect((await send('searches', { query: '선물 포장', locale: 'ko', resultCount: 0 }, reader + 10)).status).toBe(
        201,
      );
    }
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await page.goto(`${site.server.url}/staff/`);
    const inbox = page.locator('#staff-inbox');
    await page.locator('#staff-inbox[data-state=drawn]').waitFor({ state: 'attached' });
    const article = inbox.locator('.staff-item', { hasText: '주문하면 언제 받을 수 있나요?' });
    expect(await article.locator('h2').textContent()).toBe(
      '‘주문하면 언제 받을 수 있나요?’: 3명 중 0명에게만 도움됐어요.',
    );
    expect(await article.textContent()).toContain('가장 많은 이유: 틀리거나 오래된 내용이에요 (3)');
    expect(await article.locator('blockquote').textContent()).toBe('“주말 배송 안내가 없어요”');
    const query = inbox.locator('.staff-item', { hasText: '선물 포장' });
    expect(await query.locator('h2').textContent()).toBe('‘선물 포장’ 검색: 3명이 아무것도 찾지 못했어요.');

    await query.getByRole('button', { name: '새 글 명령 복사' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "npm run new -- --locale ko --from-search '선물 포장'",
    );
    await query.getByRole('button', { name: '넘기기' }).click();
    await expect.poll(() => query.count()).toBe(0);
    expect(await page.locator('#staff-status').textContent()).toBe('넘겼어요.');
    await page.getByRole('button', { name: '되돌리기' }).click();
    await expect.poll(() => query.count()).toBe(1);

    await article.getByLabel('상태').selectOption({ label: '수정함' });
    await expect.poll(() => article.count()).toBe(0);
    // A fixed article stays off the inbox on the next visit, until new evidence brings it back.
    await page.reload();
    await page.locator('#staff-inbox[data-state=drawn]').waitFor({ state: 'attached' });
    expect(await article.count()).toBe(0);
    expect(await query.count()).toBe(1);
  });

  it('shows a survey score with its margin, n and the comments behind it', async () => {
    // Five effort answers: 7, 6, 6, 5, 2 — mean 5.2; four of five in the top box (5–7).
    for (const [i, score] of [7, 6, 6, 5, 2].entries()) {
      const response = await fetch(`${site.server.url}/api/survey-responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `survey reader ${i}` },
        body: JSON.stringify({
          eventId: crypto.randomUUID(),
          survey: 'ces',
          score,
          locale: 'ko',
          ...(score === 2 && { comment: '교환 방법을 못 찾았어요' }),
        }),
      });
      expect(response.status).toBe(201);
    }
    await page.goto(`${site.server.url}/staff/survey/`);
    await drawn(page);
    expect(await page.locator('select[name=kind]').inputValue()).toBe('ces');
    const headline = page.locator('.staff-metric');
    expect(await headline.locator('h2').textContent()).toBe('필요한 답을 쉽게 찾으셨나요?');
    expect(await headline.locator('strong').textContent()).toMatch(
      /^CES 5\.2 ± \d\.\d \(n = 5\), 지난 기간에는 응답이 없었어요\.$/,
    );
    expect(await headline.textContent()).toContain('긍정 응답 80%');
    expect(await page.locator('.staff-comments').textContent()).toContain('교환 방법을 못 찾았어요');
    expect(await page.getByRole('link', { name: '이 의견들을 주제별로 보기' }).getAttribute('href')).toBe(
      '/staff/themes/?source=survey',
    );
  });

  it('groups what readers said into themes staff can rename, ignore and follow to the report rows', async () => {
    const said = [
      ['ko/returns-refunds/refund-timing', '환불이 아직 안 들어왔어요'],
      ['ko/returns-refunds/refund-timing', '환불 언제 돼요 2주째 기다림'],
      ['ko/returns-refunds/return-request', '반품했는데 환불 안 들어옴'],
      ['ko/returns-refunds/cancel-order', '취소했는데 환불이 아직이에요'],
      ['ko/shipping/track-order', '고객센터 전화 연결이 안 돼요'],
      ['ko/shipping/delivery-time', '상담원 연결 30분 대기'],
      ['ko/returns-refunds/refund-timing', '고객센터 상담원이랑 통화가 안 돼요'],
    ];
    for (const [i, [articleId, comment]] of said.entries()) {
      const response = await fetch(`${site.server.url}/api/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `theme reader ${i}` },
        body: JSON.stringify({ eventId: crypto.randomUUID(), articleId, helpful: false, comment }),
      });
      expect(response.status).toBe(201);
    }
    const refund = page.locator('.staff-theme', { hasText: '환불이 아직 안 들어왔어요' });
    // The job groups within a second or two of the comments arriving.
    await expect
      .poll(
        async () => {
          await page.goto(`${site.server.url}/staff/themes/`);
          await drawn(page);
          return refund.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    expect(await refund.locator('h2').textContent()).toContain('환불');
    // Everything said in the theme, counted in its case line. Which theme each later comment joins depends on
    // whether the job regrouped before or after it arrived (test/server/site-grouper.test.ts checks the grouping).
    await refund.getByText(/^모든 말 보기/).click();
    const refundSaid = await refund.locator('.staff-theme-said label').allTextContents();
    expect(refundSaid).toContain('환불이 아직 안 들어왔어요');
    expect(await refund.locator('.staff-theme-case').textContent()).toMatch(new RegExp(`^${refundSaid.length}건 · `));

    // A theme's article opens its row of the unhelpful articles report, and the whole report is one click away.
    await refund.getByRole('link', { name: '환불은 언제 되나요?' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/unhelpful/');
    await drawn(page);
    expect(await page.locator('#staff-report tbody tr:not(.staff-detail)').count()).toBe(1);
    await page.getByRole('button', { name: '전체 보기' }).click();
    await drawn(page);
    expect(await page.locator('#staff-report tbody tr:not(.staff-detail)').count()).toBeGreaterThan(1);
    await page.goBack();
    await page.goBack();
    await drawn(page);

    // A new name holds after the page is drawn again; ignoring moves the theme to the ignored list. Each decision
    // describes the themes again in the grouping thread: more than a second on a loaded machine.
    const decided = { timeout: 10_000 };
    await refund.getByLabel('주제 이름').fill('환불 지연');
    await refund.getByRole('button', { name: '이름 바꾸기' }).click();
    await expect.poll(() => page.locator('#staff-status').textContent(), decided).toContain('반영했어요');
    const renamed = page.locator('.staff-theme', { has: page.getByRole('heading', { name: '환불 지연' }) });
    expect(await renamed.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('환불 지연');
    await page.reload();
    await drawn(page);
    expect(await renamed.count()).toBe(1);
    await renamed.getByRole('button', { name: '무시하기' }).click();
    await expect.poll(() => renamed.count(), decided).toBe(0);
    await page.getByLabel('무시한 주제만 보기').check();
    await drawn(page);
    await expect.poll(() => renamed.count(), decided).toBe(1);
    await renamed.getByRole('button', { name: '다시 보기' }).click();
    await expect.poll(() => renamed.count(), decided).toBe(0);
  });

  it('keeps every report behind the login: the static pages hold no data', async () => {
    const response = await fetch(`${site.server.url}/api/staff/reports/unhelpful`);
    expect(response.status).toBe(401);
    for (const path of ['/staff/', ...STAFF_REPORTS.map((report) => `/staff/${report}/`)]) {
      const html = await (await fetch(`${site.server.url}${path}`)).text();
      expect(html).not.toContain('dormant-account');
    }
  });
});
