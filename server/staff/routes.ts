import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { z } from 'zod';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { localeSchema } from '../../src/shared/locales.ts';
import { SURVEY_KINDS } from '../../src/shared/surveys.ts';
import { ARTICLE_STATUSES, QUERY_STATUSES, SYNONYM_STATUSES } from '../../src/shared/review-statuses.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import type { ProxyTrustReader } from '../api/client-address.ts';
import type { ReportStorage } from '../db/report-storage.ts';
import type { Storage } from '../db/storage.ts';
import { ApiError } from '../errors.ts';
import { listQuerySchema, periodOf } from '../reports/list-options.ts';
import { overview } from '../reports/overview.ts';
import { SURVEY_CSV_HEADER, surveyCsvRow, surveyReport } from '../reports/survey-report.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { themeRoutes } from './theme-routes.ts';
import type { ThemeGrouper } from '../themes/grouper.ts';
import { answerCsv, answerPage, pagedReports } from './paged-reports.ts';
import { authRoutes, requireRole, requireSession, signedIn, type AuthDeps, type StaffEnv } from './auth.ts';

export interface StaffDeps {
  storage: Pick<Storage, 'reports' | 'staff' | 'dismissals' | 'notifications' | 'surveys' | 'themes'>;
  /** The clustering staff's theme decisions are applied with. */
  grouper: ThemeGrouper;
  manifest: Manifest;
  clock: () => Date;
  proxies: ProxyTrustReader;
  /** Distinct readers a readers' synonym needs before the synonyms report proposes it (HELPLOOP_SYNONYM_READERS). */
  synonymReaders: number;
}

const surveyQuerySchema = listQuerySchema.extend({ kind: z.enum(SURVEY_KINDS) });
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
export function staffRoutes({ storage, manifest, clock, proxies, synonymReaders, grouper }: StaffDeps) {
  const { staff, reports, dismissals, notifications, surveys, themes } = storage;
  const deps: AuthDeps = {
    staff,
    clock,
    isSecure: (c) =>
      new URL(c.req.url).protocol === 'https:' ||
      (proxies.viaProxy(c) && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'),
    // Failed logins are counted per client without keeping its address.
    clientKey: (c) => createHash('sha256').update(proxies.clientAddress(c)).digest('hex').slice(0, 32),
    defaultLocale: manifest.defaultLocale,
  };
  const anyRole = signedIn(deps);
  const paged = pagedReports(reports, manifest, synonymReaders);

  const app = new Hono<StaffEnv>()
    // Reports hold what readers wrote: no cache, shared or private, may keep a copy. Report JSON is large and compresses well.
    .use(async function noStore(c, next) {
      c.header('Cache-Control', 'no-store');
      await next();
    })
    .use(compress())
    .route('/', authRoutes(deps));
  for (const name of Object.keys(paged) as (keyof typeof paged)[]) {
    app.get(`/reports/${name}`, ...anyRole, (c) => {
      const query = validate(listQuerySchema, c.req.query());
      return answerPage(c, paged[name], query, periodOf(query, clock()));
    });
  }
  return app
    .get('/reports/overview', ...anyRole, async (c) =>
      c.json(await overview(reports, periodOf(validate(listQuerySchema, c.req.query()), clock()))),
    )
    .get('/reports/survey', ...anyRole, async (c) => {
      const query = validate(surveyQuerySchema, c.req.query());
      const period = periodOf(query, clock());
      if (query.format !== 'csv')
        return c.json(await surveyReport(surveys, manifest, query.kind, period, query.locale));
      const responses = await surveys.responses(query.kind, period, query.locale);
      return answerCsv(
        c,
        `survey-${query.kind}-${period.from}-${period.to}`,
        SURVEY_CSV_HEADER,
        responses.map(surveyCsvRow),
      );
    })
    .route('/', reviewRoutes(reports, manifest, deps))
    .route('/', themeRoutes(themes, grouper, manifest, deps))
    .route('/', inboxRoutes({ reports, dismissals, manifest, synonymReaders }, deps))
    .route('/notifications', notificationRoutes({ notifications, manifest }, deps))
    .get('/accounts', requireSession(deps), requireRole('admin'), async (c) => c.json(await staff.list()));
}

/** Staff's decisions on what the reports show: an article's state, a query's, a reader synonym's. */
function reviewRoutes(reports: ReportStorage, manifest: Manifest, deps: AuthDeps) {
  const anyRole = signedIn(deps);
  const requireArticle = (id: string) => {
    if (!manifest.articles.some((article) => article.id === id))
      throw new ApiError(404, 'unknown_article', `No article with id ${id}`);
  };
  const stamp = (c: Context<StaffEnv>) => ({
    updatedBy: c.get('session').staff.email,
    updatedAt: deps.clock().toISOString(),
  });
  return new Hono<StaffEnv>()
    .patch('/articles/:locale/:category/:slug/review', ...anyRole, async (c) => {
      const id = `${c.req.param('locale')}/${c.req.param('category')}/${c.req.param('slug')}`;
      requireArticle(id);
      const body = await readJsonBody(c, articleReviewSchema);
      const review = { ...body, ...stamp(c) };
      await reports.reviewArticle(id, review);
      return c.json(review);
    })
    .patch('/synonyms/review', ...anyRole, async (c) => {
      const { status, note, ...pair } = await readJsonBody(c, synonymReviewSchema);
      requireArticle(pair.articleId);
      const review = { status, note, ...stamp(c) };
      await reports.reviewSynonym(pair, review);
      return c.json(review);
    })
    .patch('/queries/review', ...anyRole, async (c) => {
      const { locale, normalized, ...body } = await readJsonBody(c, queryReviewSchema);
      const review = { ...body, ...stamp(c) };
      await reports.reviewQuery(locale, normalized, review);
      return c.json(review);
    });
}
