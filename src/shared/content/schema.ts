import { z } from 'zod';
import { surveysSchema } from './survey-schema.ts';
import { localeSchema, locales } from '../locales.ts';
import { RELATED_ARTICLE, SLUG } from './ids.ts';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(SLUG, 'must be lowercase ascii words joined by hyphens');
const localized = z.strictObject({ ko: text, en: text });

/** js-yaml (Astro's parser) turns an unquoted date into a Date; the validator's parser keeps text. Accept both, keep text. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, 'is not a real calendar date'),
);

export const articleFrontmatterSchema = z.strictObject({
  /** The reader's question or task; the page's title. */
  title: text,
  /** One sentence under the title and in search results. */
  description: text.max(160, 'must be at most 160 characters'),
  /** Last meaningful change, YYYY-MM-DD. */
  updated: isoDate,
  /** Topic words; searchable. */
  tags: z.array(text).default([]),
  /** Other ways readers phrase the question; searchable, never shown as body text. */
  aliases: z.array(text).default([]),
  /** Context keys from contexts.yaml where the article is suggested. */
  contexts: z.array(slug).default([]),
  /** Articles to show first under "Related", as `<category-id>/<slug>` in the same locale. */
  related: z.array(z.string().regex(RELATED_ARTICLE, 'must be written <category-id>/<slug>')).default([]),
  /** Drafts are left out of production builds. */
  draft: z.boolean().default(false),
  /** Position inside its category; lower first. */
  order: z.number().optional(),
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

export const categoriesSchema = z
  .array(z.strictObject({ id: slug, order: z.number(), title: localized, description: localized }))
  .min(1, 'must list at least one category');
export type Category = z.infer<typeof categoriesSchema>[number];

export const contextsSchema = z.record(
  slug,
  z.strictObject({
    title: localized,
    /** Host-page paths; `*` matches any run of characters. */
    patterns: z.array(text.regex(/^\//, 'must be a path starting with /')).min(1, 'must list at least one URL pattern'),
  }),
);
export type Contexts = z.infer<typeof contextsSchema>;

/**
 * content/synonyms.yaml (optional): the company's own words, one group per meaning. Search treats the words of a
 * group as one: a reader's `택배비` finds an article that says `배송비`. Verbs in dictionary form (`바꾸다`).
 */
export const synonymsSchema = z.array(z.array(text).min(2, 'a group needs at least two words')).default([]);
export type SynonymGroups = z.infer<typeof synonymsSchema>;

/** Whether the runtime knows `name` as an IANA time zone (`Asia/Seoul`, `Europe/Berlin`). */
const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

/** The site's time zone: when its team's week and working day begin, for the weekly digest. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone name such as Asia/Seoul')
  .default('Asia/Seoul');

export const siteSchema = z
  .strictObject({
    name: localized,
    /** The company's own name, as surveys name it (NPS: "{company}를 지인에게 추천할…"); the help center's name if absent. */
    company: localized.optional(),
    defaultLocale: localeSchema.default('ko'),
    locales: z.array(localeSchema).min(1).default([...locales]),
    /**
     * The help center's public address (`https://help.example.com`). Links between a page's languages for search
     * engines must be absolute: without it, pages carry none.
     */
    url: z.url().optional(),
    /** Base URL of the content repository's files, for "Edit this article" links; empty hides them. */
    repositoryUrl: z.union([z.url(), z.literal('')]).default(''),
    support: z.strictObject({
      contactUrl: z.url(),
      email: z.email().optional(),
      phone: text.optional(),
      hours: localized.optional(),
    }),
    /** Host-site origins allowed to embed the widget and send beacons. */
    widgetOrigins: z.array(z.url()).default([]),
    /** IANA name of the team's time zone: the weekly digest goes out at its day and hour there. */
    timeZone: timeZoneSchema,
    /** Satisfaction and effort surveys (src/shared/surveys.ts): by default, customer effort on the help center. */
    surveys: surveysSchema,
  })
  .refine((site) => site.locales.includes(site.defaultLocale), {
    path: ['defaultLocale'],
    message: 'must be one of locales',
  });
export type SiteConfig = z.infer<typeof siteSchema>;
