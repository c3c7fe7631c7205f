import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('fixtureSiteDir')), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a video in an article', () => {
  it('sends nothing to YouTube until the reader presses play, then plays the privacy-enhanced player in place', async () => {
    const page = await browser.newPage();
    const thirdParty: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) thirdParty.push(request.url());
    });
    await page.route(/youtube/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' }),
    );
    await page.goto(`${server.url}/en/getting-started/components/`);
    await page.waitForLoadState('networkidle');
    expect(thirdParty).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);

    await page.getByRole('link', { name: /Inviting your team in two minutes/ }).press('Enter');
    const player = page.locator('.video iframe');
    await player.waitFor();
    expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc123XYZ_-?autoplay=1');
    expect(await player.getAttribute('title')).toBe('Inviting your team in two minutes');
    expect(new URL(page.url()).pathname).toBe('/en/getting-started/components/');
  });
});
