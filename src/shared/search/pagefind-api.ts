/**
 * The slice of Pagefind's browser API the engine uses: the browser loads the real one (src/browser/search/pagefind.ts),
 * tests and benchmarks in Node stand in their own (types from pagefind_web_js/types/index.d.ts).
 */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/**
 * A search page's `<meta>` naming the version of the site's Pagefind index, written by the build: Pagefind's entry
 * file is then asked for under that name, which the page preloads, instead of under a new one each time.
 */
export const SEARCH_INDEX_META = 'helploop-search-index';
