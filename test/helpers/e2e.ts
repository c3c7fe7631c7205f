import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** For an end-to-end suite: npm start's server over the built sample site, and Chromium, shared by its tests. */
export function useSiteInBrowser(): { server: RunningServer; browser: Browser } {
  const site = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([startServer(inject('siteDir')), launchBrowser()]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}
