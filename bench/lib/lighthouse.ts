import { launch, type LaunchedChrome } from 'chrome-launcher';
import type { Result } from 'lighthouse';

// No GPU, no sandbox (containers), no traffic of Chromium's own that would compete with the page's.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, for Lighthouse to drive. */
export const launchChromium = (): Promise<LaunchedChrome> =>
  launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });

/** A category's score as Lighthouse shows it, 0–100. */
export const score = (result: Result, category: string) => Math.round((result.categories[category]?.score ?? 0) * 100);

/** Pads to a width in terminal columns, where a Hangul syllable takes two. */
export const pad = (text: string, columns: number) =>
  text + ' '.repeat(Math.max(0, columns - text.length - (text.match(/[가-힣]/g)?.length ?? 0)));
