import type { SearchHit, SearchOutcome } from '../../shared/search/engine.ts';
import { SEARCH_PAGE_LIMIT, searchSite } from './site-search.ts';
import { documentLocale, searchMessages } from './messages.ts';
import { searchReporter } from './report.ts';
import { SearchResultList } from './search-result-list.ts';

/** The search page: the query and category live in the URL, so a search can be shared and the back button works. */
export function runSearchPage(): void {
  const locale = documentLocale();
  const text = searchMessages[locale];
  const input = document.getElementById('search-page-input') as HTMLInputElement;
  const form = input.form!;
  const select = document.getElementById('search-category') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const fallback = document.getElementById('search-fallback')!;
  const fallbackList = document.getElementById('search-fallback-list')!;
  const popular = JSON.parse(document.getElementById('search-popular')!.textContent!) as Record<string, { title: string; url: string }[]>;
  const reporter = searchReporter(locale);
  /** The search on screen: "more results" asks for more of this one, whatever the form says meanwhile. */
  let shown: { query: string; category?: string } | undefined;
  const results = new SearchResultList(list, more, {
    moreLabel: text.more,
    onChoose: (hit, position) => shown && reporter.clicked(shown.query, hit.id, position),
  });
  let generation = 0;

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    select.value = params.get('category') ?? '';
  };
  const toUrl = (mode: 'push' | 'replace') => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (select.value) params.set('category', select.value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  };

  /** The page's one call into the engine: the first `limit` results, and how many there are in all. */
  const find = (query: string, category: string | undefined, limit: number) => searchSite(query, { locale, category, limit });

  const busy = () => {
    list.dataset.state = 'loading';
    list.setAttribute('aria-busy', 'true');
    status.textContent = text.loading;
  };
  /** The newest search has answered, or there is none. */
  const settle = () => {
    list.removeAttribute('aria-busy');
    // What search.astro held back until the first answer, so that it would not be pushed down, shows with it.
    delete document.documentElement.dataset.resultsPending;
  };

  async function run(): Promise<void> {
    const query = input.value.trim();
    const category = select.value ? select.selectedOptions[0].textContent!.trim() : undefined;
    const mine = ++generation;
    fallback.hidden = true;
    if (!query) {
      shown = undefined;
      results.show([], 0);
      status.textContent = '';
      list.dataset.state = 'idle';
      return settle();
    }
    busy();
    try {
      const outcome = await find(query, category, SEARCH_PAGE_LIMIT);
      if (mine !== generation) return; // a newer query is already on its way
      shown = { query, category };
      render(outcome);
      // `?debug` shows how each word was understood, for whoever tunes search.
      if (new URLSearchParams(location.search).has('debug')) list.dataset.debug = JSON.stringify(outcome.terms);
      reporter.searched(query, outcome.total);
    } catch {
      if (mine !== generation) return;
      shown = undefined;
      results.show([], 0);
      status.textContent = text.failed;
      list.dataset.state = 'error';
    } finally {
      if (mine === generation) settle();
    }
  }

  function render(outcome: SearchOutcome): void {
    results.show(outcome.hits, outcome.total);
    list.dataset.state = outcome.hits.length ? 'done' : 'empty';
    const count = text.count(outcome.query, outcome.total);
    status.textContent = outcome.correctedQuery ? `${text.corrected(outcome.correctedQuery)} ${count}` : outcome.hits.length ? count : text.none(outcome.query);
    if (!outcome.hits.length) showFallback(outcome.partial);
  }

  /** The next batch of the search on screen; focus goes to its first result, and the status says how many now show. */
  async function showMore(): Promise<void> {
    const current = shown;
    if (!current || list.hasAttribute('aria-busy')) return;
    const mine = generation; // a new search drops this answer; this one cancels nothing
    busy();
    try {
      const outcome = await find(current.query, current.category, results.count + SEARCH_PAGE_LIMIT);
      if (mine !== generation) return;
      const first = results.add(outcome.hits, outcome.total);
      status.textContent = text.showing(current.query, results.count, outcome.total);
      // With nothing new the button is gone; focus must not fall back to the top of the page.
      (first ?? list.querySelector<HTMLAnchorElement>('li:last-child a'))?.focus();
    } catch {
      if (mine === generation) status.textContent = text.failed;
    } finally {
      if (mine === generation) {
        list.dataset.state = 'done';
        settle();
      }
    }
  }

  /** No dead ends: partial matches, then the likely category's popular articles; the support hand-off follows. */
  function showFallback(partial: SearchHit[]): void {
    const likely = partial[0]?.category;
    const extra = (likely && popular[likely]) || Object.values(popular).flat().slice(0, 3);
    const seen = new Set<string>();
    const links = [...partial.map(({ title, url }) => ({ title, url })), ...extra].filter(({ url }) => !seen.has(url) && seen.add(url));
    fallbackList.replaceChildren(
      ...links.slice(0, 6).map(({ title, url }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = url;
        link.textContent = title;
        item.append(link);
        return item;
      }),
    );
    fallback.hidden = links.length === 0;
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      toUrl('replace');
      void run();
    }, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    toUrl('push');
    void run();
  });
  select.addEventListener('change', () => {
    toUrl('push');
    void run();
  });
  more.addEventListener('click', () => void showMore());
  addEventListener('popstate', () => {
    fromUrl();
    void run();
  });

  fromUrl();
  void run();
}
