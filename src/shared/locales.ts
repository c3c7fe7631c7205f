import { z } from 'zod';

/** Locales the UI is translated into; a site enables some or all of them in site.yaml. */
export const locales = ['ko', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;
