/**
 * Reader events for bench:reports, made day by day as a busy help center would receive them: a few articles and
 * queries take most of the traffic (Zipf), many queries find nothing, clicks and follow-up views belong to the
 * visitor who searched, and visitor keys are random and change daily. Seeded, so every run measures the same data.
 */
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { unhelpfulReasons } from '../../src/shared/feedback-reasons.ts';
import { normalize } from '../../src/shared/search/text.ts';
import { seeded } from '../../test/helpers/seeded.ts';

/** Rows over the retained days, before the scale flag; the measurement used these. */
export const FULL_VOLUME = {
  votes: 1_000_000,
  searches: 1_000_000,
  clicks: 300_000,
  views: 2_000_000,
  widgetEvents: 200_000,
  contacts: 20_000,
};
export type Volume = typeof FULL_VOLUME;

const DISTINCT_QUERIES = 3_000;
/** Share of distinct queries that find no article: the failed-searches report's rows. */
const ZERO_RESULT_SHARE = 0.3;
const WIDGET_TYPES = ['impression', 'impression', 'impression', 'impression', 'click', 'contact'] as const;

/** Picks from `items` with the weight of rank r proportional to 1/r. */
function zipf<T>(items: T[], random: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank++) cumulative.push((total += 1 / rank));
  return () => {
    const target = random() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return items[low];
  };
}

interface Query {
  query: string;
  normalized: string;
  locale: string;
  resultCount: number;
  /** The article most of its searchers choose. */
  answer: string;
}

export interface DayEvents {
  votes: Record<string, unknown>[];
  views: Record<string, unknown>[];
  searches: Record<string, unknown>[];
  clicks: Record<string, unknown>[];
  widgetEvents: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
}

/** Makes one day's events at 1/days of `volume` each. */
export function eventMaker(manifest: Manifest, volume: Volume, days: number) {
  const random = seeded(14);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const hex = (length: number) => {
    let key = '';
    while (key.length < length) key += Math.floor(random() * 0x100000000).toString(16);
    return key.slice(0, length);
  };
  const articles = manifest.articles.map((article) => ({ id: article.id, locale: article.locale }));
  const article = zipf(articles, random);
  const words = [...new Set(manifest.articles.flatMap((a) => normalize(a.title).split(' ')))].filter(Boolean);
  const queries: Query[] = Array.from({ length: DISTINCT_QUERIES }, (_, i) => {
    const found = random() >= ZERO_RESULT_SHARE;
    const about = article();
    // A query that finds nothing names something the help center does not cover.
    const query = found ? `${pick(words)} ${pick(words)}` : `${pick(words)} ${hex(5)} ${i}`;
    return {
      query,
      normalized: normalize(query),
      locale: about.locale,
      resultCount: found ? 1 + (i % 20) : 0,
      answer: about.id,
    };
  });
  const searched = zipf(queries, random);
  const answerOf = new Map(queries.map((q) => [q.normalized, q.answer]));
  const contexts = manifest.contexts.length ? manifest.contexts : ['default'];
  const perDay = (count: number) => Math.round(count / days);

  return function eventsOf(day: string): DayEvents {
    const at = () => new Date(Date.parse(`${day}T00:00:00Z`) + Math.floor(random() * 86_390_000));
    const visitors = Array.from({ length: Math.max(1, perDay(volume.views) / 2) }, () => hex(22));
    const visitor = () => pick(visitors);
    const events: DayEvents = { votes: [], views: [], searches: [], clicks: [], widgetEvents: [], contacts: [] };
    for (let i = 0; i < perDay(volume.searches); i++) {
      const { answer: _, ...query } = searched();
      events.searches.push({ ...query, visitor: visitor(), day, at: at().toISOString() });
    }
    const found = events.searches.filter((search) => (search.resultCount as number) > 0);
    for (let i = 0; i < perDay(volume.clicks) && found.length; i++) {
      const search = pick(found);
      const answer = answerOf.get(search.normalized as string) ?? article().id;
      const articleId = random() < 0.7 ? answer : article().id;
      const clicked = new Date(Date.parse(search.at as string) + 5_000);
      const common = { articleId, visitor: search.visitor, day, at: clicked.toISOString() };
      events.clicks.push({ ...common, query: search.query, normalized: search.normalized, position: 1 + (i % 5) });
      // The click opens the article: a view by the same visitor, as the page would send it.
      events.views.push(common);
    }
    while (events.views.length < perDay(volume.views))
      events.views.push({ articleId: article().id, visitor: visitor(), day, at: at().toISOString() });
    for (let i = 0; i < perDay(volume.votes); i++) {
      const helpful = random() < 0.7 ? 1 : 0;
      events.votes.push({
        articleId: article().id,
        visitor: hex(22),
        source: hex(22),
        day,
        helpful,
        reason: helpful ? null : pick(unhelpfulReasons),
        comment: !helpful && random() < 0.1 ? `Step ${i % 7} did not match what I saw` : null,
        at: at().toISOString(),
      });
    }
    for (let i = 0; i < perDay(volume.widgetEvents); i++) {
      const type = pick(WIDGET_TYPES);
      const shown = article();
      events.widgetEvents.push({
        type,
        context: pick(contexts),
        locale: shown.locale,
        articleId: type === 'click' ? shown.id : null,
        position: type === 'click' ? 1 + (i % 3) : null,
        visitor: visitor(),
        day,
        at: at().toISOString(),
      });
    }
    for (let i = 0; i < perDay(volume.contacts); i++) {
      const search = random() < 0.5 ? pick(events.searches) : undefined;
      const from = article();
      events.contacts.push({
        locale: (search?.locale as string | undefined) ?? from.locale,
        articleId: search ? null : from.id,
        query: search?.query ?? null,
        normalized: search?.normalized ?? null,
        visitor: (search?.visitor as string | undefined) ?? visitor(),
        day,
        at: at().toISOString(),
      });
    }
    return events;
  };
}
