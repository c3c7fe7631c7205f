import type { Locale } from '../../../shared/content/schema.ts';
import { site } from '../../build/content/site-data.ts';

/** The locale of the page an MDX component renders in: articles live at /<locale>/…. */
export const pageLocale = (url: URL): Locale => site.locales.find((locale) => url.pathname.startsWith(`/${locale}/`)) ?? site.defaultLocale;
