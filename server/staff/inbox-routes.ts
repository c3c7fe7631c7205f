import { Hono } from 'hono';
import { z } from 'zod';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import type { DismissalStorage } from '../db/dismissal-storage.ts';
import type { ReportStorage } from '../db/report-storage.ts';
import { candidateSources } from '../inbox/candidates.ts';
import { inbox } from '../inbox/inbox.ts';
import { itemIdSchema, kindOf, type Inbox } from '../inbox/items.ts';
import { listQuerySchema, periodOf } from '../reports/list-options.ts';
import { signedIn, type AuthDeps, type StaffEnv } from './auth.ts';

const inboxQuerySchema = listQuerySchema.pick({ days: true, from: true, to: true, locale: true, category: true });
const dismissalSchema = z.strictObject({ id: itemIdSchema });

export interface InboxDeps {
  reports: ReportStorage;
  dismissals: DismissalStorage;
  manifest: Manifest;
  /** Distinct readers a readers' synonym needs (HELPLOOP_SYNONYM_READERS). */
  synonymReaders: number;
}

/** /api/staff/inbox: what to fix this week, and the items staff set aside. */
export function inboxRoutes({ reports, dismissals, manifest, synonymReaders }: InboxDeps, deps: AuthDeps) {
  const sources = candidateSources(reports, manifest, synonymReaders);
  const anyRole = signedIn(deps);
  return (
    new Hono<StaffEnv>()
      .get('/inbox', ...anyRole, async (c) => {
        const { locale, category, ...days } = validate(inboxQuerySchema, c.req.query());
        const period = periodOf(days, deps.clock());
        const items = await inbox(reports, manifest, synonymReaders, await dismissals.all(), period, {
          locale,
          category,
        });
        return c.json({ items, period } satisfies Inbox);
      })
      .post('/inbox/dismissals', ...anyRole, async (c) => {
        const { id } = await readJsonBody(c, dismissalSchema);
        // The evidence of the inbox's default days, as the item stood when it was set aside.
        const then = (await sources[kindOf(id)](periodOf(inboxQuerySchema.parse({}), deps.clock()))).find(
          (candidate) => candidate.item.id === id,
        )?.item;
        const dismissal = {
          itemId: id,
          dismissedBy: c.get('session').staff.email,
          dismissedAt: deps.clock().toISOString(),
          affected: then?.affected ?? 0,
          impact: then?.impact ?? 0,
        };
        await dismissals.dismiss(dismissal);
        return c.json(dismissal);
      })
      // Undo: the item is judged by all its evidence again.
      .delete('/inbox/dismissals', ...anyRole, async (c) => {
        const { id } = await readJsonBody(c, dismissalSchema);
        return c.json({ itemId: id, undone: await dismissals.undo(id) });
      })
  );
}
