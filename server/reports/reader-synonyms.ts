import type { Manifest } from '../../src/shared/content/manifest.ts';
import { relatedQueries } from '../../src/shared/search/related-queries.ts';
import type { Period, ReaderSynonym, ReportStorage } from '../db/report-storage.ts';

/** What an article is about besides its text: its title, its category's id and titles, its tags. */
function articleTopics(manifest: Manifest): Map<string, string[]> {
  const categories = new Map(manifest.categories.map((category) => [category.id, category]));
  return new Map(
    manifest.articles.map((article) => {
      const category = categories.get(article.category);
      return [article.id, [article.title, article.category, ...Object.values(category?.title ?? {}), ...article.tags]];
    }),
  );
}

const pairKey = (pair: { locale: string; normalized: string; articleId: string }) =>
  `${pair.locale}|${pair.normalized}|${pair.articleId}`;

/**
 * Readers' pairs of the period, each with the distinct readers that count as evidence for it: every reader who
 * found the article when the failed query is about what the article is about (`결제수단 교체` → an article of the
 * 결제 category), otherwise only those who found it by a search related to the failed one (report-aggregates.ts).
 * The article's side is decided here, when reports are read, not at ingest: it depends on the content, not on any
 * reader, and the manifest that knows it is the staff routes' and the build's, not the event storage's. Pairs of
 * articles the site no longer has are left out.
 */
export async function synonymEvidence(reports: ReportStorage, manifest: Manifest, period: Period) {
  const topics = articleTopics(manifest);
  return (await reports.rephrasedQueries(period)).flatMap(({ readers, relatedReaders, ...pair }) => {
    const topic = topics.get(pair.articleId);
    if (!topic) return [];
    return [{ ...pair, readers: topic.some((text) => relatedQueries(pair.query, text)) ? readers : relatedReaders }];
  });
}

/**
 * The pairs the synonyms report lists: those at least `minReaders` distinct readers made in the period (proposals,
 * or decided), and every pair staff accepted, which the build applies whatever readers did.
 */
export async function listedSynonyms(reports: ReportStorage, manifest: Manifest, period: Period, minReaders: number) {
  const [found, accepted] = await Promise.all([synonymEvidence(reports, manifest, period), reports.acceptedSynonyms()]);
  const acceptedKeys = new Set(accepted.map(pairKey));
  const listed = found.filter((pair) => pair.readers >= minReaders || acceptedKeys.has(pairKey(pair)));
  const listedKeys = new Set(listed.map(pairKey));
  return [
    ...listed,
    ...accepted.filter((pair) => !listedKeys.has(pairKey(pair))).map((pair) => ({ ...pair, readers: 0 })),
  ];
}

/**
 * What the next build teaches search: pairs staff accepted, and pairs at least `minReaders` distinct readers made in
 * the period that staff did not decide on.
 */
export async function synonymsToApply(
  reports: ReportStorage,
  manifest: Manifest,
  period: Period,
  minReaders: number,
): Promise<ReaderSynonym[]> {
  const [found, decided, accepted] = await Promise.all([
    synonymEvidence(reports, manifest, period),
    reports.synonymReviews(),
    reports.acceptedSynonyms(),
  ]);
  const confirmed = found.filter((pair) => pair.readers >= minReaders && !decided.has(pairKey(pair)));
  return [...accepted, ...confirmed].map(({ locale, query, articleId }) => ({ locale, query, articleId }));
}
