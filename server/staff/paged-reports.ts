import type { Context } from 'hono';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { Period, ReportStorage } from '../db/report-storage.ts';
import { toCsv } from '../reports/csv.ts';
import { failedSearches } from '../reports/failed-searches.ts';
import { listedSynonyms } from '../reports/reader-synonyms.ts';
import { sortAndPage, type ListQuery } from '../reports/list-options.ts';
import type { ReportRows } from '../reports/report-rows.ts';
import { unhelpfulArticles, withDetails } from '../reports/unhelpful.ts';

/** One paged report: its rows for a period, the columns it sorts by, and its CSV download. */
interface PagedReport<Row> {
  /** Rows of the period; the locale filter is applied to every report, any other filter by the report itself. */
  rows: (period: Period, query: ListQuery) => Promise<Row[]>;
  /** What the rows of the page shown need besides what sorts them, read for those rows only. */
  details?: (period: Period, rows: Row[]) => Promise<Row[]>;
  sortBy: Record<string, (row: Row) => number | string>;
  defaultSort: string;
  /** What `?row=` names a row by, in the reports other pages link rows of. */
  key?: (row: Row) => string;
  /** The CSV file's name, without `.csv`. */
  file: string;
  header: string[];
  csvRow: (row: Row) => (string | number | null | undefined)[];
}
type PagedReports = { [Name in keyof ReportRows]: PagedReport<ReportRows[Name]> };

const percent = (share: number | null) => (share === null ? '' : (share * 100).toFixed(1));
const share = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * The reports /api/staff/reports/<name> pages through, each answered as JSON or as CSV. A readers' synonym is
 * proposed once `synonymReaders` distinct readers made it (HELPLOOP_SYNONYM_READERS).
 */
export function pagedReports(reports: ReportStorage, manifest: Manifest, synonymReaders: number): PagedReports {
  const articles = new Map(manifest.articles.map((article) => [article.id, article]));
  return {
    unhelpful: {
      // Only articles readers voted on: views alone say nothing about whether an article helps.
      rows: async (period, query) =>
        (await unhelpfulArticles(reports, manifest, period)).filter(
          (row) => row.votes > 0 && (!query.category || row.category === query.category),
        ),
      sortBy: {
        confidence: (r) => r.confidence,
        views: (r) => r.views,
        votes: (r) => r.votes,
        helpful: (r) => r.helpfulShare ?? -1,
        updated: (r) => r.updated,
        title: (r) => r.title,
      },
      details: (period, rows) => withDetails(reports, period, rows),
      defaultSort: 'confidence',
      key: (r) => r.articleId,
      file: 'unhelpful-articles',
      header: [
        'article',
        'title',
        'locale',
        'category',
        'views',
        'votes',
        'helpful %',
        'confidence unhelpful',
        'reasons',
        'latest comment',
        'updated',
        'source',
        'status',
        'note',
      ],
      csvRow: (r) => [
        r.articleId,
        r.title,
        r.locale,
        r.category,
        r.views,
        r.votes,
        percent(r.helpfulShare),
        r.confidence.toFixed(3),
        Object.entries(r.reasons)
          .map(([reason, n]) => `${reason}: ${n}`)
          .join('; '),
        r.comments[0]?.comment,
        r.updated,
        r.sourcePath,
        r.review.status,
        r.review.note,
      ],
    },
    'failed-searches': {
      rows: (period) => failedSearches(reports, period),
      key: (r) => r.normalized,
      sortBy: {
        searches: (r) => r.searches,
        visitors: (r) => r.visitors,
        contacted: (r) => r.contacted,
        lastSeen: (r) => r.lastSeen,
        query: (r) => r.normalized,
      },
      defaultSort: 'searches',
      file: 'failed-searches',
      header: [
        'locale',
        'query',
        'searches',
        'visitors',
        'then contacted support',
        'first seen',
        'last seen',
        'variants',
        'status',
        'note',
        'command',
      ],
      csvRow: (r) => [
        r.locale,
        r.variants[0] ?? r.normalized,
        r.searches,
        r.visitors,
        r.contacted,
        r.firstSeen,
        r.lastSeen,
        r.variants.join(' | '),
        r.review.status,
        r.review.note,
        r.newArticleCommand,
      ],
    },
    'unclicked-searches': {
      rows: (period) => reports.unclickedQueries(period),
      sortBy: { searches: (r) => r.searches, visitors: (r) => r.visitors, query: (r) => r.normalized },
      defaultSort: 'searches',
      file: 'unclicked-searches',
      header: ['locale', 'query', 'searches', 'visitors', 'variants'],
      csvRow: (r) => [r.locale, r.variants[0] ?? r.normalized, r.searches, r.visitors, r.variants.join(' | ')],
    },
    // Which contexts deflect (readers choose an article) and which fail (readers choose support, or nothing).
    contexts: {
      rows: async (period) =>
        (await reports.contexts(period)).map((row) => ({
          ...row,
          clickRate: share(row.clicks, row.impressions),
          contactRate: share(row.contacts, row.impressions),
        })),
      sortBy: {
        impressions: (r) => r.impressions,
        clickRate: (r) => r.clickRate ?? -1,
        contactRate: (r) => r.contactRate ?? -1,
        context: (r) => r.context,
      },
      defaultSort: 'impressions',
      file: 'widget-contexts',
      header: ['locale', 'context', 'panels shown', 'article clicks', 'support clicks', 'click rate', 'contact rate'],
      csvRow: (r) => [r.locale, r.context, r.impressions, r.clicks, r.contacts, r.clickRate ?? '', r.contactRate ?? ''],
    },
    synonyms: {
      rows: async (period, query) => {
        const [decided, listed] = await Promise.all([
          reports.synonymReviews(),
          listedSynonyms(reports, manifest, period, synonymReaders),
        ]);
        return listed.flatMap((row) => {
          const article = articles.get(row.articleId);
          if (!article || (query.category && article.category !== query.category)) return [];
          const review = decided.get(`${row.locale}|${row.normalized}|${row.articleId}`) ?? {
            status: 'proposed',
            note: '',
          };
          return [
            {
              ...row,
              review,
              title: article.title,
              url: article.url,
              sourcePath: article.sourcePath,
              suggestion: `aliases: ["${row.query.replace(/"/g, '\\"')}"]`,
            },
          ];
        });
      },
      sortBy: { readers: (r) => r.readers, query: (r) => r.normalized },
      defaultSort: 'readers',
      file: 'readers-synonyms',
      header: ['locale', 'searched', 'found', 'readers', 'source', 'add to frontmatter'],
      csvRow: (r) => [r.locale, r.query, r.title, r.readers, r.sourcePath, r.suggestion],
    },
  };
}

/** Answers one page of a report, sorted as asked, as JSON or as a CSV download. */
export async function answerPage<Name extends keyof ReportRows>(
  c: Context,
  report: PagedReports[Name],
  query: ListQuery,
  period: Period,
) {
  const { key } = report;
  const rows = (await report.rows(period, query)).filter(
    (row) => (!query.locale || row.locale === query.locale) && (!query.row || !key || key(row) === query.row),
  );
  const sorted = sortAndPage(rows, query, report.sortBy, report.defaultSort);
  const page = report.details ? { ...sorted, rows: await report.details(period, sorted.rows) } : sorted;
  if (query.format !== 'csv') return c.json(page);
  return answerCsv(c, report.file, report.header, page.rows.map(report.csvRow));
}

/** A CSV download named `file`.csv. */
export function answerCsv(c: Context, file: string, header: string[], rows: Parameters<typeof toCsv>[1]) {
  return c.body(toCsv(header, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}.csv"`,
  });
}
