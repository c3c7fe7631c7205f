import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { pageInScheme } from '../helpers/axe.ts';
import { useSiteInBrowser } from '../helpers/e2e.ts';

const site = useSiteInBrowser();
let page: Page;
afterEach(() => page?.context().close());

const open = async (path: string, width: number, height = 800) => {
  page = await pageInScheme(site.browser, 'light', { width });
  await page.setViewportSize({ width, height });
  await page.goto(`${site.server.url}${path}`);
};

/**
 * Places where the browser ended a line between two letters or digits of one word (`3~7영업/일`), as `영업|일`.
 * A line may still end at a space, `·` or `(`, where Korean breaks too.
 */
const splitWords = (selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const split: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const top = (node: Node, index: number) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return Math.round(range.getBoundingClientRect().top);
      };
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!;
        for (let i = 0; i + 1 < text.length; i++)
          if (/[\p{L}\p{N}~]/u.test(text[i]) && /[\p{L}\p{N}~]/u.test(text[i + 1]) && top(node, i) !== top(node, i + 1))
            split.push(`${text.slice(Math.max(0, i - 2), i + 1)}|${text.slice(i + 1, i + 3)}`);
      }
      return split;
    }),
  );

/** Whether an input's placeholder fits inside its text area, measured in its own font. */
const placeholderFits = (selector: string) =>
  page.locator(selector).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });

describe('Korean text at 360 px', () => {
  it('keeps every page within the screen', async () => {
    for (const path of ['/ko/', '/ko/shipping/', '/ko/returns-refunds/refund-timing/', '/ko/search/?q=환불', '/en/']) {
      await open(path, 360);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
  });

  it('never breaks a word of a table cell (3~7영업일), the table scrolls sideways instead', async () => {
    await open('/ko/returns-refunds/refund-timing/', 360);
    expect(await page.locator('.prose td').count()).toBeGreaterThan(0);
    expect(await splitWords('.prose td, .prose th')).toEqual([]);
  });

  it('shows phone numbers and e-mail addresses on one line each', async () => {
    await open('/ko/shipping/track-order/', 360);
    const card = await page.locator('.support-handoff').boundingBox();
    const email = await page.locator('.support-handoff a[href^="mailto:"]').boundingBox();
    expect(email!.x + email!.width).toBeLessThanOrEqual(card!.x + card!.width);
    for (const selector of [
      '.support-handoff a[href^="tel:"]',
      '.support-handoff a[href^="mailto:"]',
      '.site-footer .no-wrap',
    ])
      expect(await page.locator(selector).evaluate((node) => node.getClientRects().length), selector).toBe(1);
  });

  it('shows the search boxes’ placeholders whole, at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      await open('/ko/', width);
      expect(await placeholderFits('#header-search'), `header ${width}`).toBe(true);
      expect(await placeholderFits('#home-search'), `home ${width}`).toBe(true);
    }
  });

  it('shows five whole suggestions on a 360 × 640 screen', async () => {
    await open('/ko/shipping/shipping-fee/', 360, 640);
    await page.locator('#header-search').fill('배송');
    const options = page.locator('#header-search-listbox [role=option]');
    await expect.poll(() => options.count()).toBe(5);
    const visible = await options.evaluateAll((items) => {
      const panel = items[0].closest('.search-suggestions')!.getBoundingClientRect();
      return items.filter((item) => {
        const rect = item.getBoundingClientRect();
        return rect.bottom <= Math.min(panel.bottom, innerHeight);
      }).length;
    });
    expect(visible).toBe(5);
  });
});

describe('type and hierarchy', () => {
  it('sets inline code (menu paths) near the size of the text around it', async () => {
    await open('/ko/coupons-points/register-coupon/', 1280);
    const [code, text] = await page
      .locator('.prose p:has(code)')
      .first()
      .evaluate((p) => [p.querySelector('code')!, p].map((node) => parseFloat(getComputedStyle(node).fontSize)));
    expect(code / text).toBeGreaterThanOrEqual(0.85);
  });

  it('leads list and search results with bold titles, and keeps excerpts to a readable measure', async () => {
    for (const [path, item] of [
      ['/ko/shipping/', '.article-list li'],
      ['/ko/search/?q=환불', '#search-results li'],
    ]) {
      await open(path, 1280);
      const first = page.locator(item).first();
      await first.waitFor();
      const { weight, titleSize, textSize, excerptEm } = await first.evaluate((li) => {
        const title = getComputedStyle(li.querySelector('a')!);
        const excerpt = li.querySelector('p')!;
        const size = parseFloat(getComputedStyle(excerpt).fontSize);
        return {
          weight: Number(title.fontWeight),
          titleSize: parseFloat(title.fontSize),
          textSize: size,
          excerptEm: excerpt.getBoundingClientRect().width / size,
        };
      });
      expect(weight, path).toBeGreaterThanOrEqual(600);
      expect(titleSize, path).toBeGreaterThan(textSize);
      expect(excerptEm, path).toBeLessThanOrEqual(45);
    }
  });

  it('separates the footer’s items with a spaced dot that wraps with the item', async () => {
    await open('/ko/', 1280);
    const separators = await page
      .locator('.site-footer li + li')
      .evaluateAll((items) =>
        items.map((item) => [
          getComputedStyle(item, '::before').content,
          getComputedStyle(item, '::before').marginInline,
        ]),
      );
    expect(separators.length).toBeGreaterThan(0);
    for (const [content, margin] of separators) {
      expect(content).toBe('"·"');
      expect(margin).not.toBe('0px');
    }
  });
});
