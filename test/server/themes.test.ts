import { describe, expect, it } from 'vitest';
import type { ThemeItemsPage, ThemesReport } from '../../server/reports/themes-report.ts';
import { themeTurn } from '../../server/themes/theme-job.ts';
import type { ApiServer } from '../helpers/api-server.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

const article = 'en/billing/update-card';

/** What readers' browsers send, each reader with a browser of its own, at `at`. */
async function send(server: ApiServer, at: string, path: string, body: Record<string, unknown>, reader: string) {
  server.clock.now = new Date(at);
  const response = await fetch(`${server.url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': reader },
    body: JSON.stringify({ eventId: crypto.randomUUID(), ...body }),
  });
  expect(response.status).toBeLessThan(300);
}
const no = (server: ApiServer, at: string, comment: string, reader: string, articleId = article) =>
  send(server, at, 'votes', { articleId, helpful: false, comment }, reader);
const failedSearch = (server: ApiServer, at: string, query: string, reader: string) =>
  send(server, at, 'searches', { query, locale: 'en', resultCount: 0 }, reader);

const turn = (server: ApiServer) =>
  themeTurn({
    themes: server.themes,
    grouper: server.grouper,
    clock: () => server.clock.now,
    retentionDays: server.config.retentionDays,
  });

onEachEngine(() => {
  describe('themes: collected, clustered, reported and decided on', () => {
    const { server, login, call } = useStaffServer();
    const day = '?from=2026-11-20&to=2026-11-20';
    let cookie: string;
    let csrf: string;
    /** Again after the clock moved a day: a session idle that long has ended. */
    const signIn = async () => {
      const session = await login('support@acme.example');
      [cookie, csrf] = [session.cookie!, session.body.csrfToken!];
    };
    const report = async (query = day) => {
      const response = await call(`/reports/themes${query}`, { cookie });
      expect(response.status).toBe(200);
      return (await response.json()) as ThemesReport;
    };
    const decide = (id: string, body: unknown) =>
      call(`/themes/${id}/decisions`, { method: 'POST', cookie, csrf, body: JSON.stringify(body) });

    it('groups "No" comments, survey comments and failed searches, counting against the day before', async () => {
      await no(server, '2026-11-19T09:00:00Z', 'refund yesterday', 'r0');
      await no(server, '2026-11-20T09:00:00Z', 'refund not received', 'r1');
      await no(server, '2026-11-20T09:01:00Z', 'Refund late, please', 'r2');
      await no(server, '2026-11-20T09:02:00Z', 'refund 아직', 'r3', 'ko/billing/update-card');
      await no(server, '2026-11-20T09:03:00Z', 'menu moved', 'r4');
      await send(
        server,
        '2026-11-20T09:04:00Z',
        'survey-responses',
        { survey: 'nps', score: 2, locale: 'en', comment: 'refund missing' },
        'r5',
      );
      await failedSearch(server, '2026-11-20T09:05:00Z', 'refund status', 's1');
      await failedSearch(server, '2026-11-20T09:06:00Z', 'refund status', 's2');
      await failedSearch(server, '2026-11-20T09:07:00Z', 'Refund Status', 's1');
      await send(
        server,
        '2026-11-20T09:08:00Z',
        'searches',
        { query: 'refund policy', locale: 'en', resultCount: 3 },
        's3',
      );
      server.clock.now = new Date('2026-11-20T10:00:00Z');
      await turn(server);

      await signIn();
      const { from, to, reclusteredAt, themes } = await report();
      expect({ from, to, reclusteredAt }).toEqual({
        from: '2026-11-20',
        to: '2026-11-20',
        reclusteredAt: '2026-11-20T10:00:00.000Z',
      });
      expect(themes.map(({ items: _, trend: __, id: ___, ...theme }) => theme)).toEqual([
        {
          label: 'refund',
          terms: ['refund'],
          ignored: false,
          count: 5,
          previous: 1,
          growth: 4,
          // Four comments, and a failed query two readers searched.
          readers: 6,
          comments: ['refund status', 'refund missing', 'refund 아직', 'Refund late, please', 'refund not received'],
          articles: [article, 'ko/billing/update-card'],
          queries: ['refundstatus'],
          example: expect.any(String),
          itemsTotal: 5,
        },
        {
          label: 'menu',
          terms: ['menu'],
          ignored: false,
          count: 1,
          previous: 0,
          growth: null,
          readers: 1,
          comments: ['menu moved'],
          articles: [article],
          queries: [],
          example: 'menu moved',
          itemsTotal: 1,
        },
      ]);
      expect(themes[0]!.trend).toEqual([{ day: '2026-11-20', count: 5 }]);
      expect(themes[0]!.items[0]).toEqual({
        key: 's:en:refundstatus',
        source: 'searches',
        text: 'refund status',
        article: null,
        at: '2026-11-20T09:07:00.000Z',
      });
      expect((await report(`${day}&source=survey`)).themes.map((t) => [t.label, t.comments])).toEqual([
        ['refund', ['refund missing']],
      ]);
      expect((await report(`${day}&locale=ko`)).themes.map((t) => [t.label, t.count])).toEqual([['refund', 1]]);
    });

    it('gives a new item its nearest theme between reclusters', async () => {
      await no(server, '2026-11-20T11:00:00Z', 'refund again', 'r6');
      await turn(server);
      const { reclusteredAt, themes } = await report();
      expect(reclusteredAt).toBe('2026-11-20T10:00:00.000Z');
      expect(themes.map((t) => [t.label, t.count])).toEqual([
        ['refund', 6],
        ['menu', 1],
      ]);
    });

    it('pages through a theme’s members and exports one CSV row per member', async () => {
      const [refund] = (await report()).themes;
      const page = (await (
        await call(`/reports/themes/${refund!.id}/items${day}&page=1`, { cookie })
      ).json()) as ThemeItemsPage;
      expect(page).toMatchObject({ id: refund!.id, page: 1, pageSize: 200, total: 6 });
      expect(page.items.map((item) => item.text)).toEqual(refund!.comments);
      const csv = await (await call(`/reports/themes${day}&format=csv`, { cookie })).text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('theme,label,source,locale,article,text,at');
      expect(lines.slice(1)).toHaveLength(7);
      expect(lines).toContain(
        `${refund!.id},refund,comments,ko,ko/billing/update-card,refund 아직,2026-11-20T09:02:00.000Z`,
      );
      expect((await call('/reports/themes/nope/items', { cookie })).status).toBe(404);
    });

    it('keeps a rename and an ignore through the next full recluster', async () => {
      const [refund, menu] = (await report()).themes;
      const renamed = await decide(refund!.id, { kind: 'rename', label: 'Refund not received' });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toEqual({
        themes: [{ id: expect.any(String), label: 'Refund not received', terms: ['refund'], ignored: false, size: 7 }],
      });
      expect((await decide(menu!.id, { kind: 'ignore' })).status).toBe(200);

      await no(server, '2026-11-21T11:00:00Z', 'menu gone', 'r7');
      server.clock.now = new Date('2026-11-21T11:00:00Z');
      await turn(server);
      await signIn();
      const { reclusteredAt, themes } = await report('?from=2026-11-20&to=2026-11-21');
      expect(reclusteredAt).toBe('2026-11-21T11:00:00.000Z');
      expect(themes.map((t) => [t.label, t.count])).toEqual([['Refund not received', 6]]);
      const ignored = await report('?from=2026-11-20&to=2026-11-21&ignored=1');
      expect(ignored.themes.map((t) => [t.label, t.count, t.ignored])).toEqual([['menu', 2, true]]);
    });

    it('splits chosen items into a theme of their own, and merges two themes', async () => {
      const [refund] = (await report()).themes;
      const survey = refund!.items.find((item) => item.source === 'survey')!;
      const split = await decide(refund!.id, { kind: 'split', items: [survey.key], label: 'Survey refunds' });
      expect(
        ((await split.json()) as { themes: { label: string; size: number }[] }).themes.map((t) => [t.label, t.size]),
      ).toEqual([['Survey refunds', 1]]);
      const [main, part] = (await report()).themes;
      expect([main!.label, part!.label]).toEqual(['Refund not received', 'Survey refunds']);
      expect((await decide(part!.id, { kind: 'merge', with: main!.id })).status).toBe(200);
      expect((await report()).themes.map((t) => [t.label, t.count])).toEqual([['Survey refunds', 6]]);
    });

    it('groups afresh as soon as what no theme took is enough for a theme of its own', async () => {
      const period = '?from=2026-11-20&to=2026-11-22';
      // Enough items that three more are well under the quarter that regroups everything anyway.
      for (let i = 0; i < 10; i++) await no(server, `2026-11-22T09:0${i}:00Z`, `refund ${i}`, `n${i}`);
      await turn(server);
      await signIn();
      expect((await report(period)).reclusteredAt).toBe('2026-11-22T09:09:00.000Z');
      await no(server, '2026-11-22T10:01:00Z', 'invoice missing', 'i1');
      await no(server, '2026-11-22T10:02:00Z', 'invoice wrong', 'i2');
      await turn(server);
      // Two items no theme took: not yet a theme, so no regrouping.
      expect((await report(period)).reclusteredAt).toBe('2026-11-22T09:09:00.000Z');
      await no(server, '2026-11-22T10:03:00Z', 'invoice late', 'i3');
      await turn(server);
      const { reclusteredAt, themes } = await report(period);
      expect(reclusteredAt).toBe('2026-11-22T10:03:00.000Z');
      expect(themes.map((t) => [t.label, t.count])).toContainEqual(['invoice', 3]);
    });

    it('answers 404 for an unknown theme or item and 400 for a body it does not accept', async () => {
      const [refund] = (await report()).themes;
      expect((await decide('nope', { kind: 'ignore' })).status).toBe(404);
      const unknownItem = await decide(refund!.id, { kind: 'split', items: ['c:nope'] });
      expect(unknownItem.status).toBe(404);
      expect(await unknownItem.json()).toMatchObject({ error: { code: 'unknown_item' } });
      const bad = await decide(refund!.id, { kind: 'rename' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: 'invalid_body', issues: [{ path: 'label' }] } });
    });
  });
});
