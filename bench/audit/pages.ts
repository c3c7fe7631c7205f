import type { Page } from 'playwright-core';
import { STAFF_REPORTS } from '../../src/shared/staff-reports.ts';

export interface AuditPage {
  name: string;
  path: string;
  /** Pages marked noindex need no SEO score: search engines are told to leave them. */
  indexable: boolean;
  /** Only with a staff session. */
  staff?: boolean;
  /** Brings the page to the state the audit checks, once it has loaded. */
  ready?: (page: Page) => Promise<void>;
}

/** The pages of issue 15's audit: one of each kind a reader or staff member lands on. */
export const AUDIT_PAGES: AuditPage[] = [
  {
    name: 'home + suggestions',
    path: '/ko/',
    indexable: true,
    // axe checks the suggestions too (their highlights have their own colours); Lighthouse loads the page only.
    ready: async (page) => {
      await page.locator('#home-search').fill('환불');
      await page.locator('#home-search-listbox [role=option] mark').first().waitFor();
    },
  },
  { name: 'category', path: '/ko/shipping/', indexable: true },
  { name: 'article (components)', path: '/ko/shipping/track-order/', indexable: true },
  {
    name: 'search 환불',
    path: '/ko/search/?q=환불',
    indexable: false,
    ready: (page) => page.locator('#search-results a').first().waitFor(),
  },
  { name: '404', path: '/no-such-page/', indexable: false },
  { name: 'English home', path: '/en/', indexable: true },
  { name: 'staff login', path: '/staff/login/', indexable: false },
  {
    name: 'staff inbox',
    path: '/staff/',
    indexable: false,
    staff: true,
    ready: (page) => page.locator('#staff-inbox[data-state=drawn]').waitFor({ state: 'attached' }),
  },
  // Each report with its first row's detail panel open: the panel holds the form controls axe should see.
  {
    name: 'staff notifications',
    path: '/staff/notifications/',
    indexable: false,
    staff: true,
    ready: (page) => page.locator('#notify-destinations[data-state=drawn]').waitFor({ state: 'attached' }),
  },
  ...STAFF_REPORTS.map((report): AuditPage => ({
    name: `staff ${report}`,
    path: `/staff/${report}/`,
    indexable: false,
    staff: true,
    ready: async (page) => {
      await page.locator('#staff-report[data-state=drawn]').waitFor({ state: 'attached' });
      const toggle = page.locator('.staff-toggle').first();
      if (await toggle.count()) await toggle.click();
    },
  })),
  {
    name: 'demo checkout + widget',
    // The checkout page: the widget's context articles, and a link of the shop's own in the page.
    path: '/demo/shop/checkout/',
    indexable: false,
    ready: async (page) => {
      await page.getByRole('button', { name: '도움말', exact: true }).click();
      await page.getByRole('dialog').locator('.list a').first().waitFor();
    },
  },
];
