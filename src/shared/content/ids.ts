import { locales } from '../locales.ts';

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** Category ids, slugs and context keys: lowercase ascii words joined by hyphens, as URLs and file names use them. */
export const SLUG = new RegExp(`^${slug}$`);
/** An article file: its slug, then `.mdx` (or `.md`). */
export const ARTICLE_FILE = new RegExp(`^(${slug})\\.mdx?$`);
/** `<category-id>/<slug>`: another article of the same locale, as frontmatter's `related` names it. */
export const RELATED_ARTICLE = new RegExp(`^${slug}/${slug}$`);
/** `<locale>/<category-id>/<slug>`: an article's id, and its URL's path. */
export const ARTICLE_ID = new RegExp(`^(?:${locales.join('|')})/${slug}/${slug}$`);
