import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, pageInScheme } from '../helpers/axe.ts';
import { useSiteInBrowser } from '../helpers/e2e.ts';

const site = useSiteInBrowser();

/** Each kind of public page, in the state a reader sees: suggestions open, results listed, the widget open. */
const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
  [
    'the home page with suggestions open',
    '/ko/',
    async (page) => {
      await page.locator('#home-search').fill('환불');
      await page.locator('#home-search-listbox [role=option] mark').first().waitFor();
    },
  ],
  ['a category', '/ko/shipping/', undefined],
  ['an article with components', '/ko/shipping/track-order/', undefined],
  ['the search page with results', '/ko/search/?q=환불', (page) => page.locator('#search-results a').first().waitFor()],
  ['the 404 page', '/no-such-page/', undefined],
  ['the English home', '/en/', undefined],
  [
    'the demo shop’s checkout with the widget open',
    '/demo/shop/checkout/',
    async (page) => {
      await page.getByRole('button', { name: '도움말', exact: true }).click();
      await page.getByRole('dialog').locator('.list a').first().waitFor();
    },
  ],
];

describe('WCAG 2.2 AA (axe-core), in light and dark', () => {
  for (const [name, path, ready] of PAGES)
    for (const scheme of ['light', 'dark'] as const)
      it(`has no violations on ${name}, ${scheme}`, async () => {
        const page = await pageInScheme(site.browser, scheme);
        await page.goto(`${site.server.url}${path}`);
        await ready?.(page);
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        await page.context().close();
      });
});
