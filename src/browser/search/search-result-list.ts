import type { SearchHit } from '../../shared/search/engine.ts';
import { resultItemHtml } from '../../shared/search/result-list.ts';

export interface SearchResultListOptions {
  /** The "more results" button's text for the results not shown yet. */
  moreLabel: (remaining: number) => string;
  /** A reader chose a result: the article's id, at this position in the list (from 1). */
  onChoose: (articleId: string, position: number) => void;
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
    // One listener for every result, the server's included: each item says which article it is and where.
    list.addEventListener('click', (event) => {
      const item = (event.target as Element).closest?.('.search-result__link')?.closest('li');
      if (item?.dataset.id) this.options.onChoose(item.dataset.id, Number(item.dataset.position));
    });
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

  /** Takes over the results the server wrote into the page, as if `show` had put them there. */
  adopt(total: number): void {
    for (const item of this.list.querySelectorAll<HTMLLIElement>(':scope > li[data-id]'))
      this.ids.add(item.dataset.id!);
    this.add([], total);
  }

  /** Adds the results not listed yet, in their rank order, and returns the first one's link. */
  add(hits: SearchHit[], total: number): HTMLAnchorElement | undefined {
    const template = document.createElement('template');
    template.innerHTML = hits
      .filter((hit) => !this.ids.has(hit.id))
      .map((hit) => resultItemHtml(hit, this.ids.add(hit.id).size))
      .join('');
    const first = template.content.querySelector('a') ?? undefined;
    this.list.append(template.content);
    const remaining = Math.max(0, total - this.count);
    this.more.hidden = remaining === 0;
    this.more.textContent = this.options.moreLabel(remaining);
    return first;
  }
}
