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
import { articleView, fetchOk, listView, resultsView, statusView, type ViewKit } from './panel-views.ts';
import { PANEL_CSS } from './panel-style.ts';
import { widgetStrings } from './strings.ts';

export interface PanelOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** The help center's address, ending in `/`. */
  base: string;
  locale: Locale;
  pathPrefix: string;
  /** Called when the reader closes the panel after reading an article in it: a finished widget session. */
  sessionEnded?: () => void;
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
type Text = ViewKit['text'];

export function mountPanel(options: PanelOptions): Panel {
  return new WidgetPanel(options);
}

/** The panel and what it shows; each view (list, results, article) is drawn by panel-views.ts. */
class WidgetPanel implements Panel {
  private readonly options: PanelOptions;
  private readonly text: Text;
  private readonly data: Promise<WidgetData>;
  private readonly reporter: ReturnType<typeof searchReporter>;
  private readonly frame: ReturnType<typeof panelFrame>;
  private readonly kit: ViewKit;
  private explicit: string | undefined;
  private context: WidgetData['contexts'][number] | undefined;
  private query = '';
  private shown: Shown = { kind: 'list' };
  private returnFocus: HTMLElement | null = null;
  /** What opening made inert on the host page, to give back on closing (and nothing the page made inert itself). */
  private inerted: HTMLElement[] = [];
  /** Whether the reader read an article since the panel opened. */
  private read = false;

  constructor(options: PanelOptions) {
    const { root, base, locale } = options;
    this.options = options;
    this.text = widgetStrings[locale];
    this.data = fetchJson<WidgetData>(`${base}widget/${locale}.json`);
    this.reporter = searchReporter(locale, base);
    this.frame = panelFrame(root, locale, this.text);
    this.kit = {
      body: this.frame.body,
      text: this.text,
      absolute: (url) => new URL(url.replace(/^\//, ''), base).href,
    };
    this.listen();
  }

  open(key?: string): void {
    const { launcher } = this.options;
    this.explicit = key;
    if (!this.frame.dialog.hidden) return;
    this.returnFocus = (document.activeElement as HTMLElement | null) ?? launcher;
    if (this.returnFocus === document.querySelector('[data-helploop-widget]')) this.returnFocus = launcher;
    this.frame.dialog.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    // A modal dialog: the page behind it is out of reach of the keyboard, the pointer and screen readers.
    this.inerted = [...document.body.children].filter(
      (node): node is HTMLElement => node instanceof HTMLElement && node !== this.options.root.host && !node.inert,
    );
    for (const node of this.inerted) node.inert = true;
    this.frame.input.value = '';
    this.query = '';
    this.read = false;
    void this.showList();
    this.frame.input.focus();
  }

  close(): void {
    const { dialog } = this.frame;
    if (dialog.hidden) return;
    dialog.hidden = true;
    for (const node of this.inerted) node.inert = false;
    this.inerted = [];
    this.options.launcher.setAttribute('aria-expanded', 'false');
    (this.returnFocus?.isConnected ? this.returnFocus : this.options.launcher).focus();
    if (this.read) this.options.sessionEnded?.();
  }

  setContext(key?: string): void {
    this.explicit = key;
    if (!this.frame.dialog.hidden && this.shown.kind === 'list' && !this.query) void this.showList();
  }

  private listen(): void {
    const { dialog, input, form, contact, closeButton } = this.frame;
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.showResults(input.value.trim()), SEARCH_DELAY_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      void this.showResults(input.value.trim());
    });
    contact.addEventListener('click', () => this.handOff());
    closeButton.addEventListener('click', () => this.close());
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        // As in a search field anywhere: the first Escape empties a filled box, the next one closes.
        if (event.target === input && input.value) {
          input.value = '';
          clearTimeout(timer);
          void this.showResults('');
        } else this.close();
      } else if (event.key === 'Tab') trapFocus(dialog, this.options.root, event);
    });
  }

  private track(type: 'impression' | 'click' | 'contact', extra: Record<string, unknown> = {}) {
    const { base, locale } = this.options;
    sendBeacon(`${base}api/widget-events`, { type, context: this.context?.key ?? 'none', locale, ...extra });
  }

  /** The context the page or the host asked for, and its articles in the order readers found most helpful. */
  private async load() {
    const { base, locale, pathPrefix } = this.options;
    const loaded = await this.data;
    this.context =
      loaded.contexts.find((c) => c.key === this.explicit) ??
      loaded.contexts.find((c) => c.key === matchContext(location.pathname, loaded.contexts, pathPrefix));
    this.frame.title.textContent = this.context ? `${this.context.title} ${this.text.help}` : loaded.name;
    const listed = this.context?.articles.length ? this.context.articles : loaded.popular;
    return orderSuggestions(listed, await helpfulness(base, locale, listed));
  }

  private async showList() {
    this.shown = { kind: 'list' };
    statusView(this.kit, this.text.loading);
    try {
      const suggestions = await this.load();
      const title = this.context ? this.text.common : this.text.popular;
      listView(this.kit, title, suggestions, (suggestion, position) => this.choose(suggestion, position));
      this.announce(`${title}: ${count(this.text.articles, suggestions.length)}`);
      this.track('impression');
    } catch {
      statusView(this.kit, this.text.failed);
      this.announce(this.text.failed);
    }
    this.updateContact();
  }

  /** The help center's own engine, over its own index, loaded on the first search only. */
  private async showResults(typed: string) {
    this.query = typed;
    this.updateContact();
    if (!typed) return this.showList();
    const { base, locale } = this.options;
    try {
      const { searchSite } = await import('../search/site-search.ts');
      const outcome = await searchSite(typed, { locale, limit: 5, base });
      if (typed !== this.query) return;
      this.shown = { kind: 'list' };
      this.reporter.searched(typed, outcome.total);
      const hits = outcome.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        description: hit.category,
        url: hit.url,
      }));
      resultsView(this.kit, hits, (suggestion, position) => {
        this.reporter.clicked(typed, suggestion.id, position);
        this.choose(suggestion, position);
      });
      this.announce(count(this.text.resultCount, hits.length));
    } catch {
      statusView(this.kit, this.text.failed);
      this.announce(this.text.failed);
    }
  }

  /**
   * Screen readers hear how many articles a view lists and what changed, not the whole list: the body is not a
   * live region, this one line is.
   */
  private announce(message: string) {
    this.frame.live.textContent = message;
  }

  private choose(suggestion: Suggestion, position: number) {
    this.track('click', { articleId: suggestion.id, position });
    this.read = true;
    this.shown = { kind: 'article', suggestion };
    this.updateContact();
    void articleView(this.kit, suggestion, () => void (this.query ? this.showResults(this.query) : this.showList()));
  }

  /** The contact link says what the reader was looking at: the article, the search, or the page's context. */
  private updateContact() {
    const subject =
      this.shown.kind === 'article' ? this.shown.suggestion.title : this.query || this.context?.title || '';
    const filled = { subject, page: location.href };
    void this.data.then((loaded) => {
      const { contactUrl, email } = loaded.support;
      this.frame.contact.href = contactUrl ? prefillContactUrl(contactUrl, filled) : prefillMailto(email ?? '', filled);
    });
  }

  private handOff() {
    const { base, locale } = this.options;
    const articleId = this.shown.kind === 'article' ? this.shown.suggestion.id : undefined;
    this.track('contact', articleId ? { articleId } : {});
    // Also the help center's own hand-off record, so a widget search that found nothing counts in the funnel.
    sendBeacon(`${base}api/contact-clicks`, {
      locale,
      ...(articleId && { articleId }),
      ...(!articleId && this.query && { query: this.query }),
    });
  }
}

/** The dialog around the views: title, search form, body, and the support hand-off. */
function panelFrame(root: ShadowRoot, locale: Locale, text: Text) {
  const style = new CSSStyleSheet();
  style.replaceSync(PANEL_CSS);
  const dialog = element('div', {
    class: 'panel',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'hl-title',
    lang: locale,
    hidden: '',
  });
  dialog.innerHTML = `
    <div class="head">
      <h2 id="hl-title"></h2>
      <button type="button" class="close" aria-label="${text.close}">×</button>
    </div>
    <form class="search" role="search">
      <label for="hl-q">${text.searchLabel}</label>
      <input id="hl-q" type="search" autocomplete="off" placeholder="${text.searchPlaceholder}">
    </form>
    <div class="body"></div>
    <p class="live" aria-live="polite"></p>
    <div class="handoff">
      <p>${text.stillNeedHelp}</p>
      <a class="contact" target="_blank" rel="noopener">${text.contact}</a>
    </div>`;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, style];
  root.append(dialog);
  return {
    dialog,
    title: dialog.querySelector('h2')!,
    form: dialog.querySelector('form')!,
    input: dialog.querySelector('input')!,
    body: dialog.querySelector<HTMLElement>('.body')!,
    live: dialog.querySelector<HTMLElement>('.live')!,
    contact: dialog.querySelector<HTMLAnchorElement>('.contact')!,
    closeButton: dialog.querySelector<HTMLButtonElement>('.close')!,
  };
}

/** Readers' votes reorder articles the editor ranked alike; a slow or refusing API changes nothing. */
async function helpfulness(base: string, locale: Locale, articles: Suggestion[]): Promise<Record<string, number>> {
  if (!articles.length) return {};
  const url = `${base}api/helpfulness?locale=${locale}&ids=${encodeURIComponent(articles.map((a) => a.id).join(','))}`;
  const wait = new Promise<Record<string, number>>((done) => setTimeout(() => done({}), HELPFULNESS_WAIT_MS));
  const answer = fetchJson<{ articles: Record<string, number> }>(url).then(
    (found) => found.articles,
    () => ({}),
  );
  return Promise.race([answer, wait]);
}

/** Tab and Shift+Tab go round the panel's controls and never out to the page behind it. */
function trapFocus(dialog: HTMLElement, root: ShadowRoot, event: KeyboardEvent) {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex="0"]')].filter(
    (node) => node.getClientRects().length > 0,
  );
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

/** A count in a sentence of the widget's strings (`도움말 {count}개`). */
const count = (sentence: string, n: number) => sentence.replace('{count}', String(n));

const fetchJson = async <T>(url: string): Promise<T> => (await fetchOk(url)).json() as Promise<T>;
