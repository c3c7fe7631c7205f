/**
 * npm run bench:staff — the staff workspace as a support lead meets it on a Monday: a week of sample feedback
 * (bench/lib/sample-feedback.ts) on the built sample site, then in Chromium: log in, and time until the inbox
 * answers "what should we fix this week?"; then each report. Prints the times and writes screenshots of the inbox
 * and the reports at 1280 and 360 px, light and dark, to bench/.work/staff-tour/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { STAFF_REPORTS } from '../src/shared/staff-reports.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServer } from '../test/helpers/server.ts';
import { staffSessionCookie } from './audit/staff-session.ts';
import { sampleSite } from './lib/sample-site.ts';
import { SAMPLE_FEEDBACK_LIMITS, seedFeedback, waitForThemes } from './lib/sample-feedback.ts';

const OUT = resolve('bench/.work/staff-tour');
mkdirSync(OUT, { recursive: true });
const WIDTHS = [1280, 360];

const server = await startServer(await sampleSite(), SAMPLE_FEEDBACK_LIMITS, 'server/main.ts');
const browser = await launchBrowser();
try {
  const started = performance.now();
  const events = await seedFeedback(server.url);
  console.log(`Seeded ${events} reader events in ${Math.round(performance.now() - started)} ms`);
  const session = await staffSessionCookie(server);
  const waiting = performance.now();
  const themes = await waitForThemes(server.url, session);
  console.log(
    `The themes job grouped what readers said into ${themes} themes ${Math.round((performance.now() - waiting) / 1000)} s after seeding`,
  );
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      await context.addCookies([{ ...session, url: server.url }]);
      const page = await context.newPage();
      const opened = performance.now();
      await page.goto(`${server.url}/staff/`);
      await page.locator('.staff-item, .staff-empty').first().waitFor();
      const inboxMs = performance.now() - opened;
      const items = await page.locator('.staff-item h2').allTextContents();
      if (scheme === 'light' && width === WIDTHS[0]) {
        console.log(`Inbox answered in ${Math.round(inboxMs)} ms from opening /staff/, ${items.length} items:`);
        for (const item of items) console.log(`  - ${item}`);
      }
      await page.screenshot({ path: `${OUT}/inbox-${width}-${scheme}.png`, fullPage: true });
      for (const report of STAFF_REPORTS) {
        const start = performance.now();
        await page.goto(`${server.url}/staff/${report}/`);
        await page.locator('#staff-report[data-state=drawn]').waitFor({ state: 'attached' });
        const toggle = page.locator('.staff-toggle').first();
        if (await toggle.count()) await toggle.click();
        if (scheme === 'light' && width === WIDTHS[0]) {
          console.log(`  /staff/${report}/ drawn in ${Math.round(performance.now() - start)} ms`);
          if (report === 'survey')
            console.log(`    ${await page.locator('.staff-metric strong').first().textContent()}`);
        }
        await page.screenshot({ path: `${OUT}/${report}-${width}-${scheme}.png`, fullPage: true });
      }
      await context.close();
    }
  }
  console.log(`Screenshots in ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
