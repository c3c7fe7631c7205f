import type { Locale } from '../shared/locales.ts';

/** The language of the page the script runs on. */
export const documentLocale = (): Locale => (document.documentElement.lang === 'en' ? 'en' : 'ko');
