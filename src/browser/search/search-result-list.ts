import type { SearchHit } from '../../shared/search/engine.ts';

export interface SearchResultListOptions {
  /** The "more results" button's text for the results not shown yet. */
  moreLabel: (remaining: number) => string;
  /** A reader chose a result, at this position in the list (from 1). */
  onChoose: (hit: SearchHit, position: number) => void;
}

/**
 * The ranked results and the button that shows more of them. Results already shown keep their place: a longer
 * answer to the same search only adds the pages not listed yet, so the reader's place and focus stay put.
 */
export class SearchResultList {
  private readonly list: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly options: SearchResultListOptions;
  private readonly ids = new Set<string>();

  constructor(list: HTMLElement, more: HTMLButtonElement, options: SearchResultListOptions) {
    this.list = list;
    this.more = more;
    this.options = options;
  }

  get count(): number {
    return this.ids.size;
  }

  /** Replaces the list with the first results of a new search. */
  show(hits: SearchHit[], total: number): void {
    this.ids.clear();
    this.list.replaceChildren();
    this.add(hits, total);
  }

  /** Adds the results not listed yet, in their rank order, and returns the first one's link. */
  add(hits: SearchHit[], total: number): HTMLAnchorElement | undefined {
    const added = hits.filter((hit) => !this.ids.has(hit.id)).map((hit) => this.item(hit, this.ids.add(hit.id).size));
    this.list.append(...added);
    const remaining = Math.max(0, total - this.count);
    this.more.hidden = remaining === 0;
    this.more.textContent = this.options.moreLabel(remaining);
    return added[0]?.querySelector('a') ?? undefined;
  }

  private item(hit: SearchHit, position: number): HTMLLIElement {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'search-result__link';
    link.href = hit.url;
    link.textContent = hit.title;
    link.addEventListener('click', () => this.options.onChoose(hit, position));
    const category = document.createElement('span');
    category.className = 'search-results__category';
    category.textContent = hit.category;
    const excerpt = document.createElement('p');
    excerpt.innerHTML = hit.excerpt; // built by the engine from escaped page text
    item.append(link, category, excerpt);
    return item;
  }
}
