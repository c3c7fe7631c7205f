/**
 * npm run audit — issue 15's audit of the built site: Lighthouse (performance, accessibility, best practices, SEO;
 * desktop and mobile) and axe-core (WCAG 2.2 AA, light and dark) on each kind of page, the staff page logged in and
 * the demo shop with the widget open. Builds the sample site when it is missing or stale and serves it as
 * `npm start` does. Prints one table, marks each miss with `!`, lists what caused it, and exits 1 on a miss.
 * Flags: --runs N (Lighthouse runs per page and form factor, median reported; default 1), --page <text> (only
 * pages whose name contains it).
 */
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/helpers/browser.ts';
import { axeViolations, describeViolations, pageInScheme, type ColorScheme } from '../test/helpers/axe.ts';
import { startServer } from '../test/helpers/server.ts';
import { AUDIT_PAGES } from './audit/pages.ts';
import { CATEGORIES, FORM_FACTORS, lighthouseScores, type FormFactor, type Scores } from './audit/lighthouse-scores.ts';
import { staffSessionCookie } from './audit/staff-session.ts';
import { launchChromium, pad } from './lib/lighthouse.ts';
import { sampleSite } from './lib/sample-site.ts';
import { SAMPLE_FEEDBACK_LIMITS, seedFeedback, waitForThemes } from './lib/sample-feedback.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, page: { type: 'string', default: '' } },
});
const runs = Number(args.runs);
const pages = AUDIT_PAGES.filter((page) => page.name.includes(args.page));
/** Issue 15's targets: every Lighthouse category 100 (SEO only where the page may be indexed), no axe violation. */
const TARGET_SCORE = 100;
const SCHEMES: ColorScheme[] = ['light', 'dark'];

// Staff pages are audited with a week of sample feedback in them, so their tables, panels and charts are drawn.
const server = await startServer(await sampleSite(), SAMPLE_FEEDBACK_LIMITS, 'server/main.ts');
await seedFeedback(server.url);
const session = await staffSessionCookie(server);
await waitForThemes(server.url, session);
const axe = new Map<string, Record<ColorScheme, string[]>>();
const lighthouse = new Map<string, Record<FormFactor, Scores>>();
const browser = await launchBrowser();
try {
  for (const audited of pages) {
    const found = {} as Record<ColorScheme, string[]>;
    for (const scheme of SCHEMES) {
      const cookie = audited.staff ? { ...session, url: server.url } : undefined;
      const page = await pageInScheme(browser, scheme, { cookie });
      await page.goto(`${server.url}${audited.path}`);
      await audited.ready?.(page);
      found[scheme] = describeViolations(await axeViolations(page));
      await page.context().close();
    }
    axe.set(audited.name, found);
  }
} finally {
  await browser.close();
}
const chrome = await launchChromium();
try {
  for (const audited of pages) {
    const byForm = {} as Record<FormFactor, Scores>;
    for (const formFactor of Object.keys(FORM_FACTORS) as FormFactor[]) {
      console.log(`  Lighthouse ${formFactor}: ${audited.name}`);
      byForm[formFactor] = await lighthouseScores(`${server.url}${audited.path}`, {
        port: chrome.port,
        formFactor,
        runs,
        cookie: audited.staff ? `${session.name}=${session.value}` : undefined,
      });
    }
    lighthouse.set(audited.name, byForm);
  }
} finally {
  chrome.kill();
  await server.stop();
}

let misses = 0;
const mark = (value: number | string, miss: boolean) => {
  if (miss) misses++;
  return `${value}${miss ? '!' : ' '}`;
};
const SHORT = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp', seo: 'seo' };
const header = (form: string) => CATEGORIES.map((category) => `${form[0]}.${SHORT[category]}`.padStart(7)).join('');
console.log(
  `\nLighthouse (${runs === 1 ? 'one run' : `median of ${runs} runs`}; mobile is a mid-range phone on slow 4G) and axe-core (WCAG 2.2 AA)`,
);
const nameWidth = Math.max(...pages.map((page) => page.name.length)) + 2;
console.log(`${pad('page', nameWidth)}${header('desktop')}${header('mobile')}  m.LCP  axe light  axe dark`);
for (const audited of pages) {
  const scores = lighthouse.get(audited.name)!;
  const found = axe.get(audited.name)!;
  const cells = (Object.keys(FORM_FACTORS) as FormFactor[]).flatMap((form) =>
    CATEGORIES.map((category) => {
      const value = scores[form].scores[category];
      if (category === 'seo' && !audited.indexable) return `(${value})`.padStart(7);
      if (category === 'best-practices' && scores[form].ownStatusOnly) return `${value}°`.padStart(7);
      return mark(value, value < TARGET_SCORE).padStart(7);
    }),
  );
  const lcp = `${(scores.mobile.lcpMs / 1000).toFixed(1)} s`.padStart(7);
  const axeCells = SCHEMES.map((scheme) => mark(found[scheme].length, found[scheme].length > 0).padStart(10));
  console.log(`${pad(audited.name, nameWidth)}${cells.join('')}${lcp}${axeCells.join('')}`);
}
console.log('! misses the target (100; SEO only on indexable pages, in brackets otherwise; axe 0 elements)');
console.log('° only the page’s own 404 status, which Chromium logs as a console error: no miss');

for (const audited of pages) {
  const scores = lighthouse.get(audited.name)!;
  const found = axe.get(audited.name)!;
  const details = [
    ...SCHEMES.flatMap((scheme) => found[scheme].map((line) => `axe ${scheme}: ${line.replace(/\s+/g, ' ')}`)),
    ...(Object.keys(FORM_FACTORS) as FormFactor[]).flatMap((form) =>
      scores[form].misses
        .filter((miss) => audited.indexable || !miss.startsWith('seo:'))
        .filter((miss) => !scores[form].ownStatusOnly || !miss.startsWith('best-practices:'))
        .map((miss) => `lighthouse ${form} ${miss}`),
    ),
  ];
  if (details.length) console.log(`\n${audited.name} (${audited.path})\n  ${details.join('\n  ')}`);
}
if (misses) {
  console.log(`\n${misses} miss${misses === 1 ? '' : 'es'}`);
  process.exitCode = 1;
}
