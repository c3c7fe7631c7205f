import { Hono } from 'hono';
import type { ThemeStorage } from '../db/theme-storage.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import {
  THEMES_CSV_HEADER,
  themeItemsPage,
  themeLabel,
  themesCsvRows,
  themesQuerySchema,
  themesReport,
} from '../reports/themes-report.ts';
import type { ThemeGrouper } from '../themes/grouper.ts';
import { decideOnTheme, themeDecisionRequestSchema } from '../themes/staff-decision.ts';
import { signedIn, type AuthDeps, type StaffEnv } from './auth.ts';
import { answerCsv } from './paged-reports.ts';

/** What readers are saying: the themes report, its members page by page, and staff's decisions on themes. */
export function themeRoutes(themes: ThemeStorage, grouper: ThemeGrouper, deps: AuthDeps) {
  const anyRole = signedIn(deps);
  return new Hono<StaffEnv>()
    .get('/reports/themes', ...anyRole, async (c) => {
      const query = validate(themesQuerySchema, c.req.query());
      const now = deps.clock();
      if (query.format !== 'csv') return c.json(await themesReport(themes, query, now));
      const report = await themesReport(themes, query, now);
      return answerCsv(
        c,
        `themes-${report.from}-${report.to}`,
        THEMES_CSV_HEADER,
        await themesCsvRows(themes, query, now),
      );
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
