import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { z } from 'zod';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { localeSchema } from '../../src/shared/locales.ts';
import { ARTICLE_STATUSES, QUERY_STATUSES, SYNONYM_STATUSES } from '../../src/shared/review-statuses.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import type { ProxyTrustReader } from '../api/client-address.ts';
import { createReportStorage } from '../db/report-storage.ts';
import { createStaffStorage, roles } from '../db/staff-storage.ts';
import { ApiError } from '../errors.ts';
import { toCsv } from '../reports/csv.ts';
import { failedSearches } from '../reports/failed-searches.ts';
import { listQuerySchema, periodOf, sortAndPage } from '../reports/list-options.ts';
import { overview } from '../reports/overview.ts';
import type { ContextRow, SynonymRow } from '../reports/report-rows.ts';
import { unhelpfulArticles } from '../reports/unhelpful.ts';
import { authRoutes, requireCsrf, requireRole, requireSession, type AuthDeps, type StaffEnv } from './auth.ts';

export interface StaffDeps {
  db: Database;
  manifest: Manifest;
  clock: () => Date;
  proxies: ProxyTrustReader;
}

const noteSchema = z.string().max(2000, 'must be at most 2000 characters').default('');
const articleReviewSchema = z.strictObject({ status: z.enum(ARTICLE_STATUSES), note: noteSchema });
const synonymReviewSchema = z.strictObject({
  locale: localeSchema,
  normalized: z.string().min(1).max(200),
  query: z.string().trim().min(1).max(200),
  articleId: z.string().min(1).max(200),
  status: z.enum(SYNONYM_STATUSES),
  note: noteSchema,
});
const queryReviewSchema = z.strictObject({
  locale: localeSchema,
  normalized: z.string().min(1).max(200),
  status: z.enum(QUERY_STATUSES),
  note: noteSchema,
});

/** /api/staff: login, and reports that only a session may read. No report data is ever in the static files. */
export function staffRoutes({ db, manifest, clock, proxies }: StaffDeps) {
  const staff = createStaffStorage(db);
  const reports = createReportStorage(db);
  const deps: AuthDeps = {
    staff,
    clock,
    isSecure: (c) => new URL(c.req.url).protocol === 'https:' || (proxies.viaProxy(c) && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'),
    // Failed logins are counted per client without keeping its address.
    clientKey: (c) => createHash('sha256').update(proxies.clientAddress(c)).digest('hex').slice(0, 32),
  };
  const anyRole = [requireSession(deps), requireCsrf, requireRole(...roles)] as const;
  const listQuery = (c: Context) => validate(listQuerySchema, c.req.query());
  const csv = (c: Context, name: string, body: string) =>
    c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
  const percent = (share: number | null) => (share === null ? '' : (share * 100).toFixed(1));

  return new Hono<StaffEnv>()
    // Reports hold what readers wrote: no cache, shared or private, may keep a copy. Report JSON is large and compresses well.
    .use(async function noStore(c, next) {
      c.header('Cache-Control', 'no-store');
      await next();
    })
    .use(compress())
    .route('/', authRoutes(deps))
    .get('/reports/unhelpful', ...anyRole, (c) => {
      const query = listQuery(c);
      const rows = unhelpfulArticles(reports, manifest, periodOf(query, clock())).filter(
        (row) => (!query.locale || row.locale === query.locale) && (!query.category || row.category === query.category),
      );
      const page = sortAndPage(
        rows,
        query,
        { confidence: (r) => r.confidence, views: (r) => r.views, votes: (r) => r.votes, helpful: (r) => r.helpfulShare ?? -1, updated: (r) => r.updated, title: (r) => r.title },
        'confidence',
      );
      if (query.format === 'csv') {
        const header = ['article', 'title', 'locale', 'category', 'views', 'votes', 'helpful %', 'confidence unhelpful', 'reasons', 'latest comment', 'updated', 'source', 'status', 'note'];
        return csv(c, 'unhelpful-articles', toCsv(header, page.rows.map((r) => [
          r.articleId, r.title, r.locale, r.category, r.views, r.votes, percent(r.helpfulShare), r.confidence.toFixed(3),
          Object.entries(r.reasons).map(([reason, n]) => `${reason}: ${n}`).join('; '), r.comments[0]?.comment, r.updated, r.sourcePath, r.review.status, r.review.note,
        ])));
      }
      return c.json(page);
    })
    .get('/reports/failed-searches', ...anyRole, (c) => {
      const query = listQuery(c);
      const rows = failedSearches(reports, periodOf(query, clock())).filter((row) => !query.locale || row.locale === query.locale);
      const page = sortAndPage(rows, query, { searches: (r) => r.searches, visitors: (r) => r.visitors, contacted: (r) => r.contacted, lastSeen: (r) => r.lastSeen, query: (r) => r.normalized }, 'searches');
      if (query.format === 'csv') {
        const header = ['locale', 'query', 'searches', 'visitors', 'then contacted support', 'first seen', 'last seen', 'variants', 'status', 'note', 'command'];
        return csv(c, 'failed-searches', toCsv(header, page.rows.map((r) => [
          r.locale, r.variants[0] ?? r.normalized, r.searches, r.visitors, r.contacted, r.firstSeen, r.lastSeen, r.variants.join(' | '), r.review.status, r.review.note, r.newArticleCommand,
        ])));
      }
      return c.json(page);
    })
    .get('/reports/overview', ...anyRole, (c) => c.json(overview(reports, periodOf(listQuery(c), clock()))))
    .get('/reports/unclicked-searches', ...anyRole, (c) => {
      const query = listQuery(c);
      const rows = reports.unclickedQueries(periodOf(query, clock())).filter((row) => !query.locale || row.locale === query.locale);
      const page = sortAndPage(rows, query, { searches: (r) => r.searches, visitors: (r) => r.visitors, query: (r) => r.normalized }, 'searches');
      if (query.format === 'csv') {
        return csv(c, 'unclicked-searches', toCsv(['locale', 'query', 'searches', 'visitors', 'variants'], page.rows.map((r) => [r.locale, r.variants[0] ?? r.normalized, r.searches, r.visitors, r.variants.join(' | ')])));
      }
      return c.json(page);
    })
    // Which contexts deflect (readers choose an article) and which fail (readers choose support, or nothing).
    .get('/reports/contexts', ...anyRole, (c) => {
      const query = listQuery(c);
      const share = (part: number, whole: number) => (whole ? part / whole : null);
      const rows = reports
        .contexts(periodOf(query, clock()))
        .filter((row) => !query.locale || row.locale === query.locale)
        .map((row): ContextRow => ({ ...row, clickRate: share(row.clicks, row.impressions), contactRate: share(row.contacts, row.impressions) }));
      const page = sortAndPage(
        rows,
        query,
        { impressions: (r) => r.impressions, clickRate: (r) => r.clickRate ?? -1, contactRate: (r) => r.contactRate ?? -1, context: (r) => r.context },
        'impressions',
      );
      if (query.format === 'csv') {
        return csv(c, 'widget-contexts', toCsv(['locale', 'context', 'panels shown', 'article clicks', 'support clicks', 'click rate', 'contact rate'], page.rows.map((r) => [r.locale, r.context, r.impressions, r.clicks, r.contacts, r.clickRate ?? '', r.contactRate ?? ''])));
      }
      return c.json(page);
    })
    .get('/reports/synonyms', ...anyRole, (c) => {
      const query = listQuery(c);
      const articles = new Map(manifest.articles.map((article) => [article.id, article]));
      const decided = reports.synonymReviews();
      const rows = reports.rephrasedQueries(periodOf(query, clock())).flatMap((row): SynonymRow[] => {
        const article = articles.get(row.articleId);
        if (!article || (query.locale && row.locale !== query.locale) || (query.category && article.category !== query.category)) return [];
        const review = decided.get(`${row.locale}|${row.normalized}|${row.articleId}`) ?? { status: 'proposed', note: '' };
        return [{ ...row, review, title: article.title, url: article.url, sourcePath: article.sourcePath, suggestion: `aliases: ["${row.query.replace(/"/g, '\\"')}"]` }];
      });
      const page = sortAndPage(rows, query, { readers: (r) => r.readers, query: (r) => r.normalized }, 'readers');
      if (query.format === 'csv') {
        return csv(c, 'readers-synonyms', toCsv(['locale', 'searched', 'found', 'readers', 'source', 'add to frontmatter'], page.rows.map((r) => [r.locale, r.query, r.title, r.readers, r.sourcePath, r.suggestion])));
      }
      return c.json(page);
    })
    .patch('/articles/:locale/:category/:slug/review', ...anyRole, async (c) => {
      const id = `${c.req.param('locale')}/${c.req.param('category')}/${c.req.param('slug')}`;
      if (!manifest.articles.some((article) => article.id === id)) throw new ApiError(404, 'unknown_article', `No article with id ${id}`);
      const body = await readJsonBody(c, articleReviewSchema);
      const review = { ...body, updatedBy: c.get('session').staff.email, updatedAt: clock().toISOString() };
      reports.reviewArticle(id, review);
      return c.json(review);
    })
    .patch('/synonyms/review', ...anyRole, async (c) => {
      const { status, note, ...pair } = await readJsonBody(c, synonymReviewSchema);
      if (!manifest.articles.some((article) => article.id === pair.articleId)) throw new ApiError(404, 'unknown_article', `No article with id ${pair.articleId}`);
      const review = { status, note, updatedBy: c.get('session').staff.email, updatedAt: clock().toISOString() };
      reports.reviewSynonym(pair, review);
      return c.json(review);
    })
    .patch('/queries/review', ...anyRole, async (c) => {
      const { locale, normalized, ...body } = await readJsonBody(c, queryReviewSchema);
      const review = { ...body, updatedBy: c.get('session').staff.email, updatedAt: clock().toISOString() };
      reports.reviewQuery(locale, normalized, review);
      return c.json(review);
    })
    .get('/accounts', requireSession(deps), requireRole('admin'), (c) => c.json(staff.list()));
}
