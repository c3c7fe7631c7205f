import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The baseline: Pagefind with its defaults over the same built pages, minus our hidden keywords
 * (so it is what a site gets without our processing), written to `<site>/pagefind-plain/`.
 */
export async function writePlainIndex(siteDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    for (const file of readdirSync(siteDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('index.html')) continue;
      const html = readFileSync(join(siteDir, file), 'utf8').replace(
        /<span data-pagefind-meta="keywords">[\s\S]*?<\/span>/g,
        '',
      );
      const added = await index.addHTMLFile({ sourcePath: file, content: html });
      if (added.errors.length) throw new Error(added.errors.join('\n'));
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind-plain') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
  } finally {
    await pagefind.close();
  }
}
