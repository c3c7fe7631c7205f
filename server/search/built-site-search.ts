import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale } from '../../src/shared/locales.ts';
import { search, type SearchContext, type SearchOptions, type SearchOutcome } from '../../src/shared/search/engine.ts';
import { Knowledge } from '../../src/shared/search/knowledge.ts';
import type { Pagefind } from '../../src/shared/search/pagefind-api.ts';
import { knowledgePath, vocabularyPath } from '../../src/shared/search/vocabulary.ts';

/**
 * Pagefind's browser bundle fetches its index relative to itself; in Node those are file: URLs, which Node's
 * fetch does not read. This replaces the global fetch, so it runs only in a thread or process of its own (the
 * search worker, the benchmarks), never in the server's.
 */
export function fetchFilesFromDisk(): void {
  const webFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return webFetch(input, init);
    return new Response(await readFile(fileURLToPath(url)), {
      headers: { 'content-type': url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' },
    });
  };
}

/**
 * The readers' engine over a built site's real Pagefind index, in Node: the same answers as the search page
 * without a browser. Each locale's index loads once, on its first search; `fetchFilesFromDisk` must be in place.
 */
export function builtSiteSearch(siteDir: string, bundle = 'pagefind') {
  const contexts = new Map<Locale, Promise<SearchContext>>();
  // Pagefind starts in the language `<html lang>` names, read from a stand-in document: one locale at a time.
  let starting = Promise.resolve();
  const context = (locale: Locale) => {
    let found = contexts.get(locale);
    if (!found) {
      found = starting.then(async () => {
        Object.assign(globalThis, {
          document: { currentScript: null, querySelector: () => ({ getAttribute: () => locale }) },
        });
        try {
          const pagefind = (await import(
            `${pathToFileURL(join(siteDir, bundle, 'pagefind.js')).href}?locale=${locale}`
          )) as Pagefind;
          await pagefind.options({ excerptLength: 24, baseUrl: '/' });
          await pagefind.init();
          const json = (path: string) => JSON.parse(readFileSync(join(siteDir, path), 'utf8'));
          const vocabulary = json(vocabularyPath(locale));
          return {
            index: pagefind,
            knowledge: new Knowledge(json(knowledgePath(locale))),
            locale,
            vocabulary: async () => vocabulary,
          };
        } finally {
          Reflect.deleteProperty(globalThis, 'document');
        }
      });
      starting = found.then(
        () => undefined,
        () => undefined,
      );
      contexts.set(locale, found);
    }
    return found;
  };
  const engine = async (query: string, locale: Locale, options: SearchOptions = {}): Promise<SearchOutcome> =>
    search(await context(locale), query, options);
  engine.context = context;
  return engine;
}
