import type { AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type OutputChunk } from 'rolldown';
import type { Middleware } from './middleware.ts';

/** The widget's weight on a host page before the reader searches: widget.js, then the panel and its data when opened. */
export const WIDGET_BUDGET_BYTES = 15 * 1024;

const source = (file: string) => fileURLToPath(new URL(`../../browser/widget/${file}`, import.meta.url));

/**
 * Bundles the embeddable widget, which lives outside Astro's pages: `widget.js`, a classic script (host sites add
 * it with a plain `<script async>`), and `widget/panel.js`, an ES module it imports on first open, whose search
 * engine is split off and loaded on first search. Fails the build when the part loaded before search is over budget.
 */
export async function buildWidget(
  dir: URL,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  budget = WIDGET_BUDGET_BYTES,
): Promise<void> {
  const site = fileURLToPath(dir);
  const [panel] = await bundle(site, true);

  const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const chunks = new Map(
    panel.output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
  );
  // The panel and what it imports statically; the search engine behind `import()` waits for the first search.
  const opened = new Set<string>();
  const visit = (name: string) => {
    if (opened.has(name)) return;
    opened.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit('panel.js');
  const loader = gzipped(join(site, 'widget.js'));
  const panelBytes = [...opened].reduce((sum, name) => sum + gzipped(join(site, 'widget', name)), 0);
  // The panel's data (each context's articles), for the locale with the most.
  const data = Math.max(
    ...readdirSync(join(site, 'widget'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => gzipped(join(site, 'widget', name))),
  );
  const total = loader + panelBytes + data;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const line = `widget: ${kb(loader)} widget.js + ${kb(panelBytes)} panel + ${kb(data)} data = ${kb(total)} gzipped before search (budget ${kb(budget)})`;
  if (total > budget) throw new Error(`The ${line}: over budget`);
  logger.info(line);
}

/** The two bundles, written under `site` or (for `astro dev`) kept in memory with the same file names. */
function bundle(site: string, write: boolean) {
  return Promise.all([
    build({
      input: { panel: source('panel.ts'), survey: source('survey.ts') },
      platform: 'browser',
      logLevel: 'warn',
      write,
      output: {
        dir: join(site, 'widget'),
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
      },
    }),
    build({
      input: source('loader.ts'),
      platform: 'browser',
      logLevel: 'warn',
      write,
      output: { file: join(site, 'widget.js'), format: 'iife', minify: true },
    }),
  ]);
}

/**
 * `astro dev` serves the widget too, so the demo shop works while editing: each load of /widget.js bundles afresh
 * (a fraction of a second), and the panel and its chunks are served from that bundle.
 */
export function widgetDevMiddleware(): Middleware {
  let files: Promise<Map<string, string>> | undefined;
  const rebuild = () =>
    bundle('/', false).then(([panel, loader]) => {
      const map = new Map<string, string>();
      for (const item of loader.output) if (item.type === 'chunk') map.set('/widget.js', item.code);
      for (const item of panel.output) if (item.type === 'chunk') map.set(`/widget/${item.fileName}`, item.code);
      return map;
    });
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/widget.js' && !(path.startsWith('/widget/') && path.endsWith('.js'))) return next();
    if (path === '/widget.js' || !files) files = rebuild();
    files.then(
      (map) => {
        const code = map.get(path);
        if (code === undefined) return next();
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        response.end(code);
      },
      (error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      },
    );
  };
}
