/**
 * A search box that suggests articles as the reader types: a WAI-ARIA combobox (list autocomplete) over the
 * plain search form, which keeps working without JavaScript. The search engine loads on first input only,
 * so pages that are read but not searched stay small.
 */
import type { SearchHit } from '../../shared/search/engine.ts';
import { searchMessages } from '../../shared/search/search-messages.ts';
import { documentLocale } from '../document-locale.ts';
// Every page's header has a search box: its keyboard shortcut and setting come with it, in the same download.
import './search-shortcut.ts';

const SUGGESTIONS = 5;

class SearchBox extends HTMLElement {
  private input!: HTMLInputElement;
  private listbox!: HTMLUListElement;
  private panel!: HTMLElement;
  private all!: HTMLAnchorElement;
  private announce!: HTMLElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reporter?: ReturnType<typeof import('./report.ts').searchReporter>;

  connectedCallback(): void {
    if (!this.hasAttribute('data-suggest') || this.input) return;
    this.input = this.querySelector('input')!;
    this.listbox = this.querySelector('[role=listbox]')!;
    this.panel = this.querySelector('.search-suggestions')!;
    this.all = this.querySelector('.search-suggestions__all')!;
    this.announce = this.querySelector('[data-announce]')!;
    Object.entries({
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': this.listbox.id,
    }).forEach(([name, value]) => this.input.setAttribute(name, value));
    this.input.addEventListener('input', () => this.scheduleSearch());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () =>
      setTimeout(() => !this.contains(document.activeElement) && this.close(), 150),
    );
    this.listbox.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('[role=option]');
      if (option) this.choose(Number(option.getAttribute('data-index')));
    });
  }

  private scheduleSearch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.suggest(), 120);
  }

  private async suggest(): Promise<void> {
    const query = this.input.value.trim();
    const mine = ++this.generation;
    if (!query) return this.close();
    const locale = documentLocale();
    try {
      const [{ searchSite }, { searchReporter }] = await Promise.all([
        import('./site-search.ts'),
        import('./report.ts'),
      ]);
      this.reporter ??= searchReporter(locale);
      const outcome = await searchSite(query, { locale, limit: SUGGESTIONS, typing: true });
      if (mine !== this.generation) return;
      this.hits = outcome.hits;
      this.render(query, searchMessages[locale]);
      this.reporter.searched(query, outcome.total);
    } catch {
      // Suggestions are a convenience: if search cannot load, Enter still opens the search page.
      if (mine === this.generation) this.close();
    }
  }

  private render(query: string, text: (typeof searchMessages)['ko']): void {
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren(
      ...this.hits.map((hit, index) => {
        const option = document.createElement('li');
        option.id = `${this.listbox.id}-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.index = String(index);
        const title = document.createElement('span');
        title.className = 'search-suggestion__title';
        title.textContent = hit.title;
        const category = document.createElement('span');
        category.className = 'search-suggestion__category';
        category.textContent = hit.category;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-suggestion__excerpt';
        // Screen readers name an option by its title and category; the excerpt is for the eye, read on the page.
        excerpt.setAttribute('aria-hidden', 'true');
        excerpt.innerHTML = hit.excerpt; // escaped by the engine; only <mark> is markup
        option.append(title, category, excerpt);
        return option;
      }),
    );
    this.all.href = `${this.input.form!.action}?q=${encodeURIComponent(query)}`;
    this.all.textContent = text.searchAll(query);
    this.panel.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.announce.textContent = text.suggestions(this.hits.length);
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.panel.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open || !this.hits.length) return;
      event.preventDefault();
      const next = this.active + (event.key === 'ArrowDown' ? 1 : -1);
      this.highlight(next < -1 ? this.hits.length - 1 : next);
    } else if (event.key === 'Enter' && open && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        this.close();
      } else this.input.value = '';
    }
  }

  /** -1 (or past the end) means back in the text box. */
  private highlight(index: number): void {
    this.active = index >= this.hits.length ? -1 : index;
    this.listbox
      .querySelectorAll('[role=option]')
      .forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
    if (this.active < 0) this.input.removeAttribute('aria-activedescendant');
    else this.input.setAttribute('aria-activedescendant', `${this.listbox.id}-${this.active}`);
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.reporter?.clicked(this.input.value.trim(), hit.id, index + 1);
    location.href = hit.url;
  }

  private close(): void {
    this.generation++;
    if (!this.panel) return;
    this.panel.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}

customElements.define('search-box', SearchBox);
