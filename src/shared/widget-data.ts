import { z } from 'zod';
import type { SurveyPageData } from './survey-prompt.ts';
import { localeSchema } from './locales.ts';

const suggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  url: z.string(),
  order: z.number().optional(),
});

/**
 * What the widget reads from the help center, one file per locale (`/widget/<locale>.json`), written by the build:
 * each context with its patterns and its articles in editor order, and the support hand-off.
 */
export const widgetDataSchema = z.object({
  locale: localeSchema,
  name: z.string(),
  contexts: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      patterns: z.array(z.string()),
      articles: z.array(suggestionSchema),
    }),
  ),
  /** Articles for a page no context matches: the help center's most asked. */
  popular: z.array(suggestionSchema),
  support: z.object({ contactUrl: z.string(), email: z.string().optional() }),
  /** The surveys a host page may ask with `Helploop.survey(id)`, built like the help center's own. */
  surveys: z.custom<SurveyPageData>((value) => typeof value === 'object' && value !== null),
  /** The help center's own surveys, asked when a reader closes the widget after reading an article in it. */
  afterSession: z.custom<SurveyPageData>((value) => typeof value === 'object' && value !== null),
});
export type WidgetData = z.infer<typeof widgetDataSchema>;
/** An article as the widget lists it. */
export type Suggestion = z.infer<typeof suggestionSchema>;

/** Articles listed per context; the rest are found by the inline search. */
export const ARTICLES_PER_CONTEXT = 8;
