import type { Page } from 'playwright-core';

/**
 * Records the page's layout shifts from its first frame on (call before `goto`). Shifts right after the reader's
 * own input do not count, as in Core Web Vitals.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let total = 0;
    const add = (entries: PerformanceEntry[]) => {
      for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) total += entry.value;
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    Object.assign(window, { takeLayoutShift: () => (add(observer.takeRecords()), total) });
  });
}

/**
 * The sum of every shift so far, once what is on screen has been painted: a shift is recorded when its frame is,
 * so two frames later the last one is in.
 */
export function layoutShiftSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done((window as unknown as { takeLayoutShift: () => number }).takeLayoutShift())),
        ),
      ),
  );
}
