import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';

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
 * Links that fetch, with the page, every module its scripts import: otherwise each is found only once the one that
 * imports it has arrived, a round trip per level. Low priority, so the first paint's style sheet goes first.
 */
export function modulePreloadLinks(root: string, html: string): string[] {
  const scripts = [...html.matchAll(/<script type="module" src="\/([^"]+)"/g)].map(([, src]) => src);
  return staticImports(root, scripts).map(
    (module) => `<link rel="modulepreload" href="/${module}" fetchpriority="low">`,
  );
}

/** Staff pages are drawn by their scripts from the API: the sooner the modules arrive, the sooner they are drawn. */
export function preloadStaffModules(dir: URL, logger: AstroIntegrationLogger): void {
  const root = fileURLToPath(dir);
  const pages = readdirSync(join(root, 'staff'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('index.html'),
  );
  for (const page of pages) {
    const file = join(root, 'staff', page);
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace('</head>', `${modulePreloadLinks(root, html).join('')}</head>`));
  }
  logger.info(`Script modules preloaded by ${pages.length} staff pages`);
}
