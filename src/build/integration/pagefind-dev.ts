import type { AstroIntegrationLogger } from 'astro';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Middleware } from './middleware.ts';

/** Pagefind's index, fragments and wasm are its own gzipped formats, which its script unpacks: sent as they are. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * `astro dev` renders pages on request, so nothing indexes them: it serves the last build's index (`dist/pagefind/`)
 * instead, and search works while editing. It finds the articles as built, not as edited since; a build mid-session
 * is served from the next request on. Says once at start which index that is, or that there is none yet.
 */
export function pagefindDevMiddleware(
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Middleware {
  const root = join(siteDir, 'pagefind');
  const inProject = relative(process.cwd(), root);
  const shown = `${inProject.startsWith('..') ? root : inProject}/`;
  const bundle = join(root, 'pagefind.js');
  if (existsSync(bundle)) {
    const builtAt = statSync(bundle).mtime.toLocaleString();
    logger.info(
      `Search uses the last build's index (${shown}, built ${builtAt}): run \`npm run build\` to find new or changed articles.`,
    );
  } else {
    logger.warn(
      `Search has no index yet: run \`npm run build\` once. The preview then searches the last build's index (${shown}).`,
    );
  }

  return function pagefindDev(request, response, next) {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith('/pagefind/')) return next();
    // `join` resolves `..`: whatever the URL says, only files inside the index are read.
    const file = join(siteDir, path);
    if (!file.startsWith(root + sep)) return next();
    readFile(file).then(
      (body) => {
        response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        // The next build replaces these files under the same names.
        response.setHeader('Cache-Control', 'no-cache');
        response.end(body);
      },
      () => next(),
    );
  };
}
