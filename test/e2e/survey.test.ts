import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, pageInScheme } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/e2e.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

/** Axe measures colours as painted: the panel fades in, so contrast is checked once its animation has ended. */
const animationsDone = (region: Locator) =>
  region.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));

const first = '/ko/account/sign-up/';
const second = '/ko/account/reset-password/';
const third = '/ko/account/login-locked/';
const DAY = 86_400_000;

/** Every visit's draw falls inside the sample (the sample site asks half of them). */
const drawInSample = () => {
  Math.random = () => 0;
};

describe('the survey prompt on the help center', () => {
  const site = useSiteInBrowser();
  let context: BrowserContext;
  let page: Page;
  /** What reached the survey endpoint (the API is stubbed here: this branch has only the browser side). */
  let received: Record<string, unknown>[];
  let refused: Record<string, unknown>[];
  let apiDown: boolean;

  const open = (path: string, on: Page = page) => on.goto(`${site.server.url}${path}`);
  const panel = (on: Page = page) => on.getByRole('region', { name: '잠깐 의견을 들려주세요' });
  const visit = (on: Page = page) =>
    on.evaluate(() => JSON.parse(sessionStorage.getItem('helploop:survey-visit') ?? 'null'));

  async function stubApi(target: BrowserContext) {
    await target.addInitScript(drawInSample);
    await target.route('**/api/survey-responses', async (route, request: Request) => {
      const body = JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
      if (apiDown) {
        refused.push(body);
        return route.fulfill({ status: 503, headers: { 'Retry-After': '5' }, json: { error: { code: 'down' } } });
      }
      received.push(body);
      return route.fulfill({ status: 201, json: { status: 'stored' } });
    });
  }

  beforeEach(async () => {
    received = [];
    refused = [];
    apiDown = false;
    context = await site.browser.newContext();
    await stubApi(context);
    page = await context.newPage();
    return () => context.close();
  });

  it('is not asked on the first view and appears, without taking focus, after a second article', async () => {
    await open(first);
    await expect.poll(() => visit()).toMatchObject({ pageViews: 1, asked: false });
    expect(await panel().count()).toBe(0);
    await open(second);
    await panel().waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '필요한' }).textContent())
      .toBe('잠깐 의견을 들려주세요: 필요한 답을 쉽게 찾으셨나요?');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('is answered by keyboard alone: a named radio scale, the follow-up for a low score, then thanks', async () => {
    await open(first);
    await open(second);
    await panel().waitFor();
    // The ends say what they mean in the radios' own names.
    expect(await page.getByRole('radio', { name: '1 매우 어려웠어요', exact: true }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '7 매우 쉬웠어요', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: '필요한 답을 쉽게 찾으셨나요?' }).count()).toBe(1);

    // The panel is last in the page: backwards from the start reaches “Not now”, “Send”, then the scale.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('다음에');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    const at = Number(await page.evaluate(() => (document.activeElement as HTMLInputElement).value));
    for (let score = at; score > 2; score--) await page.keyboard.press('ArrowLeft');
    for (let score = at; score < 2; score++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // A hard time (2 of 7) is asked what made it hard.
    const comment = page.getByRole('textbox', { name: /찾기 어려웠던 점을 알려 주세요/ });
    await expect.poll(() => comment.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type('배송 조회 메뉴를 못 찾았어요');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('답해 주셔서 감사합니다!');
    await expect
      .poll(() => received)
      .toEqual([
        {
          eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          survey: 'ces',
          score: 2,
          comment: '배송 조회 메뉴를 못 찾았어요',
          locale: 'ko',
          articleId: 'ko/account/reset-password',
          path: second,
        },
      ]);
  });

  it('is not asked again within its throttle once dismissed, and is asked after it', async () => {
    await open(first);
    await open(second);
    await page.getByRole('button', { name: '다음에' }).click();
    expect(await panel().count()).toBe(0);
    await open(third);
    await expect.poll(() => visit()).toMatchObject({ pageViews: 3, asked: true });

    const nextVisit = async () => {
      const tab = await context.newPage();
      await open(first, tab);
      await open(second, tab);
      await expect.poll(() => visit(tab)).toMatchObject({ pageViews: 2 });
      return tab;
    };
    const within = await nextVisit();
    expect(await visit(within)).toMatchObject({ asked: false });
    expect(await panel(within).count()).toBe(0);

    // 30 days later (the sample site's throttle) the survey may be asked again.
    await page.evaluate((day) => {
      const asked = JSON.parse(localStorage.getItem('helploop:survey-asked')!) as Record<string, number>;
      localStorage.setItem('helploop:survey-asked', JSON.stringify({ ces: asked.ces! - 30 * day }));
    }, DAY);
    await panel(await nextVisit()).waitFor();
  });

  it('is never asked in a visit where the reader voted No on an article', async () => {
    await open(first);
    await page.getByRole('button', { name: '아니요' }).first().click();
    await open(second);
    await expect.poll(() => visit()).toMatchObject({ pageViews: 2, votedNo: true, asked: false });
    expect(await panel().count()).toBe(0);
  });

  it('keeps an answer given while the API is down and delivers it once it is back', async () => {
    apiDown = true;
    await open(first);
    await open(second);
    await page.getByRole('radio', { name: '7 매우 쉬웠어요', exact: true }).check();
    await panel().getByRole('button', { name: '보내기' }).click();
    await panel().getByRole('button', { name: '보내기' }).click();
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(received).toEqual([]);

    apiDown = false;
    await open(third);
    await expect
      .poll(() => received)
      .toEqual([
        {
          eventId: refused[0]!.eventId,
          survey: 'ces',
          score: 7,
          locale: 'ko',
          articleId: 'ko/account/reset-password',
          path: second,
        },
      ]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.2 AA violations in the ${scheme} scheme at 360 px, in English on /en/ pages`, async () => {
      const themed = await pageInScheme(site.browser, scheme, { width: 360 });
      await stubApi(themed.context());
      await open('/en/account/sign-up/', themed);
      await open('/en/account/reset-password/', themed);
      const region = themed.getByRole('region', { name: 'A quick question' });
      await region.waitFor();
      await themed.getByRole('radio', { name: '1 Very difficult', exact: true }).waitFor();
      const box = (await region.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await animationsDone(region);
      expect(describeViolations(await axeViolations(themed))).toEqual([]);
      await themed.context().close();
    });
  }
});

describe('a survey the host site asks through the widget', () => {
  let help: RunningServer;
  let browser: Browser;
  let shop: { url: string; server: Server };
  let received: { body: Record<string, unknown>; origin: string | undefined }[];

  beforeAll(async () => {
    shop = await new Promise((done) => {
      const server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="ko"><head><title>주문 완료</title><link rel="icon" href="data:,"></head>
          <body><h1>배송 완료</h1><script src="${help.url}/widget.js" data-locale="ko" data-context="order-status" async></script></body></html>`);
      });
      server.listen(0, '127.0.0.1', () =>
        done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
      );
    });
    [help, browser] = await Promise.all([
      startServer(inject('siteDir'), { HELPLOOP_CORS_ORIGINS: shop.url }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await help?.stop();
    shop?.server.close();
  });

  it('asks NPS from another origin in the widget’s language, sends the answer with its context, then waits out the throttle', async () => {
    received = [];
    const context = await browser.newContext();
    await context.addInitScript(drawInSample);
    await context.route(`${help.url}/api/survey-responses`, (route, request) => {
      received.push({ body: JSON.parse(request.postData() ?? '{}'), origin: request.headers().origin });
      return route.fulfill({
        status: 201,
        headers: { 'access-control-allow-origin': shop.url },
        json: { status: 'stored' },
      });
    });
    const page = await context.newPage();
    await page.goto(shop.url);
    await page.waitForFunction(() => 'Helploop' in window);
    const ask = () => page.evaluate(() => window.Helploop!.survey('nps'));
    expect(await ask()).toBe(true);

    const region = page.getByRole('region', { name: '잠깐 의견을 들려주세요' });
    await region.waitFor();
    expect(await page.getByRole('group', { name: '마루마켓을 지인에게 추천할 의향은 얼마나 되나요?' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '0 전혀 없음', exact: true }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '10 매우 높음', exact: true }).count()).toBe(1);
    await animationsDone(region);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(describeViolations(await axeViolations(page))).toEqual([]);
    }
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await region.getByRole('button', { name: '보내기' }).click();
    await region.getByRole('textbox', { name: /추천하고 싶은 가장 큰 이유는 무엇인가요/ }).fill('빠른 배송');
    await region.getByRole('button', { name: '보내기' }).click();
    await expect
      .poll(() => received)
      .toEqual([
        {
          origin: shop.url,
          body: {
            eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
            survey: 'nps',
            score: 9,
            comment: '빠른 배송',
            locale: 'ko',
            context: 'order-status',
            path: '/',
          },
        },
      ]);
    expect(await page.evaluate(() => localStorage.getItem('helploop:survey-asked'))).toMatch(/"nps":\d+/);
    await page.getByRole('button', { name: '닫기' }).click();
    expect(await ask()).toBe(false);
    expect(await region.count()).toBe(0);
    await context.close();
  });

  it('asks the help center’s own survey when a reader closes the widget after reading an article in it', async () => {
    const context = await browser.newContext();
    await context.addInitScript(drawInSample);
    await context.route(`${help.url}/api/survey-responses`, (route) =>
      route.fulfill({ status: 201, headers: { 'access-control-allow-origin': shop.url }, json: { status: 'stored' } }),
    );
    const page = await context.newPage();
    await page.goto(shop.url);
    await page.getByRole('button', { name: '도움말', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // Opening and closing without reading is not a finished session.
    await dialog.locator('.list a').first().waitFor();
    await page.getByRole('button', { name: '도움말 닫기' }).click();
    // Whatever closing would load has loaded by now: the survey's code and the widget data.
    await page.waitForLoadState('networkidle');
    const region = page.getByRole('region', { name: '잠깐 의견을 들려주세요' });
    expect(await region.count()).toBe(0);

    await page.getByRole('button', { name: '도움말', exact: true }).click();
    await dialog.locator('.list a').first().click();
    await dialog.getByRole('heading', { level: 2 }).first().waitFor();
    await page.getByRole('button', { name: '도움말 닫기' }).click();
    await region.waitFor();
    expect(await page.getByRole('group', { name: '필요한 답을 쉽게 찾으셨나요?' }).count()).toBe(1);
    await context.close();
  });
});
