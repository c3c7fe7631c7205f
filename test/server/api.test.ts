import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wilsonLowerBound } from '../../server/reports/wilson.ts';
import { startApiServer } from '../helpers/api-server.ts';

type Server = Awaited<ReturnType<typeof startApiServer>>;
let server: Server;

beforeAll(async () => {
  server = await startApiServer(inject('fixtureSiteDir'), { HELPLOOP_RATE_LIMIT: '1000', HELPLOOP_CORS_ORIGINS: 'https://shop.example', HELPLOOP_MASK_PATTERNS: 'ORD-\\d+' });
});
afterAll(() => server?.stop());

const article = 'en/billing/update-card';
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'test-reader', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
const vote = (fields: Record<string, unknown> = {}) => ({ eventId: crypto.randomUUID(), articleId: article, helpful: true, ...fields });
const all = (sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as Record<string, unknown>[];

describe('POST /api/votes', () => {
  it('stores a vote sent as text/plain, as sendBeacon does, and answers only after it is committed', async () => {
    const body = vote({ helpful: false, reason: 'outdated', comment: 'The menu moved.' });
    const response = await post('votes', body);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ status: 'stored' });
    expect(all('SELECT helpful, reason, comment FROM votes WHERE article_id = ?', article)).toEqual([{ helpful: 0, reason: 'outdated', comment: 'The menu moved.' }]);
  });

  it('stores a retried beacon once', async () => {
    const body = vote({ articleId: 'en/getting-started/first-steps' });
    expect((await post('votes', body)).status).toBe(201);
    const again = await post('votes', body, { 'content-type': 'application/json' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(all('SELECT count(*) AS n FROM votes WHERE article_id = ?', 'en/getting-started/first-steps')).toEqual([{ n: 1 }]);
  });

  it('replaces a visitor’s earlier vote on the same article the same day', async () => {
    const other = { 'user-agent': 'another-reader' };
    await post('votes', vote({ articleId: 'ko/billing/update-card', helpful: true }), other);
    await post('votes', vote({ articleId: 'ko/billing/update-card', helpful: false, reason: 'confusing' }), other);
    expect(all('SELECT helpful, reason FROM votes WHERE article_id = ?', 'ko/billing/update-card')).toEqual([{ helpful: 0, reason: 'confusing' }]);
  });

  it('keeps a vote from another day as a vote of its own', async () => {
    const other = { 'user-agent': 'third-reader' };
    await post('votes', vote({ articleId: 'ko/billing/update-card' }), other);
    server.clock.now = new Date('2026-11-21T10:00:00Z');
    await post('votes', vote({ articleId: 'ko/billing/update-card' }), other);
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    expect(all('SELECT day FROM votes WHERE article_id = ? ORDER BY day', 'ko/billing/update-card').map((row) => row.day)).toContain('2026-11-21');
  });

  it('stores SQL and HTML in a comment as plain text', async () => {
    const comment = `'); DROP TABLE votes; -- <script>alert(1)</script>`;
    expect((await post('votes', vote({ helpful: false, comment }), { 'user-agent': 'sql-reader' })).status).toBe(201);
    expect(all('SELECT comment FROM votes WHERE comment LIKE ?', '%DROP TABLE%')).toEqual([{ comment }]);
  });

  it('answers a form post without JavaScript with a redirect back to the article’s thank-you', async () => {
    const form = new URLSearchParams({ articleId: article, helpful: 'no', reason: 'did-not-work', comment: '' });
    const response = await post('votes', form.toString(), { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'no-js-reader' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/${article}/#feedback-thanks-no`);
    expect(all("SELECT reason FROM votes WHERE reason = 'did-not-work'")).toHaveLength(1);
  });
});

describe('bad input gets a clear error', () => {
  const error = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

  it('names malformed JSON', async () => {
    expect(await error(await post('votes', '{"eventId": '))).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('names each wrong field and why', async () => {
    const body = await error(await post('votes', { eventId: 'not-a-uuid', articleId: article, helpful: 'yes', reason: 'angry', comment: 'x'.repeat(1001) }));
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
    expect((await error(await post('votes', vote({ admin: true })))).issues).toEqual([{ path: 'admin', message: 'is not a known field' }]);
  });

  it('refuses a content type other than JSON or text', async () => {
    expect(await error(await post('votes', vote(), { 'content-type': 'application/xml' }))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('refuses a body over 4 KB', async () => {
    expect(await error(await post('searches', { eventId: crypto.randomUUID(), query: 'x'.repeat(5000), locale: 'en', resultCount: 0 }))).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('refuses an article the build does not have', async () => {
    expect(await error(await post('views', { eventId: crypto.randomUUID(), articleId: 'en/billing/no-such-article' }))).toMatchObject({ status: 404, code: 'unknown_article' });
  });
});

describe('views, searches and clicks', () => {
  it('stores each, masking personal data readers type into the search box', async () => {
    expect((await post('views', { eventId: crypto.randomUUID(), articleId: article })).status).toBe(201);
    const query = '환불 kim@example.com 010-1234-5678 ORD-20261120 4111 1111 1111 1111';
    expect((await post('searches', { eventId: crypto.randomUUID(), query, locale: 'ko', resultCount: 0 })).status).toBe(201);
    expect((await post('search-clicks', { eventId: crypto.randomUUID(), query: 'Update  Card', articleId: article, position: 2, locale: 'en' })).status).toBe(201);
    expect(all('SELECT query, normalized, result_count FROM searches')).toEqual([
      { query: '환불 [email] [phone] [masked] [number]', normalized: '환불emailphonemaskednumber', result_count: 0 },
    ]);
    expect(all('SELECT normalized, position FROM search_clicks')).toEqual([{ normalized: 'updatecard', position: 2 }]);
  });

  it('stores a click on the support hand-off with the article or the masked query it came from', async () => {
    expect((await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'en', articleId: article })).status).toBe(201);
    expect((await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'ko', query: '환불 kim@example.com' })).status).toBe(201);
    expect((await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'en', articleId: 'en/billing/nope' })).status).toBe(404);
    expect(all('SELECT article_id, query, normalized FROM contact_clicks ORDER BY id')).toEqual([
      { article_id: article, query: null, normalized: null },
      { article_id: null, query: '환불 [email]', normalized: '환불email' },
    ]);
  });

  it('stores no search that normalizes to nothing, which no one could review, and keeps such a contact click without it', async () => {
    for (const query of ['?!…', '🙂🙃', '\u0000', '— · —']) {
      const searched = await post('searches', { eventId: crypto.randomUUID(), query, locale: 'ko', resultCount: 0 });
      expect(searched.status).toBe(400);
      expect((await searched.json()).error.issues).toEqual([{ path: 'query', message: 'must contain a letter or a digit' }]);
      expect((await post('search-clicks', { eventId: crypto.randomUUID(), query, articleId: article, position: 1 })).status).toBe(400);
    }
    expect((await post('contact-clicks', { eventId: crypto.randomUUID(), locale: 'ko', query: '?!' })).status).toBe(201);
    expect(all("SELECT count(*) AS n FROM searches WHERE normalized = ''")).toEqual([{ n: 0 }]);
    expect(all("SELECT count(*) AS n FROM search_clicks WHERE normalized = ''")).toEqual([{ n: 0 }]);
    expect(all("SELECT query, normalized FROM contact_clicks WHERE normalized = '' OR query = '?!'")).toEqual([]);
  });

  it('stores no IP address and sets no cookie', async () => {
    const response = await post('views', { eventId: crypto.randomUUID(), articleId: article });
    expect(response.headers.get('set-cookie')).toBeNull();
    const dump = JSON.stringify(all('SELECT * FROM views')) + JSON.stringify(all('SELECT * FROM votes'));
    expect(dump).not.toContain('127.0.0.1');
    expect(all('SELECT DISTINCT length(visitor) AS n FROM views')).toEqual([{ n: 22 }]);
  });
});

describe('retention', () => {
  it('folds raw events older than the retention into daily counts and deletes them', async () => {
    server.clock.now = new Date('2026-06-01T10:00:00Z');
    await post('views', { eventId: crypto.randomUUID(), articleId: article }, { 'user-agent': 'old-reader' });
    await post('votes', vote({ helpful: false }), { 'user-agent': 'old-reader' });
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    await server.storage.rollup('2026-08-22');
    expect(all("SELECT count(*) AS n FROM views WHERE day = '2026-06-01'")).toEqual([{ n: 0 }]);
    expect(all("SELECT views, helpful, unhelpful FROM daily_articles WHERE day = '2026-06-01'")).toEqual([{ views: 1, helpful: 0, unhelpful: 1 }]);
    expect(all("SELECT count(*) AS n FROM views WHERE day = '2026-11-20'")[0].n).toBeGreaterThan(0);
  });
});

describe('CORS', () => {
  it('lets a configured host site send beacons, and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/votes`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await post('views', { eventId: crypto.randomUUID(), articleId: article }, { origin: 'https://shop.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('origins', () => {
  it('refuses events a browser sends from a site that may not embed the widget, even without a preflight', async () => {
    const refused = await post('views', { eventId: crypto.randomUUID(), articleId: article }, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: 'origin_not_allowed', message: expect.stringContaining('https://evil.example') });
    // The help center's own pages, and senders without an Origin, are served as before.
    expect((await post('views', { eventId: crypto.randomUUID(), articleId: article }, { origin: server.url })).status).toBe(201);
    expect((await post('views', { eventId: crypto.randomUUID(), articleId: article })).status).toBe(201);
  });
});

describe('the widget’s endpoints', () => {
  const widgetEvent = (fields: Record<string, unknown>) => ({ eventId: crypto.randomUUID(), type: 'impression', context: 'billing', locale: 'en', ...fields });

  it('stores impressions, clicks and contacts with their context', async () => {
    const origin = { origin: 'https://shop.example', 'user-agent': 'widget-reader' };
    expect((await post('widget-events', widgetEvent({}), origin)).status).toBe(201);
    expect((await post('widget-events', widgetEvent({ type: 'click', articleId: article, position: 2 }), origin)).status).toBe(201);
    expect((await post('widget-events', widgetEvent({ type: 'contact', context: 'none' }), origin)).status).toBe(201);
    expect(all('SELECT type, context, article_id AS articleId, position FROM widget_events ORDER BY id')).toEqual([
      { type: 'impression', context: 'billing', articleId: null, position: null },
      { type: 'click', context: 'billing', articleId: article, position: 2 },
      { type: 'contact', context: 'none', articleId: null, position: null },
    ]);
  });

  it('refuses article ids the content could never have as malformed', async () => {
    for (const articleId of ['ko/billing--x/update-card', 'ko/-billing/update-card', 'fr/billing/update-card', 'en/billing/update-card-']) {
      const response = await post('views', { eventId: crypto.randomUUID(), articleId });
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues).toEqual([{ path: 'articleId', message: 'must be <locale>/<category-id>/<slug>' }]);
    }
  });

  it('names what is wrong with a widget event', async () => {
    const bad = await post('widget-events', widgetEvent({ type: 'click', context: 'Billing!' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual(
      expect.arrayContaining([
        { path: 'context', message: 'must be a context key or none' },
      ]),
    );
    const noArticle = await post('widget-events', widgetEvent({ type: 'click' }));
    expect((await noArticle.json()).error.issues).toEqual([{ path: 'articleId', message: 'a click needs articleId and position' }]);
    const unknown = await post('widget-events', widgetEvent({ context: 'warehouse' }));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_context');
  });

  it('scores helpfulness with the Wilson lower bound, only for articles with votes', async () => {
    const voted = 'ko/billing/update-card';
    for (const [agent, helpful] of [['h1', true], ['h2', true], ['h3', false]] as const) await post('votes', vote({ articleId: voted, helpful }), { 'user-agent': agent });
    const [{ helpful, total }] = all('SELECT sum(helpful) AS helpful, count(*) AS total FROM votes WHERE article_id = ?', voted) as { helpful: number; total: number }[];
    const response = await fetch(`${server.url}/api/helpfulness?locale=ko&ids=${voted},en/billing/secret-plan`, { headers: { origin: 'https://shop.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const { articles } = await response.json();
    expect(articles).toEqual({ [voted]: Math.round(wilsonLowerBound(helpful, total) * 1000) / 1000 });
    const bad = await fetch(`${server.url}/api/helpfulness?locale=fr&ids=`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['ids', 'locale']);
  });

  it('answers helpfulness without a locale: the ids name theirs', async () => {
    const response = await fetch(`${server.url}/api/helpfulness?ids=ko/billing/update-card`);
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()).articles)).toEqual(['ko/billing/update-card']);
  });
});

describe('GET /api/read-next', () => {
  it('names what at least three readers of an article read next within half an hour, in its locale', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
    const view = async (reader: string, articleId: string, minute: number) => {
      server.clock.now = at(minute);
      expect((await post('views', { eventId: crypto.randomUUID(), articleId }, { 'user-agent': reader })).status).toBe(201);
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
      articles: [{ id: 'en/billing/update-card', title: expect.any(String), url: '/en/billing/update-card/', readers: 3 }],
    });
    expect((await fetch(`${server.url}/api/read-next?articleId=en/billing/nope`)).status).toBe(404);
    const bad = await fetch(`${server.url}/api/read-next?articleId=..%2Fetc`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('articleId');
  });
});

describe('rate limiting', () => {
  it('answers a flood from one visitor with 429 and Retry-After, and serves others', async () => {
    const limited = await startApiServer(inject('fixtureSiteDir'), { HELPLOOP_RATE_LIMIT: '3' });
    try {
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
    } finally {
      await limited.stop();
    }
  });
});
