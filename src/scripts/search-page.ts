import type { SearchHit, SearchOutcome } from '../search/engine.ts';
import { SEARCH_PAGE_LIMIT, searchSite } from '../search/site-search.ts';
import { pageLocale, searchMessages } from '../search/messages.ts';
import { searchReporter } from '../search/report.ts';

/** The search page: the query and category live in the URL, so a search can be shared and the back button works. */
export function runSearchPage(): void {
  const locale = pageLocale();
  const text = searchMessages[locale];
  const input = document.getElementById('search-page-input') as HTMLInputElement;
  const form = input.form!;
  const select = document.getElementById('search-category') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const fallback = document.getElementById('search-fallback')!;
  const fallbackList = document.getElementById('search-fallback-list')!;
  const popular = JSON.parse(document.getElementById('search-popular')!.textContent!) as Record<string, { title: string; url: string }[]>;
  const reporter = searchReporter(locale);
  let generation = 0;
  let shown: SearchOutcome | undefined;

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

  async function run(): Promise<void> {
    const query = input.value.trim();
    const mine = ++generation;
    fallback.hidden = true;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      list.dataset.state = 'idle';
      return;
    }
    list.dataset.state = 'loading';
    list.setAttribute('aria-busy', 'true');
    status.textContent = text.loading;
    try {
      const category = select.value ? select.selectedOptions[0].textContent!.trim() : undefined;
      const outcome = await searchSite(query, { locale, category, limit: SEARCH_PAGE_LIMIT });
      if (mine !== generation) return; // a newer query is already on its way
      shown = outcome;
      render(outcome);
      // `?debug` shows how each word was understood, for whoever tunes search.
      if (new URLSearchParams(location.search).has('debug')) list.dataset.debug = JSON.stringify(outcome.terms);
      reporter.searched(query, outcome.total);
    } catch {
      if (mine !== generation) return;
      list.replaceChildren();
      status.textContent = text.failed;
      list.dataset.state = 'error';
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  function render(outcome: SearchOutcome): void {
    list.replaceChildren(...outcome.hits.map(resultItem));
    list.dataset.state = outcome.hits.length ? 'done' : 'empty';
    const count = text.count(outcome.query, outcome.total);
    status.textContent = outcome.correctedQuery ? `${text.corrected(outcome.correctedQuery)} ${count}` : outcome.hits.length ? count : text.none(outcome.query);
    if (!outcome.hits.length) showFallback(outcome.partial);
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

  function resultItem(hit: SearchHit, index: number): HTMLLIElement {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'search-result__link';
    link.href = hit.url;
    link.textContent = hit.title;
    link.addEventListener('click', () => shown && reporter.clicked(shown.query, hit.id, index + 1));
    const category = document.createElement('span');
    category.className = 'search-results__category';
    category.textContent = hit.category;
    const excerpt = document.createElement('p');
    excerpt.innerHTML = hit.excerpt; // built by the engine from escaped page text
    item.append(link, category, excerpt);
    return item;
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
  addEventListener('popstate', () => {
    fromUrl();
    void run();
  });

  fromUrl();
  void run();
}
