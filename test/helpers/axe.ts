import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** WCAG 2.2 AA: every level-A and level-AA rule up to 2.2. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Landmarks a screen reader lists by name: axe files these under best practice, not WCAG, yet two search
 * landmarks called alike, or a dialog's header read as a second page banner, send its users to the wrong place.
 */
const LANDMARK_RULES = ['landmark-unique', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo'];
const AXE = resolve('node_modules/axe-core/axe.min.js');

export type ColorScheme = 'light' | 'dark';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each offending element's selector and axe's reason for it. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core on what the page shows now; open shadow roots (the widget's panel) are checked too. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(
    async ([tags, landmarks]) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const rules = Object.fromEntries(landmarks.map((rule) => [rule, { enabled: true }]));
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.join(' '),
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    [WCAG_22_AA, LANDMARK_RULES] as const,
  );
}

/**
 * A page in a colour scheme; the site's content security policy forbids the inline script axe is injected as,
 * so this context bypasses it (a reader's browser never injects anything).
 */
export async function pageInScheme(
  browser: Browser,
  colorScheme: ColorScheme,
  options: { width?: number; cookie?: { name: string; value: string; url: string } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    colorScheme,
    bypassCSP: true,
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  if (options.cookie) await context.addCookies([options.cookie]);
  return context.newPage();
}

/** One line per offending element, for a failing assertion or the audit's details. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}) ${node.target}: ${node.summary}`));
