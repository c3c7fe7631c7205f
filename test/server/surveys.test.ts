import { describe, expect, it, vi } from 'vitest';
import { onEachEngine } from '../helpers/engines.ts';
import { useApiServer, type ApiServer } from '../helpers/api-server.ts';

const article = 'en/billing/update-card';
/** The fixture site's surveys (test/fixtures/content-basic/site.yaml): ces, nps (on host sites) and csat. */
const answer = (fields: Record<string, unknown> = {}) => ({
  eventId: crypto.randomUUID(),
  survey: 'nps',
  score: 9,
  locale: 'en',
  ...fields,
});
const postTo =
  (server: ApiServer) =>
  (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/survey-responses`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'survey-reader', ...headers },
      body: JSON.stringify(body),
    });
const stored = (server: ApiServer) =>
  server.select(
    'SELECT survey_id, kind, score, band, comment, locale, article_id, context, path FROM survey_responses',
  );

onEachEngine(() => {
  describe('POST /api/survey-responses', () => {
    const server = useApiServer({ HELPLOOP_CORS_ORIGINS: 'https://shop.example', HELPLOOP_MASK_PATTERNS: 'ORD-\\d+' });
    const post = postTo(server);

    it('stores an answer with its kind and band, its comment masked, once however often it is sent', async () => {
      const body = answer({
        score: 3,
        comment: '배송이 늦어요 ORD-20261120, kim@example.com',
        articleId: article,
        context: 'billing',
        path: '/en/billing/update-card/',
      });
      const first = await post(body);
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ status: 'stored' });
      const again = await post(body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: 'duplicate' });
      expect(await stored(server)).toEqual([
        {
          survey_id: 'nps',
          kind: 'nps',
          score: 3,
          band: 'low',
          comment: '배송이 늦어요 [masked], [email]',
          locale: 'en',
          article_id: article,
          context: 'billing',
          path: '/en/billing/update-card/',
        },
      ]);
    });

    it.each([
      ['a survey the site does not define', { survey: 'loyalty' }, 'survey'],
      ['a score off the survey’s scale', { survey: 'ces', score: 0 }, 'score'],
      ['an NPS above 10', { score: 11 }, 'score'],
      ['a score that is not a whole number', { score: 4.5 }, 'score'],
      ['a comment over 1000 characters', { comment: 'x'.repeat(1001) }, 'comment'],
      ['a page with a query string', { path: '/en/search/?q=refund' }, 'path'],
      ['an unknown field', { email: 'kim@example.com' }, 'email'],
    ])('refuses %s with 400 naming the field', async (_, fields, path) => {
      const response = await post(answer(fields));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 'invalid_body', issues: [{ path }] });
    });

    it('refuses an unknown article or context with 404', async () => {
      expect((await post(answer({ articleId: 'en/billing/nothing-here' }))).status).toBe(404);
      expect((await post(answer({ context: 'no-such-context' }))).status).toBe(404);
    });

    it('accepts answers from a host site that may embed the widget, and refuses other sites', async () => {
      const before = (await stored(server)).length;
      const allowed = await post(answer({ context: 'billing' }), { origin: 'https://shop.example' });
      expect(allowed.status).toBe(201);
      const refused = await post(answer(), { origin: 'https://evil.example' });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('origin_not_allowed');
      expect((await stored(server)).length).toBe(before + 1);
    });
  });

  describe('survey answers and the roll-up', () => {
    const server = useApiServer();
    const post = postTo(server);

    it('keeps answers when raw events expire: they are the only record of a survey', async () => {
      expect((await post(answer({ comment: 'Fast delivery' }))).status).toBe(201);
      await server.rollup('2099-01-01');
      expect(await stored(server)).toEqual([expect.objectContaining({ survey_id: 'nps', comment: 'Fast delivery' })]);
    });
  });

  describe('survey answers under a flood', () => {
    const server = useApiServer({ HELPLOOP_RATE_LIMIT: '2' });
    const post = postTo(server);

    it('answers a flood from one visitor with 429', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(answer(), { 'user-agent': 'flooder' })).status);
      expect(statuses).toEqual([201, 201, 429]);
    });
  });
});

describe('survey answers while the database cannot store them', () => {
  const server = useApiServer({}, undefined, 'sqlite');
  const post = postTo(server);

  it('answers 503 with Retry-After, so the browser keeps the answer and sends it again', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await server.select('PRAGMA query_only = 1');
    const refused = await post(answer());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('storage_unavailable');
    await server.select('PRAGMA query_only = 0');
    expect((await post(answer())).status).toBe(201);
    log.mockRestore();
  });
});
