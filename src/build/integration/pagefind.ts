import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { AstroIntegrationLogger } from 'astro';

/** Indexes the built pages (only their `data-pagefind-body`) into `dist/pagefind/`. */
export async function indexWithPagefind(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const site = fileURLToPath(dir);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    logger.info(`Pagefind indexed ${added.page_count} pages`);
  } catch (error) {
    throw new Error('Pagefind could not index the site', { cause: error });
  } finally {
    await pagefind.close();
  }
}
