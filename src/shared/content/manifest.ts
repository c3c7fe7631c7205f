import { z } from 'zod';
import { localeSchema } from '../locales.ts';
import { timeZoneSchema } from './schema.ts';
import { surveysSchema } from './survey-schema.ts';

/** What the server knows about the built content (it never parses MDX): written to dist/articles.json by the build. */
export const manifestSchema = z.object({
  defaultLocale: localeSchema,
  locales: z.array(localeSchema),
  categories: z.array(z.object({ id: z.string(), title: z.record(z.string(), z.string()) })),
  contexts: z.array(z.string()),
  /** Host-site origins allowed to embed the widget and send beacons (site.yaml). */
  widgetOrigins: z.array(z.string()),
  /** site.yaml's public address, for absolute links in notifications; null without one, or in a site built before. */
  siteUrl: z.string().nullable().default(null),
  /** site.yaml's time zone; a site built before has the default. */
  timeZone: timeZoneSchema,
  /** site.yaml's surveys, the API accepts answers to; a site built before has the default. */
  surveys: surveysSchema,
  articles: z.array(
    z.object({
      id: z.string(),
      locale: localeSchema,
      category: z.string(),
      title: z.string(),
      url: z.string(),
      sourcePath: z.string(),
      /** The source file in the content repository (site.yaml `repositoryUrl`); null without one, or in a site built before. */
      editUrl: z.string().nullable().default(null),
      updated: z.string(),
      contexts: z.array(z.string()),
      /** Whether a reader's failed search is about this article when it shares a stem with one (readers' synonyms). */
      tags: z.array(z.string()).default([]),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const MANIFEST_FILE = 'articles.json';
