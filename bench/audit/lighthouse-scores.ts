import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { score } from '../lib/lighthouse.ts';

export const FORM_FACTORS = { desktop: desktopConfig, mobile: undefined };
export type FormFactor = keyof typeof FORM_FACTORS;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Scores {
  scores: Record<Category, number>;
  lcpMs: number;
  /** Audits that cost points in a category below 100, to say what to fix. */
  misses: string[];
  /**
   * Best practices lost points only because Chromium logs the page's own error status as a console error: the 404
   * page must answer 404, so that is no miss.
   */
  ownStatusOnly: boolean;
}

interface ConsoleError {
  source?: string;
  sourceLocation?: { url?: string };
}

function ownStatusOnly(result: Result): boolean {
  const failing = (result.categories['best-practices']?.auditRefs ?? []).filter(
    (ref) => ref.weight > 0 && (result.audits[ref.id]?.score ?? 1) < 1,
  );
  const items = (result.audits['errors-in-console'].details as { items?: ConsoleError[] } | undefined)?.items ?? [];
  return (
    failing.length === 1 &&
    failing[0].id === 'errors-in-console' &&
    items.every((item) => item.source === 'network' && item.sourceLocation?.url === result.finalDisplayedUrl)
  );
}

const scoresOf = (result: Result): Scores => ({
  scores: Object.fromEntries(CATEGORIES.map((category) => [category, score(result, category)])) as Scores['scores'],
  lcpMs: result.audits['largest-contentful-paint'].numericValue ?? Infinity,
  misses: CATEGORIES.filter((category) => score(result, category) < 100).flatMap((category) =>
    (result.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (result.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}: ${ref.id} ${evidence(result.audits[ref.id])}`),
  ),
  ownStatusOnly: ownStatusOnly(result),
});

/** The audit's value and its first items (the console error, the link), enough to find the cause. */
function evidence(audit: Result['audits'][string]): string {
  const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const named = items.slice(0, 2).map((item) => {
    const source = item.sourceLocation as { url?: string } | undefined;
    const node = item.node as { snippet?: string } | undefined;
    return String(item.description ?? source?.url ?? item.href ?? node?.snippet ?? item.url ?? '').slice(0, 140);
  });
  return `(${audit.displayValue ?? audit.score})${named.length ? `: ${named.join(' | ')}` : ''}`;
}

/**
 * Lighthouse's four categories on a URL, the median of `runs` by performance (Lighthouse's advice). A cookie,
 * when given, is sent with every request, as a logged-in browser would.
 */
export async function lighthouseScores(
  url: string,
  options: { port: number; formFactor: FormFactor; runs: number; cookie?: string },
): Promise<Scores> {
  const results: Scores[] = [];
  for (let run = 0; run < options.runs; run++) {
    const answer = await lighthouse(
      url,
      {
        port: options.port,
        logLevel: 'error',
        // The 404 page is audited as readers meet it, with its real status.
        ignoreStatusCode: true,
        onlyCategories: [...CATEGORIES],
        extraHeaders: options.cookie ? { Cookie: options.cookie } : undefined,
      },
      FORM_FACTORS[options.formFactor],
    );
    if (!answer) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (answer.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${answer.lhr.runtimeError.message}`);
    results.push(scoresOf(answer.lhr));
  }
  return [...results].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(results.length / 2)];
}
