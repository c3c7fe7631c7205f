import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let sample: RunningServer;
let fixture: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [sample, fixture, browser] = await Promise.all([
    startServer(inject('siteDir')),
    startServer(inject('fixtureSiteDir')),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([sample?.stop(), fixture?.stop()]);
});

/** A page whose every Content-Security-Policy violation (the document's, the widget's Shadow DOM's, workers') is kept. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`,
      ),
    ),
  );
  return { page, violations };
}

/** Every page the build wrote, as the URL it is served at. */
function builtPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

describe('the Content-Security-Policy in Chromium', () => {
  it('blocks nothing on any built page', { timeout: 120_000 }, async () => {
    const { page, violations } = await watchedPage();
    const pages = builtPages(inject('siteDir'));
    expect(pages).toContain('/ko/search/');
    for (const path of pages) {
      await page.goto(`${sample.url}${path}`, { waitUntil: 'load' });
      // A staff page without a session sends the browser to the login page; that page is checked once it is there,
      // and the next page is not opened while the redirect is still under way.
      if (/^\/staff\/(?!login\/)/.test(path)) await page.waitForURL('**/staff/login/?next=**');
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  it('blocks nothing while a reader searches and answers the feedback question', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${sample.url}/ko/search/?q=${encodeURIComponent('환불')}`);
    await page.locator('#search-results a').first().waitFor();
    await page.goto(`${sample.url}/ko/`);
    await page.keyboard.press('/');
    await page.keyboard.type('배송');
    await page.getByRole('option').first().waitFor();
    await page.goto(`${sample.url}/ko/shipping/track-order/`);
    await page.getByRole('button', { name: '아니요' }).click();
    await page.getByRole('radio').first().check();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('blocks nothing in the widget on the demo shop: opened by the shop’s own button, searched, an article read', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${sample.url}/demo/shop/checkout/payment/`);
    await page.getByRole('button', { name: '결제 오류 도움말 보기' }).click();
    const panel = page.getByRole('dialog');
    await panel.locator('.list a').first().waitFor();
    await panel.getByRole('searchbox').fill('환불 언제 되나요');
    await panel.getByRole('link', { name: /환불은 언제 되나요/ }).click();
    await panel.locator('.article .prose').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('lets the privacy-enhanced video player in only when the reader presses play', async () => {
    const { page, violations } = await watchedPage();
    await page.route(/youtube-nocookie/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' }),
    );
    await page.goto(`${fixture.url}/en/getting-started/components/`);
    await page.getByRole('link', { name: /Inviting your team in two minutes/ }).click();
    const player = page.frameLocator('.video iframe');
    await expect.poll(() => player.locator('p').textContent()).toBe('player');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('refuses to show a staff page inside another site’s frame', async () => {
    const { page, violations } = await watchedPage();
    const framing = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>framing</title><iframe src="${sample.url}/staff/login/"></iframe><iframe src="${sample.url}/ko/"></iframe>`,
      );
    });
    await new Promise<void>((done) => framing.listen(0, '127.0.0.1', done));
    try {
      await page.goto(`http://127.0.0.1:${(framing.address() as AddressInfo).port}/`);
      // Chromium shows its error page in place of the refused frame.
      await expect
        .poll(() =>
          page
            .frames()
            .slice(1)
            .map((frame) => frame.url()),
        )
        .toEqual(['chrome-error://chromewebdata/', `${sample.url}/ko/`]);
      expect(violations.join('\n')).toMatch(/frame-ancestors/);
    } finally {
      framing.close();
      await page.close();
    }
  });
});
