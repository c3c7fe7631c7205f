// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import helploop from './src/build/integration/helploop.ts';
import { contentDir } from './src/build/content/paths.ts';
import { singleTildeIsText } from './src/build/integration/single-tilde.ts';

export default defineConfig({
  // Tests and benchmarks build other content into other folders without touching these defaults.
  outDir: process.env.HELPLOOP_OUT_DIR ?? './dist',
  // Images and other files of the content (`content/public/images/…`) are served from the site's root.
  publicDir: `${contentDir}/public`,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Two pages at a time (Astro's default is 1): while one waits on the file system (writing its HTML, loading
    // its article's module) the other renders. Same output; page generation ~1 s faster at 1,200 articles.
    concurrency: 2,
  },
  // Korean writes ranges with one tilde (`1~2영업일`), so only `~~two~~` strikes through. MDX inherits this processor.
  markdown: { processor: satteri({ mdastPlugins: [singleTildeIsText] }) },
  integrations: [mdx({ optimize: true }), helploop()],
  devToolbar: { enabled: false },
  // Small scripts would be inlined into every page; as files they are downloaded once and cached across articles.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // One chunk for all articles instead of one each: bundling and loading 1,000 small modules costs more
        // than their code. Articles import nothing (their components come from the page), so no article's CSS
        // can leak into another page through the shared chunk.
        output: { codeSplitting: { groups: [{ name: 'articles', test: /\.mdx?($|\?)/ }] } },
        // Astro's MDX output trips this warning once per article (withastro/astro#18087): thousands of harmless
        // lines on a large site. Other module-level directive warnings still show.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE' || !log.message.includes('astro:head-inject')) handler(level, log);
        },
      },
    },
  },
});
