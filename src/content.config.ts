import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir } from './build/content/paths.ts';
import { articleFrontmatterSchema } from './shared/content/schema.ts';

const articles = defineCollection({
  loader: glob({
    pattern: '*/*/*.{md,mdx}',
    base: pathToFileURL(join(contentDir, 'articles/')),
    // The id is the contract's `<locale>/<category-id>/<slug>`, not Astro's slugified path.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: articleFrontmatterSchema,
});

export const collections = { articles };
