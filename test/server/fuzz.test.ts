import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { unhelpfulReasons } from '../../src/shared/feedback-reasons.ts';
import { readManifest } from '../../server/manifest.ts';
import { useApiServer } from '../helpers/api-server.ts';
import { UNLIMITED } from '../helpers/limits.ts';

const server = useApiServer(UNLIMITED);
const manifest = readManifest(inject('fixtureSiteDir'));

const RUNS = 3_000;
const articleIds = manifest.articles.map((article) => article.id);

/** The documented error body; nothing else may come back with a 4xx or 5xx. */
const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Sometimes right, often wrong: what a careless or hostile client puts in a field. */
const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '?!…',
    '🙂',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE votes; --",
    'x'.repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: junk });
const fields = {
  eventId: field(fc.uuid()),
  articleId: field(fc.constantFrom(...articleIds, 'en/billing/no-such', 'ko/x/y')),
  helpful: field(fc.boolean()),
  reason: field(fc.constantFrom(...unhelpfulReasons)),
  comment: field(fc.string({ unit: 'grapheme', maxLength: 1100 })),
  query: field(fc.string({ unit: 'grapheme', maxLength: 210 })),
  locale: field(fc.constantFrom('ko', 'en', 'fr')),
  resultCount: field(fc.integer({ min: -1, max: 200_000 })),
  position: field(fc.integer({ min: -1, max: 1001 })),
  type: field(fc.constantFrom('impression', 'click', 'contact')),
  context: field(fc.constantFrom('none', ...manifest.contexts, 'nowhere')),
};
type FieldName = keyof typeof fields;
const endpoints: Record<string, FieldName[]> = {
  votes: ['eventId', 'articleId', 'helpful', 'reason', 'comment'],
  views: ['eventId', 'articleId'],
  searches: ['eventId', 'query', 'locale', 'resultCount'],
  'search-clicks': ['eventId', 'query', 'articleId', 'position', 'locale'],
  'contact-clicks': ['eventId', 'locale', 'articleId', 'query'],
  'widget-events': ['eventId', 'type', 'context', 'locale', 'articleId', 'position'],
};

const post = fc.constantFrom(...Object.keys(endpoints)).chain((path) =>
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant(`/api/${path}`),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('text/plain;charset=UTF-8', 'application/json') },
      { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'application/xml', '') },
    ),
    body: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .record(Object.fromEntries(endpoints[path].map((name) => [name, fields[name]])), { requiredKeys: [] })
          .map((body) => JSON.stringify(body)),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ ...Object.fromEntries(endpoints[path].map((name) => [name, fields[name]])), extra: junk })
          .map((body) => JSON.stringify(body)),
      },
      {
        weight: 1,
        arbitrary: fc.oneof(fc.string(), fc.json(), fc.constantFrom('{"eventId": ', '[]', 'null', '"text"')),
      },
    ),
  }),
);
/** Query strings carry text only. */
const idText = fc.oneof(fc.constantFrom(...articleIds, 'en/billing/no-such'), fc.string());
const get = fc.oneof(
  fc
    .record({
      ids: fc.array(idText, { maxLength: 60 }).map((ids) => ids.join(',')),
      locale: fc.oneof(fc.constantFrom('ko', 'en'), fc.string()),
      more: fc.option(fc.string()),
    })
    .map(
      (query) =>
        `/api/helpfulness?${new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== null))}`,
    ),
  idText.map((id) => `/api/read-next?articleId=${encodeURIComponent(id)}`),
  fc.constant('/api/health'),
  // `.` and `..` are left alone by encodeURIComponent and resolved away by fetch: `/api/..` would ask for the site's `/`.
  fc
    .string()
    .filter((path) => path !== '.' && path !== '..')
    .map((path) => `/api/${encodeURIComponent(path)}`),
);
const request = fc.oneof(
  post,
  get.map((path) => ({ method: 'GET', path, contentType: '', body: undefined })),
);

describe('the public API under fuzzed requests', () => {
  it(`answers ${RUNS} requests across every public endpoint without a 5xx, always in the documented shape`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, contentType, body }) => {
        const response = await fetch(`${server.url}${path}`, {
          method,
          body,
          headers: contentType ? { 'content-type': contentType } : {},
          redirect: 'manual',
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status === 303) return;
        const answer = await response.json();
        if (response.status >= 400) expect(errorShape.safeParse(answer).error).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    // The fuzzer reached past validation, not only into it: stored, or answered as a duplicate, capped or read.
    const accepted = [...statuses].filter(([status]) => status >= 200 && status < 300);
    expect(accepted.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(RUNS / 20);
    console.log(`fuzz: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 20);
  }, 60_000);

  it('stored nothing malformed', async () => {
    // Every column of every table, those no report reads included: only SQL sees them all.
    const count = server.count;
    const known = `(${articleIds.map((id) => `'${id}'`).join(', ')})`;
    expect(
      await count(`SELECT count(*) FROM votes WHERE article_id NOT IN ${known} OR helpful NOT IN (0, 1) OR length(comment) > 1000
      OR (reason IS NOT NULL AND reason NOT IN (${unhelpfulReasons.map((reason) => `'${reason}'`).join(', ')}))`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM views WHERE article_id NOT IN ${known}`)).toBe(0);
    expect(
      await count(
        "SELECT count(*) FROM searches WHERE normalized = '' OR length(query) > 200 OR locale NOT IN ('ko', 'en') OR result_count < 0",
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM search_clicks WHERE normalized = '' OR article_id NOT IN ${known} OR position NOT BETWEEN 1 AND 1000`,
      ),
    ).toBe(0);
    expect(await count("SELECT count(*) FROM contact_clicks WHERE normalized = '' OR locale NOT IN ('ko', 'en')")).toBe(
      0,
    );
    expect(
      await count(
        `SELECT count(*) FROM widget_events WHERE (article_id IS NOT NULL AND article_id NOT IN ${known}) OR (type = 'click' AND position IS NULL)`,
      ),
    ).toBe(0);
    expect(await count("SELECT count(*) FROM received_events WHERE event_id NOT GLOB '[0-9a-f]*-*-*-*-*'")).toBe(0);
  });
});
