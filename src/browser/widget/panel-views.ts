/**
 * What the panel's body shows: a list of articles (the context's, or search results), an article read in place, or
 * a status line. Each view draws the whole body; the panel decides which one shows.
 */
import { element } from '../element.ts';
import type { Suggestion } from '../../shared/widget-data.ts';
import type { widgetStrings } from './strings.ts';

/** What every view draws into. */
export interface ViewKit {
  body: HTMLElement;
  text: (typeof widgetStrings)[keyof typeof widgetStrings];
  /** A help-center path as an address the host page can fetch and link to. */
  absolute: (url: string) => string;
}
/** A reader chose an article, at this position in the list (from 1). */
export type OnChoose = (suggestion: Suggestion, position: number) => void;

/** Loading, or a failure. */
export function statusView({ body }: ViewKit, message: string): void {
  body.replaceChildren(paragraph(message, 'status'));
}

/** The context's articles, or the popular ones. */
export function listView(kit: ViewKit, title: string, suggestions: Suggestion[], onChoose: OnChoose): void {
  kit.body.replaceChildren(heading(title), articleList(kit, suggestions, onChoose));
}

/** What the inline search found. */
export function resultsView(kit: ViewKit, hits: Suggestion[], onChoose: OnChoose): void {
  kit.body.replaceChildren(
    heading(kit.text.results),
    hits.length ? articleList(kit, hits, onChoose) : paragraph(kit.text.noResults, 'status'),
  );
}

/** The article read in place, so the customer never leaves the page they were stuck on. */
export async function articleView(kit: ViewKit, suggestion: Suggestion, onBack: () => void): Promise<void> {
  const { body, text, absolute } = kit;
  const back = element('button', { type: 'button', class: 'back' }, `← ${text.back}`);
  back.addEventListener('click', onBack);
  const full = element(
    'a',
    { href: absolute(suggestion.url), target: '_blank', rel: 'noopener', class: 'full' },
    text.openFull,
  );
  const article = element('article', { class: 'article', 'aria-labelledby': 'hl-article-title' });
  const loading = paragraph(text.loading, 'status');
  const articleTitle = element('h3', { id: 'hl-article-title', tabindex: '-1' }, suggestion.title);
  article.append(articleTitle, loading);
  body.replaceChildren(back, article);
  // Screen readers start reading at the article; the heading stays in place so focus is not lost.
  articleTitle.focus();
  try {
    loading.replaceWith(await articleProse(absolute(suggestion.url)), full);
  } catch {
    loading.replaceWith(paragraph(text.failed, 'status'), full);
  }
}

/** The article's body from its page, without scripts, styles or frames, its links and images made absolute. */
async function articleProse(url: string): Promise<HTMLElement> {
  const page = new DOMParser().parseFromString(await (await fetchOk(url)).text(), 'text/html');
  const prose = page.querySelector('.prose');
  if (!prose) throw new Error('no article body');
  for (const node of prose.querySelectorAll('script, style, iframe')) node.remove();
  for (const link of prose.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    link.href = new URL(link.getAttribute('href')!, url).href;
    link.target = '_blank';
    link.rel = 'noopener';
  }
  for (const image of prose.querySelectorAll<HTMLImageElement>('img[src]'))
    image.src = new URL(image.getAttribute('src')!, url).href;
  const content = element('div', { class: 'prose' });
  content.append(...prose.childNodes);
  return content;
}

function articleList({ absolute }: ViewKit, suggestions: Suggestion[], onChoose: OnChoose) {
  const items = element('ol', { class: 'list' });
  suggestions.forEach((suggestion, i) => {
    const link = element('a', { href: absolute(suggestion.url), class: 'item' });
    link.append(element('strong', {}, suggestion.title), element('span', {}, suggestion.description));
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      onChoose(suggestion, i + 1);
    });
    const item = element('li');
    item.append(link);
    items.append(item);
  });
  return items;
}

const paragraph = (content: string, className: string) => element('p', { class: className }, content);
const heading = (content: string) => element('h3', {}, content);

export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
