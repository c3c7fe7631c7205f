import type { Locale } from '../../shared/locales.ts';
import type { SearchHit, SearchOutcome } from '../../shared/search/engine.ts';
import { prepareSiteSearch, searchSite } from './site-search.ts';
import { SEARCH_PAGE_LIMIT } from '../../shared/search/result-list.ts';
import { resultsStatus, searchMessages } from '../../shared/search/search-messages.ts';
import { documentLocale } from '../document-locale.ts';
import { searchReporter } from './report.ts';
import { SearchResultList } from './search-result-list.ts';

/** The search page: the query and category live in the URL, so a search can be shared and the back button works. */
export function runSearchPage(): void {
  const page = new SearchPage(documentLocale());
  page.listen();
  page.fromUrl();
  if (!page.adoptServerResults()) void page.run();
}

type Popular = Record<string, { title: string; url: string }[]>;

class SearchPage {
  private readonly locale: Locale;
  private readonly text: (typeof searchMessages)[Locale];
  private readonly input = document.getElementById('search-page-input') as HTMLInputElement;
  private readonly select = document.getElementById('search-category') as HTMLSelectElement;
  private readonly status = document.getElementById('search-status')!;
  private readonly list = document.getElementById('search-results')!;
  private readonly more = document.getElementById('search-more') as HTMLButtonElement;
  private readonly fallback = document.getElementById('search-fallback')!;
  private readonly fallbackList = document.getElementById('search-fallback-list')!;
  private readonly popular = JSON.parse(document.getElementById('search-popular')!.textContent!) as Popular;
  private readonly reporter: ReturnType<typeof searchReporter>;
  private readonly results: SearchResultList;
  /** The search on screen: "more results" asks for more of this one, whatever the form says meanwhile. */
  private shown: { query: string; category?: string } | undefined;
  private generation = 0;

  constructor(locale: Locale) {
    this.locale = locale;
    this.text = searchMessages[locale];
    this.reporter = searchReporter(locale);
    this.results = new SearchResultList(this.list, this.more, {
      moreLabel: this.text.more,
      onChoose: (articleId, position) => this.shown && this.reporter.clicked(this.shown.query, articleId, position),
    });
  }

  /** Typing searches after a pause and replaces the URL; submitting, a category or the back button add to history. */
  listen(): void {
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        this.toUrl('replace');
        void this.run();
      }, 200);
    });
    this.input.form!.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      this.toUrl('push');
      void this.run();
    });
    this.select.addEventListener('change', () => {
      this.toUrl('push');
      void this.run();
    });
    this.more.addEventListener('click', () => void this.showMore());
    addEventListener('popstate', () => {
      this.fromUrl();
      void this.run();
    });
  }

  fromUrl(): void {
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    this.select.value = params.get('category') ?? '';
    keepQueryAcrossLanguages(this.input.value.trim());
  }

  private toUrl(mode: 'push' | 'replace'): void {
    const params = new URLSearchParams();
    if (this.input.value.trim()) params.set('q', this.input.value.trim());
    if (this.select.value) params.set('category', this.select.value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`)
      history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    keepQueryAcrossLanguages(this.input.value.trim());
  }

  /** The page's one call into the engine: the first `limit` results, and how many there are in all. */
  private find(query: string, category: string | undefined, limit: number) {
    return searchSite(query, { locale: this.locale, category, limit });
  }

  private busy(): void {
    this.list.dataset.state = 'loading';
    this.list.setAttribute('aria-busy', 'true');
    this.status.textContent = this.text.loading;
  }

  /** The newest search has answered, or there is none. */
  private settle(): void {
    this.list.removeAttribute('aria-busy');
    // What search.astro held back until the first answer, so that it would not be pushed down, shows with it.
    delete document.documentElement.dataset.resultsPending;
  }

  /**
   * The server answers a linked search in the page itself (server/search/): its results are on screen with the first
   * paint. They are this page's answer when they are for what the URL asks; the engine loads only for the next one.
   */
  adoptServerResults(): boolean {
    const query = this.input.value.trim();
    const { state, query: answered, total } = this.list.dataset;
    if (state !== 'done' || !query || answered !== query || this.select.value) return false;
    this.shown = { query };
    this.results.adopt(Number(total));
    this.reporter.searched(query, Number(total));
    this.settle();
    prepareSiteSearch(this.locale);
    return true;
  }

  /** Searches for what the form says; an answer to an older search than the newest is dropped. */
  async run(): Promise<void> {
    const query = this.input.value.trim();
    const category = this.select.value ? this.select.selectedOptions[0].textContent!.trim() : undefined;
    const mine = ++this.generation;
    this.fallback.hidden = true;
    if (!query) {
      this.clear('', 'idle');
      return this.settle();
    }
    this.busy();
    try {
      const outcome = await this.find(query, category, SEARCH_PAGE_LIMIT);
      if (mine !== this.generation) return; // a newer query is already on its way
      this.shown = { query, category };
      this.render(outcome);
      // `?debug` shows how each word was understood, for whoever tunes search.
      if (new URLSearchParams(location.search).has('debug')) this.list.dataset.debug = JSON.stringify(outcome.terms);
      this.reporter.searched(query, outcome.total);
    } catch {
      if (mine !== this.generation) return;
      this.clear(this.text.failed, 'error');
    } finally {
      if (mine === this.generation) this.settle();
    }
  }

  /** No search on screen: no query, or the engine failed to load. */
  private clear(status: string, state: 'idle' | 'error'): void {
    this.shown = undefined;
    this.results.show([], 0);
    this.status.textContent = status;
    this.list.dataset.state = state;
  }

  private render(outcome: SearchOutcome): void {
    this.results.show(outcome.hits, outcome.total);
    this.list.dataset.state = outcome.hits.length ? 'done' : 'empty';
    this.status.textContent = outcome.hits.length ? resultsStatus(this.locale, outcome) : this.text.none(outcome.query);
    if (!outcome.hits.length) this.showFallback(outcome.partial);
  }

  /** The next batch of the search on screen; focus goes to its first result, and the status says how many now show. */
  private async showMore(): Promise<void> {
    const current = this.shown;
    if (!current || this.list.hasAttribute('aria-busy')) return;
    const mine = this.generation; // a new search drops this answer; this one cancels nothing
    this.busy();
    try {
      const outcome = await this.find(current.query, current.category, this.results.count + SEARCH_PAGE_LIMIT);
      if (mine !== this.generation) return;
      const first = this.results.add(outcome.hits, outcome.total);
      this.status.textContent = this.text.showing(current.query, this.results.count, outcome.total);
      // With nothing new the button is gone; focus must not fall back to the top of the page.
      (first ?? this.list.querySelector<HTMLAnchorElement>('li:last-child a'))?.focus();
    } catch {
      if (mine === this.generation) this.status.textContent = this.text.failed;
    } finally {
      if (mine === this.generation) {
        this.list.dataset.state = 'done';
        this.settle();
      }
    }
  }

  /** No dead ends: partial matches, then the likely category's popular articles; the support hand-off follows. */
  private showFallback(partial: SearchHit[]): void {
    const likely = partial[0]?.category;
    const extra = (likely && this.popular[likely]) || Object.values(this.popular).flat().slice(0, 3);
    const seen = new Set<string>();
    const links = [...partial.map(({ title, url }) => ({ title, url })), ...extra].filter(
      ({ url }) => !seen.has(url) && seen.add(url),
    );
    this.fallbackList.replaceChildren(
      ...links.slice(0, 6).map(({ title, url }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = url;
        link.textContent = title;
        item.append(link);
        return item;
      }),
    );
    this.fallback.hidden = links.length === 0;
  }
}

/** The language switcher opens the other locale's search page with the same words, not an empty one. */
function keepQueryAcrossLanguages(query: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switcher a'))
    link.setAttribute('href', `${link.pathname}${query ? `?q=${encodeURIComponent(query)}` : ''}`);
}
