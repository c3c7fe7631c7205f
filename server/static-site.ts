import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Manifest } from '../src/shared/content/manifest.ts';
import { BASE_HEADERS, pageHeaders } from './security-headers.ts';
import { QUERY_MAX } from './api/schemas.ts';
import { searchPageWithResults } from './search/search-page-html.ts';
import type { ServerSearch } from './search/server-search.ts';

/**
 * Serves the built site as a CDN would: canonical trailing-slash URLs, long caching for hashed assets, real 404s.
 * With `search`, a linked search's page comes with its results in it.
 */
export function staticSite(siteDir: string, manifest: Manifest, search?: ServerSearch): Hono {
  const site = new Hono();

  site.get('/', (c) => c.redirect(`/${manifest.defaultLocale}/`, 302));

  // `/ko/shipping` and `/ko/shipping/` must not be two pages. The answer is built from the normalized path, never
  // the raw one: `//evil.example/..%2fko` must not send a reader to another site, and a path that climbs out of the
  // site (`/..%2f..%2froot`) only ever names a folder inside it, so the answer says nothing about the disk.
  site.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)) return next();
    const segments = posix
      .normalize(`/${safeDecode(path)}`)
      .split('/')
      .filter(Boolean);
    if (!isDirectory(join(siteDir, ...segments))) return next();
    const url = new URL(c.req.url);
    return c.redirect(`/${segments.map(encodeURIComponent).join('/')}/${url.search}`, 301);
  });

  // A page's policy names the hashes of its inline scripts: worked out once per file, as the build wrote it.
  const pagePolicies = new Map<string, Record<string, string>>();
  const headersOfPage = (file: string, urlPath: string) => {
    if (!pagePolicies.has(file)) pagePolicies.set(file, pageHeaders(readFileSync(file, 'utf8'), urlPath));
    return pagePolicies.get(file)!;
  };

  // HTML, CSS, JS and JSON shrink to a quarter; Pagefind's index files are compressed already and pass through.
  // Scripts, styles and data have a Brotli copy from the build, served as is to browsers that take it.
  site.use('*', compress());

  // `/ko/search/?q=환불`: the results are in the page, on screen with its first paint. A filtered or debugging
  // search, or one the engine cannot answer in time, is the built page, and the browser searches as on a CDN.
  const searchPages = new Map<string, string>();
  if (search)
    site.get('/:locale/search/', async (c, next) => {
      const locale = manifest.locales.find((code) => code === c.req.param('locale'));
      const query = c.req.query('q')?.trim();
      const { category, debug } = c.req.query();
      if (!locale || !query || query.length > QUERY_MAX || category !== undefined || debug !== undefined) return next();
      const outcome = await search.answer(locale, query);
      const file = join(siteDir, locale, 'search', 'index.html');
      if (!searchPages.has(file)) searchPages.set(file, existsSync(file) ? readFileSync(file, 'utf8') : '');
      const page = outcome && searchPageWithResults(searchPages.get(file)!, locale, outcome);
      if (!page) return next();
      return c.html(page, 200, { ...headersOfPage(file, c.req.path), 'Cache-Control': 'no-cache' });
    });
  site.use(
    '*',
    serveStatic({
      root: siteDir,
      precompressed: true,
      onFound: (served, c) => {
        const path = served.replace(/\.br$/, '');
        c.header('Cache-Control', cacheControl(path));
        for (const [name, value] of Object.entries(
          path.endsWith('.html') ? headersOfPage(path, c.req.path) : BASE_HEADERS,
        ))
          c.header(name, value);
        // The widget reads pages, its data, the index and the engine from host sites. They are public and
        // read without credentials, so any origin may (as on GitHub Pages); only the API keeps an allowlist.
        c.header('Access-Control-Allow-Origin', '*');
      },
    }),
  );

  // Browsers and crawlers ask for /favicon.ico whatever the page links; the site's icon is an SVG.
  site.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  // Each locale's 404 page is read once: a flood of bad URLs must not become a flood of file reads.
  const notFoundPages = new Map<string, { html: string; headers: Record<string, string> }>();
  const notFoundPage = (locale: string | undefined) => {
    const key = locale ?? '';
    if (!notFoundPages.has(key)) {
      const page = locale ? join(siteDir, locale, '404', 'index.html') : join(siteDir, '404.html');
      const html = readFileSync(existsSync(page) ? page : join(siteDir, '404.html'), 'utf8');
      notFoundPages.set(key, { html, headers: pageHeaders(html, `/${key}`) });
    }
    return notFoundPages.get(key)!;
  };
  site.get('*', (c) => {
    const { html, headers } = notFoundPage(manifest.locales.find((code) => c.req.path.startsWith(`/${code}/`)));
    return c.html(html, 404, { ...headers, 'Cache-Control': 'no-cache' });
  });

  return site;
}

function cacheControl(path: string): string {
  // Astro fingerprints everything under _astro/; Pagefind's fragment and index files are hashed too.
  if (path.includes('/_astro/') || path.includes('/widget/chunks/') || /\/pagefind\/.+\/.+\.pf_/.test(path))
    return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
