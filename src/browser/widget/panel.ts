/**
 * The widget's panel, loaded from the help center when a reader first opens the launcher: the context's articles,
 * an inline search with the help center's own engine, articles read in place, and the support hand-off. Everything
 * it shows comes from static files; the API only adds helpfulness to the order and receives events, so the panel
 * works when the API is down or refuses this site.
 */
import { element } from '../element.ts';
import { sendBeacon } from '../beacon.ts';
import type { Locale } from '../../shared/locales.ts';
import { searchReporter } from '../search/report.ts';
import { prefillContactUrl, prefillMailto } from '../../shared/contact-link.ts';
import type { Suggestion, WidgetData } from '../../shared/widget-data.ts';
import { matchContext } from './match.ts';
import { orderSuggestions } from './order.ts';
import { PANEL_CSS } from './panel-style.ts';
import { widgetStrings } from './strings.ts';

export interface PanelOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** The help center's address, ending in `/`. */
  base: string;
  locale: Locale;
  pathPrefix: string;
}

export interface Panel {
  open(context?: string): void;
  close(): void;
  setContext(context?: string): void;
}

/** How long the panel waits for the API's helpfulness before showing the editor's order alone. */
const HELPFULNESS_WAIT_MS = 800;
const SEARCH_DELAY_MS = 200;

type Shown = { kind: 'list' } | { kind: 'article'; suggestion: Suggestion };

export function mountPanel({ root, launcher, base, locale, pathPrefix }: PanelOptions): Panel {
  const text = widgetStrings[locale];
  const data = fetchJson<WidgetData>(`${base}widget/${locale}.json`);
  const reporter = searchReporter(locale, base);
  let explicit: string | undefined;
  let context: WidgetData['contexts'][number] | undefined;
  let query = '';
  let shown: Shown = { kind: 'list' };
  let returnFocus: HTMLElement | null = null;

  const style = new CSSStyleSheet();
  style.replaceSync(PANEL_CSS);
  const dialog = element('div', { class: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'hl-title', lang: locale, hidden: '' });
  dialog.innerHTML = `
    <header class="head">
      <h2 id="hl-title"></h2>
      <button type="button" class="close" aria-label="${text.close}">×</button>
    </header>
    <form class="search" role="search">
      <label for="hl-q">${text.searchLabel}</label>
      <input id="hl-q" type="search" autocomplete="off" placeholder="${text.searchPlaceholder}">
    </form>
    <div class="body" aria-live="polite"></div>
    <footer class="handoff">
      <p>${text.stillNeedHelp}</p>
      <a class="contact" target="_blank" rel="noopener">${text.contact}</a>
    </footer>`;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, style];
  root.append(dialog);
  const title = dialog.querySelector('h2')!;
  const input = dialog.querySelector('input')!;
  const body = dialog.querySelector<HTMLElement>('.body')!;
  const contact = dialog.querySelector<HTMLAnchorElement>('.contact')!;

  const track = (type: 'impression' | 'click' | 'contact', extra: Record<string, unknown> = {}) =>
    sendBeacon(`${base}api/widget-events`, { type, context: context?.key ?? 'none', locale, ...extra });

  async function load() {
    const loaded = await data;
    context = loaded.contexts.find((c) => c.key === explicit) ?? loaded.contexts.find((c) => c.key === matchContext(location.pathname, loaded.contexts, pathPrefix));
    title.textContent = context ? `${context.title} ${text.help}` : loaded.name;
    const listed = context?.articles.length ? context.articles : loaded.popular;
    return { loaded, suggestions: orderSuggestions(listed, await helpfulness(listed)) };
  }

  /** Readers' votes reorder articles the editor ranked alike; a slow or refusing API changes nothing. */
  async function helpfulness(articles: Suggestion[]): Promise<Record<string, number>> {
    if (!articles.length) return {};
    const url = `${base}api/helpfulness?locale=${locale}&ids=${encodeURIComponent(articles.map((a) => a.id).join(','))}`;
    const wait = new Promise<Record<string, number>>((done) => setTimeout(() => done({}), HELPFULNESS_WAIT_MS));
    const answer = fetchJson<{ articles: Record<string, number> }>(url).then((found) => found.articles, () => ({}));
    return Promise.race([answer, wait]);
  }

  async function showList() {
    shown = { kind: 'list' };
    body.replaceChildren(paragraph(text.loading, 'status'));
    try {
      const { suggestions } = await load();
      body.replaceChildren(heading(context ? text.common : text.popular), list(suggestions));
      track('impression');
    } catch {
      body.replaceChildren(paragraph(text.failed, 'status'));
    }
    updateContact();
  }

  function list(suggestions: Suggestion[], fromQuery?: string) {
    const items = element('ol', { class: 'list' });
    suggestions.forEach((suggestion, i) => {
      const link = element('a', { href: absolute(suggestion.url), class: 'item' });
      link.append(element('strong', {}, suggestion.title), element('span', {}, suggestion.description));
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        if (fromQuery) reporter.clicked(fromQuery, suggestion.id, i + 1);
        track('click', { articleId: suggestion.id, position: i + 1 });
        void showArticle(suggestion);
      });
      const item = element('li');
      item.append(link);
      items.append(item);
    });
    return items;
  }

  /** The article read in place, so the customer never leaves the page they were stuck on. */
  async function showArticle(suggestion: Suggestion) {
    shown = { kind: 'article', suggestion };
    updateContact();
    const back = element('button', { type: 'button', class: 'back' }, `← ${text.back}`);
    back.addEventListener('click', () => void (query ? runSearch(query) : showList()));
    const full = element('a', { href: absolute(suggestion.url), target: '_blank', rel: 'noopener', class: 'full' }, text.openFull);
    const article = element('article', { class: 'article', 'aria-labelledby': 'hl-article-title' });
    const loading = paragraph(text.loading, 'status');
    const articleTitle = element('h3', { id: 'hl-article-title', tabindex: '-1' }, suggestion.title);
    article.append(articleTitle, loading);
    body.replaceChildren(back, article);
    // Screen readers start reading at the article; the heading stays in place so focus is not lost.
    articleTitle.focus();
    try {
      const page = new DOMParser().parseFromString(await (await fetchOk(absolute(suggestion.url))).text(), 'text/html');
      const prose = page.querySelector('.prose');
      if (!prose) throw new Error('no article body');
      for (const node of prose.querySelectorAll('script, style, iframe')) node.remove();
      for (const link of prose.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        link.href = new URL(link.getAttribute('href')!, absolute(suggestion.url)).href;
        link.target = '_blank';
        link.rel = 'noopener';
      }
      for (const image of prose.querySelectorAll<HTMLImageElement>('img[src]')) image.src = new URL(image.getAttribute('src')!, absolute(suggestion.url)).href;
      const content = element('div', { class: 'prose' });
      content.append(...prose.childNodes);
      loading.replaceWith(content, full);
    } catch {
      loading.replaceWith(paragraph(text.failed, 'status'), full);
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(input.value.trim()), SEARCH_DELAY_MS);
  });
  dialog.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void runSearch(input.value.trim());
  });

  /** The help center's own engine, over its own index, loaded on the first search only. */
  async function runSearch(typed: string) {
    query = typed;
    updateContact();
    if (!typed) return showList();
    try {
      const { searchSite } = await import('../search/site-search.ts');
      const outcome = await searchSite(typed, { locale, limit: 5, base });
      if (typed !== query) return;
      shown = { kind: 'list' };
      reporter.searched(typed, outcome.total);
      const hits = outcome.hits.map((hit) => ({ id: hit.id, title: hit.title, description: hit.category, url: hit.url }));
      body.replaceChildren(heading(text.results), hits.length ? list(hits, typed) : paragraph(text.noResults, 'status'));
    } catch {
      body.replaceChildren(paragraph(text.failed, 'status'));
    }
  }

  /** The contact link says what the reader was looking at: the article, the search, or the page's context. */
  function updateContact() {
    const subject = shown.kind === 'article' ? shown.suggestion.title : query || context?.title || '';
    const filled = { subject, page: location.href };
    void data.then((loaded) => {
      const { contactUrl, email } = loaded.support;
      contact.href = contactUrl ? prefillContactUrl(contactUrl, filled) : prefillMailto(email ?? '', filled);
    });
  }
  contact.addEventListener('click', () => {
    const articleId = shown.kind === 'article' ? shown.suggestion.id : undefined;
    track('contact', articleId ? { articleId } : {});
    // Also the help center's own hand-off record, so a widget search that found nothing counts in the funnel.
    sendBeacon(`${base}api/contact-clicks`, { locale, ...(articleId && { articleId }), ...(!articleId && query && { query }) });
  });

  const close = () => {
    if (dialog.hidden) return;
    dialog.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    (returnFocus?.isConnected ? returnFocus : launcher).focus();
  };
  dialog.querySelector('.close')!.addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') trapFocus(event);
  });

  /** Tab and Shift+Tab go round the panel's controls and never out to the page behind it. */
  function trapFocus(event: KeyboardEvent) {
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex="0"]')].filter((node) => node.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  const absolute = (url: string) => new URL(url.replace(/^\//, ''), base).href;

  return {
    open(key) {
      explicit = key;
      if (!dialog.hidden) return;
      returnFocus = (document.activeElement as HTMLElement | null) ?? launcher;
      if (returnFocus === document.querySelector('[data-helploop-widget]')) returnFocus = launcher;
      dialog.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      input.value = '';
      query = '';
      void showList();
      input.focus();
    },
    close,
    setContext(key) {
      explicit = key;
      if (!dialog.hidden && shown.kind === 'list' && !query) void showList();
    },
  };
}

const paragraph = (content: string, className: string) => element('p', { class: className }, content);
const heading = (content: string) => element('h3', {}, content);

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const fetchJson = async <T>(url: string): Promise<T> => (await fetchOk(url)).json() as Promise<T>;
