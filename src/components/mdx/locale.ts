import type { Locale } from '../../content/schema.ts';

/** The locale of the page an MDX component renders in: articles live at /<locale>/…. */
export const pageLocale = (url: URL): Locale => (url.pathname.startsWith('/en/') ? 'en' : 'ko');
