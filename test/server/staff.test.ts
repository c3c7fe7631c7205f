import { describe, expect, inject, it } from 'vitest';
import { readManifest } from '../../server/manifest.ts';
import { synonymsToApply } from '../../server/reports/reader-synonyms.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

const manifest = readManifest(inject('fixtureSiteDir'));

const endpoints: [string, string, unknown?][] = [
  ['GET', '/reports/unhelpful'],
  ['GET', '/reports/failed-searches'],
  ['GET', '/reports/contexts'],
  ['GET', '/reports/survey?kind=nps'],
  ['PATCH', '/articles/en/billing/update-card/review', { status: 'in-review', note: '' }],
  ['PATCH', '/queries/review', { locale: 'en', normalized: 'giftcard', status: 'planned', note: '' }],
  [
    'PATCH',
    '/synonyms/review',
    {
      locale: 'ko',
      normalized: '카드',
      query: '카드',
      articleId: 'ko/billing/update-card',
      status: 'accepted',
      note: '',
    },
  ],
  ['GET', '/accounts'],
  ['GET', '/me'],
  ['PATCH', '/me', { locale: 'ko' }],
  ['GET', '/inbox'],
  ['POST', '/inbox/dismissals', { id: 'query:ko:선물포장' }],
  ['DELETE', '/inbox/dismissals', { id: 'query:ko:선물포장' }],
  ['POST', '/logout'],
];

onEachEngine(() => {
  describe('staff access', () => {
    const { server, login, call } = useStaffServer();

    it.each(endpoints)('%s %s answers 401 without a session', async (method, path, body) => {
      const response = await call(path, { method, body: body ? JSON.stringify(body) : undefined });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthenticated');
    });

    it('sets an HttpOnly, SameSite=Strict session cookie at login and no cookie for readers', async () => {
      const { response, setCookie } = await login('support@acme.example');
      expect(response.status).toBe(200);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
    });

    it('refuses a session that sat idle past its limit', async () => {
      const { cookie } = await login('support@acme.example');
      server.clock.now = new Date(server.clock.now.getTime() + 3 * 3_600_000);
      const response = await call('/reports/unhelpful', { cookie });
      server.clock.now = new Date('2026-11-20T10:00:00Z');
      expect(response.status).toBe(401);
    });

    it('answers 403 to the wrong role', async () => {
      const { cookie } = await login('support@acme.example');
      expect((await call('/accounts', { cookie })).status).toBe(403);
      const admin = await login('admin@acme.example');
      expect((await call('/accounts', { cookie: admin.cookie })).status).toBe(200);
    });

    it.each(endpoints.filter(([method, path]) => method !== 'GET' && path !== '/logout'))(
      '%s %s needs the CSRF token',
      async (method, path, body) => {
        const { cookie, body: session } = await login('support@acme.example');
        const without = await call(path, { method, cookie, body: JSON.stringify(body) });
        expect(without.status).toBe(403);
        expect((await without.json()).error.code).toBe('csrf');
        expect((await call(path, { method, cookie, csrf: session.csrfToken, body: JSON.stringify(body) })).status).toBe(
          200,
        );
      },
    );

    it('makes a client wait longer after each failed login', async () => {
      const email = 'admin@acme.example';
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(email, 'wrong password')).response.status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await login(email);
      expect(refused.response.status).toBe(429);
      expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
      server.clock.now = new Date(server.clock.now.getTime() + 5_000);
      expect((await login(email)).response.status).toBe(200);
      server.clock.now = new Date('2026-11-20T10:00:00Z');
    });
  });

  describe('staff answers', () => {
    const { login, call } = useStaffServer();

    it('are never cached, and their JSON is compressed', async () => {
      const { cookie } = await login('support@acme.example');
      for (const path of ['/me', '/reports/unhelpful?days=30', '/reports/failed-searches?days=30']) {
        const response = await call(path, { cookie });
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
      const report = await call('/reports/contexts?days=30', { cookie });
      expect(report.headers.get('content-encoding')).toBe('gzip');
      expect(report.headers.get('content-type')).toMatch(/application\/json/);
      expect((await login('support@acme.example', 'wrong')).response.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('reports', () => {
    const { server, login, call } = useStaffServer();

    const vote = async (
      articleId: string,
      helpful: boolean,
      day: string,
      n: number,
      extra: { reason?: string; comment?: string } = {},
    ) => {
      for (let i = 0; i < n; i++) {
        await server.events.recordVote({
          eventId: crypto.randomUUID(),
          articleId,
          visitor: `${articleId}-${day}-${helpful}-${i}`,
          day,
          at: `${day}T09:00:00Z`,
          helpful,
          ...extra,
        });
      }
    };

    it('ranks by confidence, so forty unhappy readers of fifty outrank one angry vote', async () => {
      await vote('en/getting-started/first-steps', false, '2026-11-18', 1, { reason: 'confusing' });
      await vote('ko/billing/update-card', false, '2026-11-18', 40, {
        reason: 'outdated',
        comment: '=SUM(A1) 카드 메뉴가 없어요',
      });
      await vote('ko/billing/update-card', true, '2026-11-18', 10);
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/unhelpful?days=30', { cookie })).json();
      const ids = report.rows.map((row: { articleId: string }) => row.articleId);
      expect(ids.indexOf('ko/billing/update-card')).toBeLessThan(ids.indexOf('en/getting-started/first-steps'));
      const top = report.rows[0];
      expect(top).toMatchObject({
        articleId: 'ko/billing/update-card',
        votes: 50,
        unhelpful: 40,
        reasons: { outdated: 40 },
        sourcePath: expect.stringContaining('articles/ko/billing/update-card.mdx'),
      });
      expect(top.helpfulShare).toBeCloseTo(0.2);
      // 10 of 50: the 95% Wilson interval staff read as "likely 11% to 33% of all readers".
      expect(top.helpfulRange.low).toBeCloseTo(0.1124, 3);
      expect(top.helpfulRange.high).toBeCloseTo(0.3304, 3);
      expect(top.comments[0].comment).toBe('=SUM(A1) 카드 메뉴가 없어요');
      // One row by its key, as a theme links to it.
      const one = await (
        await call('/reports/unhelpful?days=30&row=en/getting-started/first-steps', { cookie })
      ).json();
      expect(one.rows.map((row: { articleId: string }) => row.articleId)).toEqual(['en/getting-started/first-steps']);
    });

    it('lists only articles readers voted on: views alone do not make an article unhelpful', async () => {
      await vote('ko/billing/update-card', false, '2026-11-19', 1);
      await server.events.recordView({
        eventId: crypto.randomUUID(),
        articleId: 'en/getting-started/components',
        visitor: 'only-a-reader',
        day: '2026-11-18',
        at: '2026-11-18T09:00:00Z',
      });
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/unhelpful?days=30', { cookie })).json();
      const ids = report.rows.map((row: { articleId: string }) => row.articleId);
      expect(ids).toContain('ko/billing/update-card');
      expect(ids).not.toContain('en/getting-started/components');
      expect(report.rows.every((row: { votes: number }) => row.votes > 0)).toBe(true);
    });

    it('splits helpfulness before and after the article was updated', async () => {
      await vote('en/billing/update-card', false, '2026-02-20', 6);
      await vote('en/billing/update-card', true, '2026-03-10', 5);
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/unhelpful?from=2026-02-01&to=2026-03-31', { cookie })).json();
      const row = report.rows.find((r: { articleId: string }) => r.articleId === 'en/billing/update-card');
      expect(row.beforeFix).toMatchObject({ votes: 6, helpful: 0 });
      expect(row.afterFix).toMatchObject({ votes: 5, helpful: 5 });
    });

    it('groups failed searches across width, case and spacing, with their variants and visitors', async () => {
      const search = (query: string, visitor: string, resultCount = 0) =>
        server.events.recordSearch({
          eventId: crypto.randomUUID(),
          query,
          normalized: query.normalize('NFKC').toLowerCase().replace(/\s+/g, ''),
          locale: 'ko',
          resultCount,
          visitor,
          day: '2026-11-19',
          at: '2026-11-19T10:00:00Z',
        });
      await search('선물 포장', 'a');
      await search('선물포장', 'b');
      await search('선물포장', 'b');
      await search('Gift Card', 'c');
      await search('giftcard', 'd');
      await search('배송', 'e', 5);
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/failed-searches?locale=ko', { cookie })).json();
      const gift = report.rows.find((row: { normalized: string }) => row.normalized === '선물포장');
      expect(gift).toMatchObject({
        searches: 3,
        visitors: 2,
        variants: expect.arrayContaining(['선물 포장', '선물포장']),
      });
      expect(gift.newArticleCommand).toMatch(/^npm run new -- --locale ko --from-search '/);
      expect(report.rows.find((row: { normalized: string }) => row.normalized === 'giftcard').searches).toBe(2);
      expect(report.rows.some((row: { normalized: string }) => row.normalized === '배송')).toBe(false);
      // One row by its key, as a theme links to it.
      const one = await (await call('/reports/failed-searches?locale=ko&row=선물포장', { cookie })).json();
      expect(one.rows.map((row: { normalized: string }) => row.normalized)).toEqual(['선물포장']);
    });

    it('exports CSV that spreadsheets open with Korean intact and formulas defused', async () => {
      const { cookie } = await login('support@acme.example');
      const response = await call('/reports/unhelpful?format=csv', { cookie });
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain('ko/billing/update-card');
      expect(text).toContain(`'=SUM(A1) 카드 메뉴가 없어요`);
    });

    it('keeps a status and note per article, with who set it', async () => {
      const { cookie, body } = await login('support@acme.example');
      const set = await call('/articles/ko/billing/update-card/review', {
        method: 'PATCH',
        cookie,
        csrf: body.csrfToken,
        body: JSON.stringify({ status: 'fixed', note: '메뉴 경로 수정' }),
      });
      expect(set.status).toBe(200);
      const report = await (await call('/reports/unhelpful', { cookie })).json();
      expect(
        report.rows.find((row: { articleId: string }) => row.articleId === 'ko/billing/update-card').review,
      ).toMatchObject({ status: 'fixed', note: '메뉴 경로 수정', updatedBy: 'support@acme.example' });
    });

    it('compares the period with the one before it', async () => {
      const view = async (day: string, n: number) => {
        for (let i = 0; i < n; i++)
          await server.events.recordView({
            eventId: crypto.randomUUID(),
            articleId: 'ko/billing/update-card',
            visitor: `v${day}${i}`,
            day,
            at: `${day}T08:00:00Z`,
          });
      };
      await view('2026-10-05', 4);
      await view('2026-10-12', 10);
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/overview?from=2026-10-08&to=2026-10-14', { cookie })).json();
      expect(report.previous).toEqual({ from: '2026-10-01', to: '2026-10-07' });
      expect(report.metrics.views).toMatchObject({ unit: 'count', value: 10, previous: 4, change: 6 });
      expect(report.metrics.views.days[4]).toEqual({
        day: '2026-10-12',
        previousDay: '2026-10-05',
        value: 10,
        previous: 4,
      });
    });

    it('gives each metric its own value on every day of both periods, from the formula of its headline', async () => {
      const { cookie } = await login('support@acme.example');
      const articleId = 'ko/billing/update-card';
      const base = (day: string) => ({
        eventId: crypto.randomUUID(),
        visitor: crypto.randomUUID(),
        day,
        at: `${day}T09:00:00Z`,
      });
      const searches = async (day: string, withResults: number, zero: number, clicks: number) => {
        for (let i = 0; i < withResults + zero; i++)
          await server.events.recordSearch({
            ...base(day),
            query: '카드',
            normalized: '카드',
            locale: 'ko',
            resultCount: i < withResults ? 3 : 0,
          });
        for (let i = 0; i < clicks; i++)
          await server.events.recordClick({ ...base(day), query: '카드', normalized: '카드', articleId, position: 1 });
      };
      const votes = async (day: string, helpful: number, unhelpful: number) => {
        for (let i = 0; i < helpful + unhelpful; i++)
          await server.events.recordVote({ ...base(day), articleId, helpful: i < helpful });
      };
      // The period 09-08…09-14; the previous one 09-01…09-07.
      await searches('2026-09-08', 4, 0, 1);
      await searches('2026-09-09', 1, 1, 3); // more clicks than searches with results: capped at 1
      await searches('2026-09-11', 0, 2, 0); // no search with results: no click-through
      await votes('2026-09-08', 3, 1);
      await searches('2026-09-01', 5, 0, 1);
      await searches('2026-09-04', 1, 1, 0);
      await votes('2026-09-02', 1, 1);

      const { metrics } = await (await call('/reports/overview?from=2026-09-08&to=2026-09-14', { cookie })).json();
      const column = (key: string, field: 'value' | 'previous') =>
        metrics[key].days.map((day: Record<string, unknown>) => day[field]);
      expect(metrics.searches.days.map((day: { day: string }) => day.day)).toEqual([
        '2026-09-08',
        '2026-09-09',
        '2026-09-10',
        '2026-09-11',
        '2026-09-12',
        '2026-09-13',
        '2026-09-14',
      ]);
      expect(metrics.searches.days[0].previousDay).toBe('2026-09-01');
      expect(column('searches', 'value')).toEqual([4, 2, 0, 2, 0, 0, 0]);
      expect(column('searches', 'previous')).toEqual([5, 0, 0, 2, 0, 0, 0]);
      expect(column('zeroResultRate', 'value')).toEqual([0, 0.5, null, 1, null, null, null]);
      expect(column('zeroResultRate', 'previous')).toEqual([0, null, null, 0.5, null, null, null]);
      expect(column('clickThrough', 'value')).toEqual([0.25, 1, null, null, null, null, null]);
      expect(column('clickThrough', 'previous')).toEqual([0.2, null, null, 0, null, null, null]);
      expect(column('helpfulShare', 'value')).toEqual([0.75, null, null, null, null, null, null]);
      expect(column('helpfulShare', 'previous')).toEqual([null, 0.5, null, null, null, null, null]);
      expect(metrics.clickThrough).toMatchObject({ unit: 'share', value: 4 / 5, previous: 1 / 6 });
      expect(metrics.zeroResultRate).toMatchObject({ value: 3 / 8, previous: 1 / 7 });
      expect(metrics.helpfulShare).toMatchObject({ value: 0.75, previous: 0.5, change: 0.25 });
    });

    it('finds readers’ own synonyms: a failed search, then within minutes a related search and a click', async () => {
      const at = (minute: number) => `2026-11-19T11:${String(minute).padStart(2, '0')}:00.000Z`;
      const event = (visitor: string, minute: number) => ({
        eventId: crypto.randomUUID(),
        visitor,
        day: '2026-11-19',
        at: at(minute),
      });
      for (const visitor of ['r1', 'r2', 'r4']) {
        await server.events.recordSearch({
          ...event(visitor, 0),
          query: '카드 바꾸기',
          normalized: '카드바꾸기',
          locale: 'ko',
          resultCount: 0,
        });
        await server.events.recordSearch({
          ...event(visitor, 1),
          query: '결제 카드',
          normalized: '결제카드',
          locale: 'ko',
          resultCount: 3,
        });
        await server.events.recordClick({
          ...event(visitor, 2),
          query: '결제 카드',
          normalized: '결제카드',
          articleId: 'ko/billing/update-card',
          position: 1,
        });
      }
      // Too late to be the same quest.
      await server.events.recordSearch({
        ...event('r3', 0),
        query: '카드 바꾸기',
        normalized: '카드바꾸기',
        locale: 'ko',
        resultCount: 0,
      });
      await server.events.recordClick({
        ...event('r3', 30),
        query: '결제 카드',
        normalized: '결제카드',
        articleId: 'ko/billing/update-card',
        position: 1,
      });
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/synonyms?days=30', { cookie })).json();
      expect(report.rows).toEqual([
        expect.objectContaining({
          query: '카드 바꾸기',
          articleId: 'ko/billing/update-card',
          readers: 3,
          title: '결제 카드 변경하기',
          suggestion: 'aliases: ["카드 바꾸기"]',
        }),
      ]);
      const unclicked = await (await call('/reports/unclicked-searches?days=30&locale=ko', { cookie })).json();
      const unclickedQueries = unclicked.rows.map((row: { normalized: string }) => row.normalized);
      expect(unclickedQueries).toContain('배송');
      expect(unclickedQueries).not.toContain('결제카드');
    });

    it('teaches search a readers’ synonym staff accepted, or enough readers confirmed, and not one staff rejected', async () => {
      const at = (minute: number) => `2026-11-22T09:${String(minute).padStart(2, '0')}:00.000Z`;
      const quest = async (visitor: string, query: string, articleId: string) => {
        const event = (minute: number) => ({
          eventId: crypto.randomUUID(),
          visitor,
          day: '2026-11-22',
          at: at(minute),
        });
        await server.events.recordSearch({
          ...event(0),
          query,
          normalized: query.replace(/\s+/g, ''),
          locale: 'ko',
          resultCount: 0,
        });
        await server.events.recordSearch({
          ...event(1),
          query: '카드',
          normalized: '카드',
          locale: 'ko',
          resultCount: 3,
        });
        await server.events.recordClick({ ...event(2), query: '카드', normalized: '카드', articleId, position: 1 });
      };
      await quest('s1', '카드 갈아끼우기', 'ko/billing/update-card');
      for (const visitor of ['s2', 's3', 's4']) await quest(visitor, '결제수단 교체', 'ko/billing/update-card');
      for (const visitor of ['s5', 's6', 's7']) await quest(visitor, '주식 추천', 'ko/billing/update-card');
      const period = { from: '2026-11-22', to: '2026-11-22' };
      // Other tests of this file accept pairs of their own; only this test's queries are compared.
      const mine = ['카드 갈아끼우기', '결제수단 교체', '주식 추천'];
      const taught = async () =>
        (await synonymsToApply(server.reports, manifest, period, 3))
          .map((pair) => pair.query)
          .filter((query) => mine.includes(query))
          .sort();
      // `결제수단` is about the article's category (결제); `주식 추천` is about nothing the article is, nor is `카드`.
      expect(await taught()).toEqual(['결제수단 교체']);

      const { cookie, body } = await login('support@acme.example');
      const review = (query: string, status: string) =>
        call('/synonyms/review', {
          method: 'PATCH',
          cookie,
          csrf: body.csrfToken,
          body: JSON.stringify({
            locale: 'ko',
            normalized: query.replace(/\s+/g, ''),
            query,
            articleId: 'ko/billing/update-card',
            status,
            note: '',
          }),
        });
      expect((await review('카드 갈아끼우기', 'accepted')).status).toBe(200);
      expect((await review('주식 추천', 'rejected')).status).toBe(200);
      expect((await review('주식 추천', 'maybe')).status).toBe(400);
      expect(await taught()).toEqual(['결제수단 교체', '카드 갈아끼우기']);

      const report = await (await call('/reports/synonyms?from=2026-11-22&to=2026-11-22', { cookie })).json();
      const status = (query: string) =>
        report.rows.find((row: { query: string }) => row.query === query)?.review.status;
      expect([status('카드 갈아끼우기'), status('결제수단 교체'), status('주식 추천')]).toEqual([
        'accepted',
        'proposed',
        undefined,
      ]);
    });

    it('counts the funnel: a failed search, then the support hand-off within 30 minutes', async () => {
      const at = (minute: number) => `2026-11-19T15:${String(minute).padStart(2, '0')}:00.000Z`;
      const base = (visitor: string, minute: number) => ({
        eventId: crypto.randomUUID(),
        visitor,
        day: '2026-11-19',
        at: at(minute),
      });
      await server.events.recordSearch({
        ...base('f1', 0),
        query: '해외 반품',
        normalized: '해외반품',
        locale: 'ko',
        resultCount: 0,
      });
      await server.events.recordContact({ ...base('f1', 5), locale: 'ko', query: '해외 반품', normalized: '해외반품' });
      await server.events.recordSearch({
        ...base('f2', 0),
        query: '해외 반품',
        normalized: '해외반품',
        locale: 'ko',
        resultCount: 0,
      });
      await server.events.recordContact({ ...base('f2', 45), locale: 'ko' });
      const { cookie } = await login('support@acme.example');
      const failed = await (await call('/reports/failed-searches?days=30&locale=ko', { cookie })).json();
      expect(failed.rows.find((row: { normalized: string }) => row.normalized === '해외반품')).toMatchObject({
        searches: 2,
        contacted: 1,
      });
      const overview = await (await call('/reports/overview?from=2026-11-19&to=2026-11-19', { cookie })).json();
      expect(overview.funnel.contactedSessions).toBe(1);
      expect(overview.funnel.failedSessions).toBeGreaterThanOrEqual(2);
    });

    it('shows per widget context how often readers chose an article or support, raw days and rolled-up days together', async () => {
      const record = async (type: 'impression' | 'click' | 'contact', context: string, day: string, n: number) => {
        for (let i = 0; i < n; i++) {
          await server.events.recordWidgetEvent({
            eventId: crypto.randomUUID(),
            visitor: `w${i}`,
            day,
            at: `${day}T08:00:00Z`,
            type,
            context,
            locale: 'en',
            ...(type === 'click' && { articleId: 'en/billing/update-card', position: 1 }),
          });
        }
      };
      await record('impression', 'billing', '2026-11-01', 6);
      await record('click', 'billing', '2026-11-01', 3);
      await server.rollup('2026-11-02');
      await record('impression', 'billing', '2026-11-18', 4);
      await record('contact', 'billing', '2026-11-18', 2);
      const { cookie } = await login('support@acme.example');
      const report = await (await call('/reports/contexts?days=30', { cookie })).json();
      expect(report.rows).toEqual([
        { locale: 'en', context: 'billing', impressions: 10, clicks: 3, contacts: 2, clickRate: 0.3, contactRate: 0.2 },
      ]);
    });
  });
});
