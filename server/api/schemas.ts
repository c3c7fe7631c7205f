import { z } from 'zod';
import { COMMENT_MAX, unhelpfulReasons } from '../../src/shared/feedback-reasons.ts';
import { ARTICLE_ID, SLUG } from '../../src/shared/content/ids.ts';
import { localeSchema } from '../../src/shared/locales.ts';
import { normalizeQuery } from '../../src/shared/search/text.ts';
import { surveySchema } from '../../src/shared/content/survey-schema.ts';

/** Made by the browser for each event, so a retried beacon is stored once. */
const eventId = z.uuid({ error: 'must be a UUID' });
const articleId = z.string().max(200).regex(ARTICLE_ID, 'must be <locale>/<category-id>/<slug>');
/** The longest search query stored or answered. */
export const QUERY_MAX = 200;
const query = z.string().trim().min(1, 'must not be empty').max(QUERY_MAX, `must be at most ${QUERY_MAX} characters`);
/** Failed searches group by the normalized query; one of only punctuation, emoji or control characters has none. */
const hasMeaning = (text: string) => normalizeQuery(text) !== '';
const searchedQuery = query.refine(hasMeaning, 'must contain a letter or a digit');

export const voteSchema = z.strictObject({
  eventId,
  articleId,
  helpful: z.boolean(),
  reason: z.enum(unhelpfulReasons).optional(),
  comment: z.string().max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`).optional(),
});
export const viewSchema = z.strictObject({ eventId, articleId });
export const searchSchema = z.strictObject({
  eventId,
  query: searchedQuery,
  locale: localeSchema,
  resultCount: z.int().min(0).max(100_000),
});
export const clickSchema = z.strictObject({
  eventId,
  query: searchedQuery,
  articleId,
  position: z.int().min(1).max(1000),
  locale: localeSchema.optional(),
});

/** A click on the support hand-off, from an article, a search, or neither (the 404 page); a query that means nothing is no query. */
export const contactSchema = z.strictObject({
  eventId,
  locale: localeSchema,
  articleId: articleId.optional(),
  query: query.optional().transform((text) => (text && hasMeaning(text) ? text : undefined)),
});

/** The widget on a host site: its panel shown in a context, an article chosen (with its place), support chosen. */
export const widgetEventSchema = z
  .strictObject({
    eventId,
    type: z.enum(['impression', 'click', 'contact']),
    context: z.string().max(100).regex(SLUG, 'must be a context key or none'),
    locale: localeSchema,
    articleId: articleId.optional(),
    position: z.int().min(1).max(100).optional(),
  })
  .refine((event) => event.type !== 'click' || (event.articleId && event.position), {
    path: ['articleId'],
    message: 'a click needs articleId and position',
  });

/** Which of these articles readers found helpful; ids as the widget lists them, comma-separated. */
export const helpfulnessQuerySchema = z.strictObject({
  /** Sent by widgets of earlier versions; the ids name their locale. */
  locale: localeSchema.optional(),
  ids: z
    .string()
    .transform((ids) => ids.split(',').filter(Boolean))
    .pipe(z.array(articleId).min(1, 'must name at least one article').max(50, 'must name at most 50 articles')),
});

/**
 * An answer to one of site.yaml's surveys. Whether the survey exists and the score is on its kind's scale depends on
 * the site, so the route checks them against the manifest.
 */
export const surveyResponseSchema = z.strictObject({
  eventId,
  /** A survey's id in site.yaml. */
  survey: surveySchema.shape.id,
  score: z.int(),
  /** A blank comment is no comment. */
  comment: z
    .string()
    .trim()
    .max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`)
    .optional()
    .transform((text) => text || undefined),
  locale: localeSchema,
  /** The article read when it was asked, if any. */
  articleId: articleId.optional(),
  /** The widget's context on a host site. */
  context: z.string().max(100).regex(SLUG, 'must be a context key').optional(),
  /** The page it was asked on: a path only, so no query string or fragment carries what a reader typed. */
  path: z
    .string()
    .max(300, 'must be at most 300 characters')
    .regex(/^\/[^?#]*$/, 'must be a path, starting with /')
    .optional(),
});

export const readNextQuerySchema = z.strictObject({ articleId });
