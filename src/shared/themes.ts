/**
 * What the server, the build and the staff page all know of themes: where what readers said comes from, how an
 * unnamed theme is named, how a failed search's item is keyed.
 */

/** Where an item comes from: a "No" vote's comment, a survey answer's comment, a search that found nothing. */
export const THEME_SOURCES = ['comments', 'survey', 'searches'] as const;
export type ThemeSource = (typeof THEME_SOURCES)[number];

/** A theme's name when staff gave it none: its three most distinctive terms. */
export const termsLabel = (terms: readonly string[]) => terms.slice(0, 3).join(' · ');

/** A failed search's theme item: one per locale and normalized query. */
export const searchItemKey = (locale: string, normalized: string) => `s:${locale}:${normalized}`;
/** The normalized query of a failed search's item key. */
export const normalizedOfSearchKey = (key: string) => key.split(':').slice(2).join(':');
