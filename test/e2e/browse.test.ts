import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/e2e.ts';

const site = useSiteInBrowser();
let page: Page;
beforeEach(async () => {
  page = await site.browser.newPage();
  return () => page.close();
});

describe('a reader browsing the help center', () => {
  it('goes home → category → article → other language → a missing page', async () => {
    await page.goto(`${site.server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/ko/');
    await page.getByRole('link', { name: /주문·결제/ }).click();
    await page.waitForURL('**/ko/ordering-payment/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('주문·결제');

    await page.locator('.article-list a').first().click();
    await page.waitForURL('**/ko/ordering-payment/payment-methods/');
    const koreanTitle = await page.locator('h1').textContent();
    expect(await page.getByRole('navigation', { name: '현재 위치' }).getByRole('link').allTextContents()).toEqual([
      '홈',
      '주문·결제',
    ]);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/ordering-payment/payment-methods/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).not.toBe(koreanTitle);

    const missing = await page.goto(`${site.server.url}/en/ordering-payment/no-such-article/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('We could not find that page');
    await expect.poll(() => page.getByRole('combobox', { name: 'Search help articles' }).count()).toBe(2);
  });

  it('says an article has no translation, on the switcher and on the home it leads to', async () => {
    await page.goto(`${site.server.url}/ko/account/login-locked/`);
    const switcher = page.getByRole('link', { name: 'English (이 글은 번역본이 없어 홈으로 이동해요)' });
    await switcher.click();
    await page.waitForURL((url) => url.pathname === '/en/' && url.hash === '#no-translation');
    const notice = page.locator('#no-translation');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      'The article you were reading has no English version yet. Search or pick a category below.',
    );
    // Reached any other way, the English home says nothing of it.
    await page.goto(`${site.server.url}/en/`);
    expect(await notice.isVisible()).toBe(false);
  });

  it('searches from the header and lands on results that link to articles', async () => {
    await page.goto(`${site.server.url}/ko/`);
    await page.locator('#header-search').fill('배송 조회');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ko\/search\/\?q=/);
    await page.locator('#search-results a').first().waitFor();
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/ko/shipping/track-order/');
  });
});

describe('keyboard-only use', () => {
  /** Numbers every link and control, then tabs through the whole page once and returns the numbers that took focus. */
  async function tabThrough(target: Page): Promise<{ reached: string[]; focusable: string[] }> {
    const focusable = await target.locator('a[href], input, button, select, textarea').evaluateAll((elements) =>
      elements.flatMap((el, i) => {
        el.setAttribute('data-tab-key', `${i}:${el.tagName}:${el.getAttribute('href') ?? el.id}`);
        const visible = (el as HTMLElement).offsetParent !== null || el.classList.contains('skip-link');
        return visible ? [el.getAttribute('data-tab-key')!] : [];
      }),
    );
    const reached: string[] = [];
    for (let i = 0; i < 300; i++) {
      await target.keyboard.press('Tab');
      const key = await target.evaluate(() => document.activeElement?.getAttribute('data-tab-key') ?? null);
      if (key === null || reached.includes(key)) break;
      reached.push(key);
    }
    return { reached, focusable };
  }

  it('starts with the skip link, which moves focus to the main content', async () => {
    await page.goto(`${site.server.url}/ko/shipping/track-order/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('본문으로 건너뛰기');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it.each(['/ko/', '/ko/shipping/', '/ko/shipping/track-order/', '/en/404/'])(
    'reaches the search box and every link on %s',
    async (path) => {
      await page.goto(`${site.server.url}${path}`);
      const { reached, focusable } = await tabThrough(page);
      expect(reached.some((key) => key.endsWith(':INPUT:header-search'))).toBe(true);
      expect(new Set(reached)).toEqual(new Set(focusable));
    },
  );

  it('shows where focus is', async () => {
    await page.goto(`${site.server.url}/ko/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });
});

describe('reading comfort', () => {
  it.each(['/ko/', '/ko/returns-refunds/', '/ko/shipping/shipping-fee/', '/en/shipping/shipping-fee/'])(
    'fits a 360 px wide screen without sideways scrolling: %s',
    async (path) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${site.server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    },
  );

  it.each(['light', 'dark'] as const)(
    'meets WCAG AA contrast for text, links and buttons in %s mode',
    async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.server.url}/ko/shipping/track-order/`);
      const ratios = await page.evaluate(() => {
        const rgb = (value: string) =>
          value
            .match(/[\d.]+/g)!
            .slice(0, 4)
            .map(Number);
        const luminance = ([r, g, b]: number[]) =>
          [r, g, b]
            .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
            .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
        const background = (el: Element | null): number[] => {
          for (let node = el; node; node = node.parentElement) {
            const color = rgb(getComputedStyle(node).backgroundColor);
            if (color[3] === undefined || color[3] > 0) return color;
          }
          return rgb(getComputedStyle(document.body).backgroundColor);
        };
        const selectors = [
          '.prose p',
          '.lead',
          '.meta',
          '.breadcrumb a',
          '.related a',
          '.support-handoff dt',
          '.support-handoff .button',
          '.search-form button',
          '.site-name',
          '.prose code',
        ];
        return selectors.map((selector) => {
          const el = document.querySelector(selector)!;
          const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
          return { selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        });
      });
      for (const { selector, ratio } of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('uses a dark background when the reader prefers dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${site.server.url}/ko/`);
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .match(/\d+/g)!
      .map(Number);
    expect(r + g + b).toBeLessThan(120);
  });
});
