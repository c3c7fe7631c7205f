import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { normalizeQuery } from '../../src/shared/search/text.ts';
import type { EventStorage, WriteResult } from '../db/event-storage.ts';
import { ApiError } from '../errors.ts';
import { readJsonBody, validate } from './json-body.ts';
import {
  clickSchema,
  contactSchema,
  helpfulnessQuerySchema,
  readNextQuerySchema,
  searchSchema,
  viewSchema,
  voteSchema,
  widgetEventSchema,
} from './schemas.ts';
import { wilsonLowerBound } from '../reports/wilson.ts';
import { surveyAnswerSchema } from './survey-responses.ts';
import type { Visitor } from './visitor.ts';

export interface EventDeps {
  storage: EventStorage;
  manifest: Manifest;
  clock: () => Date;
  visitorOf: (c: Context) => Promise<Visitor>;
  checkRate: (visitor: Visitor) => Promise<void>;
  /** Votes on one article counted per source (IP address) and day. */
  votesPerSource: number;
  /** Refuses events sent from sites that may not embed the widget. */
  checkOrigin: (c: Context) => void;
  mask: (text: string) => string;
}

/** Who sent an event and when: what the server adds to every event it stores. */
interface Sender {
  visitor: string;
  source: string;
  day: string;
  at: string;
}
type EventEnv = { Variables: { sender: Sender } };

const MAX_BODY = 4 * 1024;
const READ_NEXT_MIN_READERS = 3;

/** The public beacons readers' browsers send, and what the widget and articles read back. */
export function eventRoutes(deps: EventDeps) {
  const articles = new Set(deps.manifest.articles.map((article) => article.id));
  const requireArticle = (id: string) => {
    if (!articles.has(id)) throw new ApiError(404, 'unknown_article', `No article with id ${id}`);
  };
  return new Hono()
    .use(
      bodyLimit({
        maxSize: MAX_BODY,
        onError: () => {
          throw new ApiError(413, 'body_too_large', `Bodies are limited to ${MAX_BODY} bytes`);
        },
      }),
    )
    .route('/', beaconRoutes(deps, requireArticle))
    .route('/', readBackRoutes(deps, requireArticle));
}

/** Sets `sender` once the origin and flood checks have passed, before the body is read. */
function identifySender({ checkOrigin, visitorOf, checkRate, clock }: EventDeps): MiddlewareHandler<EventEnv> {
  return async function sender(c, next) {
    checkOrigin(c);
    const visitor = await visitorOf(c);
    await checkRate(visitor);
    c.set('sender', { visitor: visitor.key, source: visitor.source, day: visitor.day, at: clock().toISOString() });
    await next();
  };
}

/** The events readers' browsers send. A 2xx answer means the event is committed to the database. */
function beaconRoutes(deps: EventDeps, requireArticle: (id: string) => void) {
  const { storage, manifest, votesPerSource, mask } = deps;
  const contexts = new Set(manifest.contexts);
  const requireContext = (context: string) => {
    if (!contexts.has(context)) throw new ApiError(404, 'unknown_context', `No context ${context}`);
  };
  const surveyAnswer = surveyAnswerSchema(manifest.surveys);
  const sender = identifySender(deps);
  const answer = (c: Context, result: WriteResult) => c.json({ status: result }, result === 'stored' ? 201 : 200);

  return (
    new Hono<EventEnv>()
      .post('/votes', sender, async (c) => {
        if (isForm(c)) return voteFromForm(c);
        const body = await readJsonBody(c, voteSchema);
        requireArticle(body.articleId);
        return answer(
          c,
          await storage.recordVote(
            { ...c.get('sender'), ...body, comment: body.comment && mask(body.comment) },
            votesPerSource,
          ),
        );
      })
      .post('/views', sender, async (c) => {
        const body = await readJsonBody(c, viewSchema);
        requireArticle(body.articleId);
        return answer(c, await storage.recordView({ ...c.get('sender'), ...body }));
      })
      .post('/searches', sender, async (c) => {
        const body = await readJsonBody(c, searchSchema);
        const query = mask(body.query);
        return answer(
          c,
          await storage.recordSearch({ ...c.get('sender'), ...body, query, normalized: normalizeQuery(query) }),
        );
      })
      .post('/contact-clicks', sender, async (c) => {
        const body = await readJsonBody(c, contactSchema);
        if (body.articleId) requireArticle(body.articleId);
        const query = body.query && mask(body.query);
        return answer(
          c,
          await storage.recordContact({
            ...c.get('sender'),
            ...body,
            query,
            normalized: query && normalizeQuery(query),
          }),
        );
      })
      .post('/widget-events', sender, async (c) => {
        const body = await readJsonBody(c, widgetEventSchema);
        if (body.context !== 'none') requireContext(body.context);
        if (body.articleId) requireArticle(body.articleId);
        return answer(c, await storage.recordWidgetEvent({ ...c.get('sender'), ...body }));
      })
      // Answers to site.yaml's surveys, from the help center's prompt or the widget on a host site.
      .post('/survey-responses', sender, async (c) => {
        const body = await readJsonBody(c, surveyAnswer);
        if (body.articleId) requireArticle(body.articleId);
        if (body.context) requireContext(body.context);
        return answer(
          c,
          await storage.recordSurveyResponse({
            ...c.get('sender'),
            ...body,
            comment: body.comment && mask(body.comment),
          }),
        );
      })
      .post('/search-clicks', sender, async (c) => {
        const { eventId, articleId, position, query: typed } = await readJsonBody(c, clickSchema);
        requireArticle(articleId);
        const query = mask(typed);
        return answer(
          c,
          await storage.recordClick({
            ...c.get('sender'),
            eventId,
            articleId,
            position,
            query,
            normalized: normalizeQuery(query),
          }),
        );
      })
  );

  /** The widget without JavaScript: a plain form post, answered by a redirect back to the article's thank-you. */
  async function voteFromForm(c: Context<EventEnv>) {
    const form = await c.req.parseBody();
    const text = (name: string) =>
      typeof form[name] === 'string' && form[name] !== '' ? (form[name] as string) : undefined;
    const body = validate(voteSchema, {
      eventId: randomUUID(),
      articleId: text('articleId'),
      helpful: text('helpful') === 'yes' ? true : text('helpful') === 'no' ? false : text('helpful'),
      reason: text('reason'),
      comment: text('comment'),
    });
    requireArticle(body.articleId);
    await storage.recordVote(
      { ...c.get('sender'), ...body, comment: body.comment && mask(body.comment) },
      votesPerSource,
    );
    return c.redirect(`/${body.articleId}/#feedback-thanks-${body.helpful ? 'yes' : 'no'}`, 303);
  }
}

/** What the widget and articles read back. Not events, so no sender; the flood limit still counts them. */
function readBackRoutes({ storage, manifest, visitorOf, checkRate }: EventDeps, requireArticle: (id: string) => void) {
  const byId = new Map(manifest.articles.map((article) => [article.id, article]));
  return (
    new Hono()
      // The widget orders a context's articles by this; a score per article, higher is more helpful.
      .get('/helpfulness', async (c) => {
        await checkRate(await visitorOf(c));
        const { ids } = validate(helpfulnessQuerySchema, c.req.query());
        const votes = await storage.helpfulness(ids);
        const articles = Object.fromEntries(
          [...votes].map(([id, { helpful, total }]) => [
            id,
            Math.round(wilsonLowerBound(helpful, total) * 1000) / 1000,
          ]),
        );
        c.header('Cache-Control', 'public, max-age=300');
        return c.json({ articles });
      })
      // "Readers went on to read": a few readers are needed before a pair is shown, so no one's path is.
      .get('/read-next', async (c) => {
        // Each answer is a query over the raw views: a flood must not become a flood of them.
        await checkRate(await visitorOf(c));
        const { articleId } = validate(readNextQuerySchema, c.req.query());
        requireArticle(articleId);
        const locale = articleId.slice(0, articleId.indexOf('/'));
        const articles = (await storage.readNext(articleId, READ_NEXT_MIN_READERS, 10)).flatMap(
          ({ articleId: id, readers }) => {
            const article = byId.get(id);
            return article && article.locale === locale
              ? [{ id, title: article.title, url: article.url, readers }]
              : [];
          },
        );
        c.header('Cache-Control', 'public, max-age=3600');
        return c.json({ articles: articles.slice(0, 3) });
      })
  );
}

const isForm = (c: Context) => (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
