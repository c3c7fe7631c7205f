import type { Locale } from '../../shared/locales.ts';
import { site } from '../../build/content/site-data.ts';

/** The locale of the page an MDX component renders in: articles live at /<locale>/…. */
export const urlLocale = (url: URL): Locale =>
  site.locales.find((locale) => url.pathname.startsWith(`/${locale}/`)) ?? site.defaultLocale;
