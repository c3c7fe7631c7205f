import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale } from '../../src/shared/locales.ts';
import { search, type SearchContext, type SearchOutcome } from '../../src/shared/search/engine.ts';
import { Knowledge } from '../../src/shared/search/knowledge.ts';
import type { Pagefind } from '../../src/shared/search/pagefind-api.ts';
import { knowledgePath, vocabularyPath } from '../../src/shared/search/vocabulary.ts';

/** Pagefind's browser bundle fetches its index relative to itself; in Node those are file: URLs. */
const webFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith('file:')) return webFetch(input, init);
  return new Response(await readFile(fileURLToPath(url)), {
    headers: { 'content-type': url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' },
  });
};

/**
 * The readers' engine over a built site's real Pagefind index, in Node: the same answers as the search page
 * without a browser, for tuning runs that try hundreds of queries in seconds. The page itself is measured in
 * Chromium by bench:search.
 */
export async function nodeSearcher(siteDir: string, bundle = 'pagefind') {
  const contexts = new Map<Locale, Promise<SearchContext>>();
  const context = (locale: Locale) => {
    let found = contexts.get(locale);
    if (!found) {
      found = (async () => {
        // Pagefind starts in the language `<html lang>` names, and its first start fixes which WASM (stemmer) loads.
        Object.assign(globalThis, {
          document: { currentScript: null, querySelector: () => ({ getAttribute: () => locale }) },
        });
        const pagefind = (await import(
          `${pathToFileURL(join(siteDir, bundle, 'pagefind.js')).href}?locale=${locale}`
        )) as Pagefind;
        await pagefind.options({ excerptLength: 24, baseUrl: '/' });
        await pagefind.init();
        Reflect.deleteProperty(globalThis, 'document');
        const json = (path: string) => JSON.parse(readFileSync(join(siteDir, path), 'utf8'));
        const vocabulary = json(vocabularyPath(locale));
        return {
          index: pagefind,
          knowledge: new Knowledge(json(knowledgePath(locale))),
          locale,
          vocabulary: async () => vocabulary,
        };
      })();
      contexts.set(locale, found);
    }
    return found;
  };
  const engine = async (query: string, locale: Locale, limit = 20): Promise<SearchOutcome> =>
    search(await context(locale), query, { limit });
  /** Plain Pagefind over the same bundle: its own ranking, nothing of ours. */
  engine.plain = async (query: string, locale: Locale): Promise<string[]> => {
    const { results } = await (await context(locale)).index.search(query);
    return Promise.all(results.slice(0, 10).map(async (result) => (await result.data()).url));
  };
  return engine;
}
