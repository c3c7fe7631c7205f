import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { SEARCH_INDEX_META } from '../../shared/search/pagefind-api.ts';
import { modulePreloadLinks } from './module-preloads.ts';

/** What `pagefind-entry.json` says of each language's index: the meta file's hash and the stemmer's wasm, if any. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * A linked search (`/ko/search/?q=…`) paints its first result only after the engine, Pagefind's wasm and metadata,
 * an index chunk and the fragments have arrived. Each was found only once the one before it had run: the page's
 * script imports the engine, the engine loads Pagefind, Pagefind reads its entry file and only then asks for its
 * wasm and metadata. Their names are known once Pagefind has written the index, so the search pages ask for all
 * of them at once, with the page, and the first result comes several round trips sooner.
 */
export function preloadSearchFiles(dir: URL, logger: AstroIntegrationLogger): void {
  const root = fileURLToPath(dir);
  const entryText = readFileSync(join(root, 'pagefind/pagefind-entry.json'), 'utf8');
  const entry = JSON.parse(entryText) as PagefindEntry;
  // Pagefind asks for its entry file with a new `?ts=` each time, unless told the index's version: this build's.
  const version = createHash('sha256').update(entryText).digest('hex').slice(0, 12);
  let pages = 0;
  for (const [locale, index] of Object.entries(entry.languages)) {
    const file = join(root, locale, 'search/index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const links = [
      ...modulePreloadLinks(root, html),
      `<meta name="${SEARCH_INDEX_META}" content="${version}">`,
      // Fetched by Pagefind with a plain fetch(), which a preload `as="fetch"` with CORS mode matches.
      ...[
        `pagefind/pagefind-entry.json?ts=${version}`,
        `pagefind/pagefind.${index.hash}.pf_meta`,
        `pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`,
      ].map((path) => `<link rel="preload" href="/${path}" as="fetch" crossorigin="anonymous" fetchpriority="low">`),
    ];
    writeFileSync(file, html.replace('</head>', `${links.join('')}</head>`));
    pages++;
  }
  logger.info(`Search files preloaded by ${pages} search pages`);
}
