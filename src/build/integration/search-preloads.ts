import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { SEARCH_INDEX_META } from '../../shared/search/pagefind-api.ts';

/** What `pagefind-entry.json` says of each language's index: the meta file's hash and the stemmer's wasm, if any. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/** The files a module script imports statically (`import{…}from"./x.js"`, `import"./x.js"`), not `import("…")`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w*{][^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g;

/** Every module a page's scripts load before they run, found by following their static imports. */
function staticImports(root: string, scripts: string[]): string[] {
  const found = new Set<string>();
  const pending = [...scripts];
  while (pending.length) {
    const script = pending.pop()!;
    const code = readFileSync(join(root, script), 'utf8');
    const folder = script.slice(0, script.lastIndexOf('/') + 1);
    for (const [, file] of code.matchAll(STATIC_IMPORT)) {
      const path = folder + file;
      if (found.has(path) || scripts.includes(path)) continue;
      found.add(path);
      pending.push(path);
    }
  }
  return [...found];
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
    const scripts = [...html.matchAll(/<script type="module" src="\/([^"]+)"/g)].map(([, src]) => src);
    const links = [
      // Low, so the first paint's style sheet goes first.
      ...staticImports(root, scripts).map(
        (module) => `<link rel="modulepreload" href="/${module}" fetchpriority="low">`,
      ),
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
