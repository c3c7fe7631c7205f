import { Hono } from 'hono';
import type { ThemeStorage } from '../db/theme-storage.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import {
  THEMES_CSV_HEADER,
  themeItemsPage,
  themeLabel,
  themesCsv,
  themesQuerySchema,
  themesReport,
  type ThemesReport,
} from '../reports/themes-report.ts';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { ThemeGrouper } from '../themes/grouper.ts';
import { decideOnTheme, themeDecisionRequestSchema } from '../themes/staff-decision.ts';
import { signedIn, type AuthDeps, type StaffEnv } from './auth.ts';
import { answerCsv } from './paged-reports.ts';

/** GET /api/staff/reports/themes as JSON: the report, and the titles of the articles it names. */
export type ThemesAnswer = ThemesReport & { articleTitles: Record<string, string> };

/** What readers are saying: the themes report, its members page by page, and staff's decisions on themes. */
export function themeRoutes(themes: ThemeStorage, grouper: ThemeGrouper, manifest: Manifest, deps: AuthDeps) {
  const anyRole = signedIn(deps);
  const titles = new Map(manifest.articles.map((article) => [article.id, article.title]));
  return new Hono<StaffEnv>()
    .get('/reports/themes', ...anyRole, async (c) => {
      const query = validate(themesQuerySchema, c.req.query());
      const now = deps.clock();
      if (query.format === 'csv') {
        const { file, rows } = await themesCsv(themes, query, now);
        return answerCsv(c, file, THEMES_CSV_HEADER, rows);
      }
      const report = await themesReport(themes, query, now);
      // The titles of the articles the themes name, so the page shows a title where the data has an id.
      const named = [...new Set(report.themes.flatMap((theme) => theme.articles))];
      const articleTitles = Object.fromEntries(named.flatMap((id) => (titles.has(id) ? [[id, titles.get(id)!]] : [])));
      return c.json({ ...report, articleTitles } satisfies ThemesAnswer);
    })
    .get('/reports/themes/:id/items', ...anyRole, async (c) =>
      c.json(await themeItemsPage(themes, c.req.param('id'), validate(themesQuerySchema, c.req.query()), deps.clock())),
    )
    .post('/themes/:id/decisions', ...anyRole, async (c) => {
      const request = await readJsonBody(c, themeDecisionRequestSchema);
      const by = { createdBy: c.get('session').staff.email, createdAt: deps.clock().toISOString() };
      const changed = await decideOnTheme(themes, grouper, c.req.param('id'), request, by);
      return c.json({
        themes: changed.map((theme) => ({
          id: theme.id,
          label: themeLabel(theme),
          terms: theme.terms,
          ignored: theme.ignored ?? false,
          size: theme.members.length,
        })),
      });
    });
}
