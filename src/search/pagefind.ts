/** The slice of Pagefind's browser API we use (types from pagefind_web_js/types/index.d.ts). */
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
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads the search bundle once, on first use; a failed load is retried on the next call. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
