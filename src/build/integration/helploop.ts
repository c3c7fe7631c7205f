import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../content/paths.ts';
import { formatProblem } from '../content/problems.ts';
import { validateContent } from '../content/validate.ts';
import { indexWithPagefind } from './pagefind.ts';
import { precompress } from './precompress.ts';
import { preloadSearchFiles } from './search-preloads.ts';
import { preloadStaffModules } from './module-preloads.ts';
import { pagefindDevMiddleware } from './pagefind-dev.ts';
import { buildWidget, widgetDevMiddleware } from './widget.ts';

/**
 * Refuses to build invalid content, then indexes the built site for search and bundles the widget. `astro dev`
 * serves the widget and the last build's search index.
 */
export default function helploop(): AstroIntegration {
  let outDir = '';
  return {
    name: 'helploop',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        // Editors preview drafts in `astro dev`; every build leaves them out.
        updateConfig({ vite: { define: { 'import.meta.env.HELPLOOP_DRAFTS': JSON.stringify(command === 'dev') } } });
        const { problems } = validateContent(contentDir);
        const errors = problems.filter((problem) => problem.severity === 'error');
        for (const problem of problems) if (problem.severity === 'warning') logger.warn(formatProblem(problem));
        // In `astro dev` an editor fixes the file and the page reloads; a build must not ship it.
        if (errors.length && command === 'build') {
          throw new Error(
            `${errors.length} content problem${errors.length > 1 ? 's' : ''}:\n${errors.map(formatProblem).join('\n')}`,
          );
        }
        for (const problem of errors) logger.error(formatProblem(problem));
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(widgetDevMiddleware());
        server.middlewares.use(pagefindDevMiddleware(outDir, logger));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await Promise.all([indexWithPagefind(dir, logger), buildWidget(dir, logger)]);
        preloadSearchFiles(dir, logger);
        preloadStaffModules(dir, logger);
        precompress(dir, logger);
      },
    },
  };
}
