import { describe, expect, it } from 'vitest';
import { wilsonLowerBound } from '../../server/reports/wilson.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useApiServer, type ApiServer } from '../helpers/api-server.ts';

const env = {
  HELPLOOP_RATE_LIMIT: '1000',
  HELPLOOP_CORS_ORIGINS: 'https://shop.example',
  HELPLOOP_MASK_PATTERNS: 'ORD-\\d+',
};
const article = 'en/billing/update-card';
/** The test clock's day (see startApiServer). */
const today = { from: '2026-11-20', to: '2026-11-20' };
const postTo =
  (server: ApiServer) =>
  (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'test-reader', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
const vote = (fields: Record<string, unknown> = {}) => ({
  eventId: crypto.randomUUID(),
  articleId: article,
  helpful: true,
  ...fields,
});

onEachEngine(() => {
  describe('POST /api/votes', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('stores a vote sent as text/plain, as sendBeacon does, and answers only after it is committed', async () => {
      const body = vote({ helpful: false, reason: 'outdated', comment: 'The menu moved.' });
      const response = await post('votes', body);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ status: 'stored' });
      expect(await server.reports.comments(today, 5, [article])).toEqual([
        { articleId: article, helpful: 0, comment: 'The menu moved.', at: '2026-11-20T10:00:00.000Z' },
      ]);
      expect(await server.reports.reasons(today)).toEqual([{ articleId: article, reason: 'outdated', count: 1 }]);
    });

    it('stores a retried beacon once', async () => {
      const body = vote({ articleId: 'en/getting-started/first-steps' });
      expect((await post('votes', body)).status).toBe(201);
      const again = await post('votes', body, { 'content-type': 'application/json' });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: 'duplicate' });
      expect(await server.events.helpfulness(['en/getting-started/first-steps'])).toEqual(
        new Map([['en/getting-started/first-steps', { helpful: 1, total: 1 }]]),
      );
    });

    it('replaces a visitor’s earlier vote on the same article the same day', async () => {
      const other = { 'user-agent': 'another-reader' };
      await post('votes', vote({ articleId: 'ko/billing/update-card', helpful: true }), other);
      await post('votes', vote({ articleId: 'ko/billing/update-card', helpful: false, reason: 'confusing' }), other);
      expect((await server.events.helpfulness(['ko/billing/update-card'])).get('ko/billing/update-card')).toEqual({
        helpful: 0,
        total: 1,
      });
      expect(await server.reports.reasons(today)).toContainEqual({
        articleId: 'ko/billing/update-card',
        reason: 'confusing',
        count: 1,
      });
    });

    it('keeps a vote from another day as a vote of its own', async () => {
      const other = { 'user-agent': 'third-reader' };
      await post('votes', vote({ articleId: 'ko/billing/update-card' }), other);
      server.clock.now = new Date('2026-11-21T10:00:00Z');
      await post('votes', vote({ articleId: 'ko/billing/update-card' }), other);
      server.clock.now = new Date('2026-11-20T10:00:00Z');
      expect(await server.reports.articleDays({ from: '2026-11-21', to: '2026-11-21' })).toEqual([
        { articleId: 'ko/billing/update-card', day: '2026-11-21', views: 0, helpful: 1, unhelpful: 0 },
      ]);
    });

    it('stores SQL and HTML in a comment as plain text', async () => {
      const comment = `'); DROP TABLE votes; -- <script>alert(1)</script>`;
      expect((await post('votes', vote({ helpful: false, comment }), { 'user-agent': 'sql-reader' })).status).toBe(201);
      expect((await server.reports.comments(today, 5, [article])).map((row) => row.comment)).toContain(comment);
    });

    it('answers a form post without JavaScript with a redirect back to the article’s thank-you', async () => {
      const form = new URLSearchParams({ articleId: article, helpful: 'no', reason: 'did-not-work', comment: '' });
      const response = await post('votes', form.toString(), {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'no-js-reader',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/${article}/#feedback-thanks-no`);
      expect(await server.reports.reasons(today)).toContainEqual({
        articleId: article,
        reason: 'did-not-work',
        count: 1,
      });
    });
  });

  describe('bad input gets a clear error', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    const error = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

    it('names malformed JSON', async () => {
      expect(await error(await post('votes', '{"eventId": '))).toMatchObject({ status: 400, code: 'malformed_json' });
    });

    it('names each wrong field and why', async () => {
      const body = await error(
        await post('votes', {
          eventId: 'not-a-uuid',
          articleId: article,
          helpful: 'yes',
          reason: 'angry',
          comment: 'x'.repeat(1001),
        }),
      );
      expect(body.status).toBe(400);
      expect(body.issues).toEqual(
        expect.arrayContaining([
          { path: 'eventId', message: 'must be a UUID' },
          expect.objectContaining({ path: 'helpful' }),
          expect.objectContaining({ path: 'reason' }),
          { path: 'comment', message: 'must be at most 1000 characters' },
        ]),
      );
    });

    it('refuses fields it does not know', async () => {
      expect((await error(await post('votes', vote({ admin: true })))).issues).toEqual([
        { path: 'admin', message: 'is not a known field' },
      ]);
    });

    it('refuses a content type other than JSON or text', async () => {
      expect(await error(await post('votes', vote(), { 'content-type': 'application/xml' }))).toMatchObject({
        status: 415,
        code: 'unsupported_media_type',
      });
    });

    it('refuses a body over 4 KB', async () => {
      expect(
        await error(
          await post('searches', {
            eventId: crypto.randomUUID(),
            query: 'x'.repeat(5000),
            locale: 'en',
            resultCount: 0,
          }),
        ),
      ).toMatchObject({ status: 413, code: 'body_too_large' });
    });

    it('refuses an article the build does not have', async () => {
      expect(
        await error(await post('views', { eventId: crypto.randomUUID(), articleId: 'en/billing/no-such-article' })),
      ).toMatchObject({ status: 404, code: 'unknown_article' });
    });
  });

  describe('views, searches and clicks', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('stores each, masking personal data readers type into the search box', async () => {
      expect((await post('views', { eventId: crypto.randomUUID(), articleId: article })).status).toBe(201);
      const query = '환불 kim@example.com 010-1234-5678 ORD-20261120 4111 1111 1111 1111';
      expect(
        (await post('searches', { eventId: crypto.randomUUID(), query, locale: 'ko', resultCount: 0 })).status,
      ).toBe(201);
      expect(
        (await post('searches', { eventId: crypto.randomUUID(), query: 'update card', locale: 'en', resultCount: 3 }))
          .status,
      ).toBe(201);
      expect(
        (
          await post('search-clicks', {
            eventId: crypto.randomUUID(),
            query: 'Update  Card',
            articleId: article,
            position: 2,
            locale: 'en',
          })
        ).status,
      ).toBe(201);
      expect(await server.reports.failedQueries(today)).toEqual([
        {
          locale: 'ko',
          normalized: '환불emailphonemaskednumber',
          searches: 1,
          visitors: 1,
          firstSeen: '2026-11-20',
          lastSeen: '2026-11-20',
          variants: ['환불 [email] [phone] [masked] [number]'],
        },
      ]);
      expect(await server.reports.articleDays(today)).toEqual([
        { articleId: article, day: '2026-11-20', views: 1, helpful: 0, unhelpful: 0 },
      ]);
      expect(await server.reports.searchDays(today)).toEqual([
        { day: '2026-11-20', searches: 2, zeroResults: 1, clicks: 1 },
      ]);
      // The click, normalized as its search was, counts as that search's click.
      expect(await server.reports.unclickedQueries(today)).toEqual([]);
    });

    it('stores a click on the support hand-off with the article or the masked query it came from', async () => {
      expect(
        (await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'en', articleId: article })).status,
      ).toBe(201);
      expect(
        (await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'ko', query: '환불 kim@example.com' }))
          .status,
      ).toBe(201);
      expect(
        (await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'en', articleId: 'en/billing/nope' }))
          .status,
      ).toBe(404);
      expect(await server.reports.handoffs(today)).toEqual([
        { locale: 'ko', articleId: null, query: '환불 [email]', normalized: '환불email', clicks: 1 },
        { locale: 'en', articleId: article, query: null, normalized: null, clicks: 1 },
      ]);
    });

    it('stores no search that normalizes to nothing, which no one could review, and keeps such a contact click without it', async () => {
      const searched = await server.reports.searchDays(today);
      for (const query of ['?!…', '🙂🙃', '\u0000', '— · —']) {
        const searched = await post('searches', { eventId: crypto.randomUUID(), query, locale: 'ko', resultCount: 0 });
        expect(searched.status).toBe(400);
        expect((await searched.json()).error.issues).toEqual([
          { path: 'query', message: 'must contain a letter or a digit' },
        ]);
        expect(
          (await post('search-clicks', { eventId: crypto.randomUUID(), query, articleId: article, position: 1 }))
            .status,
        ).toBe(400);
      }
      expect((await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'ko', query: '?!' })).status).toBe(
        201,
      );
      expect(await server.reports.searchDays(today)).toEqual(searched);
      expect(await server.reports.handoffs(today)).toContainEqual({
        locale: 'ko',
        articleId: null,
        query: null,
        normalized: null,
        clicks: 1,
      });
      expect((await server.reports.handoffs(today)).map((row) => row.query)).not.toContain('?!');
    });

    it('stores no IP address and sets no cookie', async () => {
      const response = await post('views', { eventId: crypto.randomUUID(), articleId: article });
      expect(response.headers.get('set-cookie')).toBeNull();
      // What is on disk, every column of it, which no interface shows whole: so this reads the tables themselves.
      const dump =
        JSON.stringify(await server.select('SELECT * FROM views')) +
        JSON.stringify(await server.select('SELECT * FROM votes'));
      expect(dump).not.toContain('127.0.0.1');
      expect(await server.count('SELECT count(*) FROM views WHERE length(visitor) <> 22')).toBe(0);
    });
  });

  describe('retention', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('folds raw events older than the retention into daily counts and deletes them', async () => {
      server.clock.now = new Date('2026-06-01T10:00:00Z');
      await post('views', { eventId: crypto.randomUUID(), articleId: article }, { 'user-agent': 'old-reader' });
      await post('votes', vote({ helpful: false }), { 'user-agent': 'old-reader' });
      server.clock.now = new Date('2026-11-20T10:00:00Z');
      await post('views', { eventId: crypto.randomUUID(), articleId: article }, { 'user-agent': 'new-reader' });
      await server.rollup('2026-08-22');
      expect(await server.reports.articleDays({ from: '2026-06-01', to: '2026-06-01' })).toEqual([
        { articleId: article, day: '2026-06-01', views: 1, helpful: 0, unhelpful: 1 },
      ]);
      expect(await server.reports.articleDays(today)).toEqual([
        { articleId: article, day: '2026-11-20', views: 1, helpful: 0, unhelpful: 0 },
      ]);
      // Reports read raw and folded counts alike, by design; that the raw rows are gone is seen only in their table.
      expect(await server.count("SELECT count(*) FROM views WHERE day = '2026-06-01'")).toBe(0);
    });
  });

  describe('CORS', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('lets a configured host site send beacons, and no other', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/api/votes`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe(
        'https://shop.example',
      );
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const allowed = await post(
        'views',
        { eventId: crypto.randomUUID(), articleId: article },
        { origin: 'https://shop.example' },
      );
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    });
  });

  describe('origins', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('refuses events a browser sends from a site that may not embed the widget, even without a preflight', async () => {
      const refused = await post(
        'views',
        { eventId: crypto.randomUUID(), articleId: article },
        { origin: 'https://evil.example' },
      );
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toMatchObject({
        code: 'origin_not_allowed',
        message: expect.stringContaining('https://evil.example'),
      });
      // The help center's own pages, and senders without an Origin, are served as before.
      expect(
        (await post('views', { eventId: crypto.randomUUID(), articleId: article }, { origin: server.url })).status,
      ).toBe(201);
      expect((await post('views', { eventId: crypto.randomUUID(), articleId: article })).status).toBe(201);
    });
  });

  describe('the widget’s endpoints', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    const widgetEvent = (fields: Record<string, unknown>) => ({
      eventId: crypto.randomUUID(),
      type: 'impression',
      context: 'billing',
      locale: 'en',
      ...fields,
    });

    it('stores impressions, clicks and contacts with their context', async () => {
      const origin = { origin: 'https://shop.example', 'user-agent': 'widget-reader' };
      expect((await post('widget-events', widgetEvent({}), origin)).status).toBe(201);
      expect(
        (await post('widget-events', widgetEvent({ type: 'click', articleId: article, position: 2 }), origin)).status,
      ).toBe(201);
      expect((await post('widget-events', widgetEvent({ type: 'contact', context: 'none' }), origin)).status).toBe(201);
      expect((await server.reports.contexts(today)).sort((a, b) => a.context.localeCompare(b.context))).toEqual([
        { locale: 'en', context: 'billing', impressions: 1, clicks: 1, contacts: 0 },
        { locale: 'en', context: 'none', impressions: 0, clicks: 0, contacts: 1 },
      ]);
    });

    it('refuses article ids the content could never have as malformed', async () => {
      for (const articleId of [
        'ko/billing--x/update-card',
        'ko/-billing/update-card',
        'fr/billing/update-card',
        'en/billing/update-card-',
      ]) {
        const response = await post('views', { eventId: crypto.randomUUID(), articleId });
        expect(response.status).toBe(400);
        expect((await response.json()).error.issues).toEqual([
          { path: 'articleId', message: 'must be <locale>/<category-id>/<slug>' },
        ]);
      }
    });

    it('names what is wrong with a widget event', async () => {
      const bad = await post('widget-events', widgetEvent({ type: 'click', context: 'Billing!' }));
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.issues).toEqual(
        expect.arrayContaining([{ path: 'context', message: 'must be a context key or none' }]),
      );
      const noArticle = await post('widget-events', widgetEvent({ type: 'click' }));
      expect((await noArticle.json()).error.issues).toEqual([
        { path: 'articleId', message: 'a click needs articleId and position' },
      ]);
      const unknown = await post('widget-events', widgetEvent({ context: 'warehouse' }));
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.code).toBe('unknown_context');
    });

    it('scores helpfulness with the Wilson lower bound, only for articles with votes', async () => {
      const voted = 'ko/billing/update-card';
      for (const [agent, helpful] of [
        ['h1', true],
        ['h2', true],
        ['h3', false],
      ] as const)
        await post('votes', vote({ articleId: voted, helpful }), { 'user-agent': agent });
      const response = await fetch(`${server.url}/api/helpfulness?locale=ko&ids=${voted},en/billing/secret-plan`, {
        headers: { origin: 'https://shop.example' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      const { articles } = await response.json();
      expect(articles).toEqual({ [voted]: Math.round(wilsonLowerBound(2, 3) * 1000) / 1000 });
      const bad = await fetch(`${server.url}/api/helpfulness?locale=fr&ids=`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
        'ids',
        'locale',
      ]);
    });

    it('answers helpfulness without a locale: the ids name theirs', async () => {
      const response = await fetch(`${server.url}/api/helpfulness?ids=ko/billing/update-card`);
      expect(response.status).toBe(200);
      expect(Object.keys((await response.json()).articles)).toEqual(['ko/billing/update-card']);
    });
  });

  describe('GET /api/read-next', () => {
    const server = useApiServer(env);
    const post = postTo(server);

    it('names what at least three readers of an article read next within half an hour, in its locale', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
      const view = async (reader: string, articleId: string, minute: number) => {
        server.clock.now = at(minute);
        expect(
          (await post('views', { eventId: crypto.randomUUID(), articleId }, { 'user-agent': reader })).status,
        ).toBe(201);
      };
      for (const reader of ['n1', 'n2', 'n3']) {
        await view(reader, 'en/getting-started/first-steps', 0);
        await view(reader, 'en/billing/update-card', 5);
      }
      // Too few readers, too late, or the other locale: not shown.
      await view('n1', 'ko/billing/update-card', 6);
      await view('n4', 'en/getting-started/first-steps', 0);
      await view('n4', 'en/billing/update-card', 45);
      server.clock.now = new Date('2026-11-20T10:00:00Z');
      const response = await fetch(`${server.url}/api/read-next?articleId=en/getting-started/first-steps`);
      expect(await response.json()).toEqual({
        articles: [
          { id: 'en/billing/update-card', title: expect.any(String), url: '/en/billing/update-card/', readers: 3 },
        ],
      });
      expect((await fetch(`${server.url}/api/read-next?articleId=en/billing/nope`)).status).toBe(404);
      const bad = await fetch(`${server.url}/api/read-next?articleId=..%2Fetc`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.issues[0].path).toBe('articleId');
    });
  });

  describe('rate limiting', () => {
    const limited = useApiServer({ HELPLOOP_RATE_LIMIT: '3' });

    it('answers a flood from one visitor with 429 and Retry-After, and serves others', async () => {
      const send = (agent: string) =>
        fetch(`${limited.url}/api/views`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': agent },
          body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: article }),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send('flooder')).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await send('flooder');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe('rate_limited');
      expect((await send('someone-else')).status).toBe(201);
    });
  });
});
