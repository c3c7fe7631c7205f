/**
 * What readers are saying: one card per theme, largest and fastest-growing first, each with its case in a line,
 * its trend, its most typical comment, the articles and searches behind it (links to their report rows),
 * everything said, and what staff may decide: rename, ignore, merge, split off. Decisions are anchored to the
 * theme's members on the server, so they outlast the next regrouping.
 */
// Types only: the answers of /api/staff/reports/themes and its decisions, as the server builds them.
import type { ThemeItemsPage, ThemeReportEntry } from '../../../server/reports/themes-report.ts';
import type { ThemesAnswer } from '../../../server/staff/theme-routes.ts';
import type { ThemeDecisionRequest } from '../../../server/themes/staff-decision.ts';
import { normalizedOfSearchKey, termsLabel } from '../../shared/themes.ts';
import { element } from '../element.ts';
import { announce } from './controls.ts';
import { periodParams } from './period-params.ts';
import type { Words } from './report-tables.ts';
import { staffFetch, staffSend } from './session.ts';

type Item = ThemeReportEntry['items'][number];

/** The period and filters the page shows, as the themes API reads them. */
export interface ThemeView {
  params: URLSearchParams;
  /** Draws the page again once a decision reshaped the themes. */
  redraw: () => Promise<void>;
}

export function renderThemes(data: ThemesAnswer, words: Words, view: ThemeView): HTMLElement {
  const { messages, locale } = words;
  const box = element('div', { class: 'staff-themes' });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  box.append(
    element(
      'p',
      { class: 'staff-quiet' },
      data.reclusteredAt ? messages.themesGroupedAt(time.format(new Date(data.reclusteredAt))) : messages.themesNotYet,
    ),
  );
  if (!data.themes.length) {
    box.append(element('p', {}, messages.noThemes));
    return box;
  }
  const list = element('ol', { class: 'staff-inbox' });
  for (const theme of data.themes) list.append(themeCard(theme, data.themes, data.articleTitles, words, view));
  box.append(list);
  return box;
}

/** "up 30% from 37 in the previous period", or new, or steady. */
function change({ count, previous, growth }: ThemeReportEntry, { messages, format }: Words): string {
  if (growth === null) return messages.themeNew;
  const percent = format.percent(Math.abs(growth));
  if (count > previous) return messages.themeGrowth(percent, format.number(previous));
  if (count < previous) return messages.themeShrink(percent, format.number(previous));
  return messages.themeSteady(format.number(previous));
}

/** Bars per day, the counts said in words for screen readers. */
function trendBars(trend: ThemeReportEntry['trend'], { messages, format }: Words): HTMLElement {
  const said = trend.map(({ day, count }) => `${format.day(day)} ${format.number(count)}`).join(', ');
  const figure = element('div', { class: 'staff-trend', role: 'img', 'aria-label': messages.themeTrend(said) });
  const highest = Math.max(1, ...trend.map(({ count }) => count));
  for (const { day, count } of trend) {
    const bar = element('span', { title: `${format.day(day)}: ${format.number(count)}` });
    bar.style.height = `${Math.max(8, (count / highest) * 100)}%`;
    figure.append(bar);
  }
  return figure;
}

function themeCard(
  theme: ThemeReportEntry,
  all: ThemeReportEntry[],
  titles: Record<string, string>,
  words: Words,
  view: ThemeView,
): HTMLElement {
  const { messages, format } = words;
  const node = element('li', { class: 'staff-item staff-theme' });
  const headingId = `theme-${theme.id}`;
  node.setAttribute('aria-labelledby', headingId);
  node.append(element('h2', { id: headingId, tabindex: '-1' }, theme.label));
  // A theme staff named shows the words it would otherwise be named by.
  if (theme.label !== termsLabel(theme.terms) && theme.terms.length)
    node.append(element('p', { class: 'staff-quiet' }, messages.themeKeywords(theme.terms.join(', '))));
  node.append(
    element(
      'p',
      { class: 'staff-theme-case' },
      `${messages.themeCase(format.number(theme.count), theme.articles.length ? format.number(theme.articles.length) : '')} · ${change(theme, words)} · ${messages.themeReaders(format.number(theme.readers))}`,
    ),
  );
  if (theme.trend.length > 1) node.append(trendBars(theme.trend, words));
  if (theme.example) {
    const example = element('figure', { class: 'staff-theme-example' });
    example.append(
      element('figcaption', { class: 'staff-quiet' }, messages.themeExample),
      element('blockquote', {}, theme.example),
    );
    node.append(example);
  }
  node.append(rowLinks(theme, titles, words, view));
  node.append(everythingSaid(theme, words, view), decisions(theme, all, words, view));
  return node;
}

/** Links shown at first in each list; the rest open on demand, so a card stays short. */
const FIRST_LINKS = 5;

/** The report rows behind the theme: its articles' rows and its searches' rows, in the same period. */
function rowLinks(theme: ThemeReportEntry, titles: Record<string, string>, words: Words, view: ThemeView) {
  const { messages, format } = words;
  const period = periodParams(view.params);
  const listOf = (links: [string, string][]) => {
    const list = element('ul', {});
    for (const [href, text] of links) {
      const item = element('li', {});
      item.append(element('a', { href }, text));
      list.append(item);
    }
    return list;
  };
  const linkList = (heading: string, links: [string, string][]) => {
    const section = element('div', { class: 'staff-theme-links' });
    section.append(element('h3', {}, heading), listOf(links.slice(0, FIRST_LINKS)));
    if (links.length > FIRST_LINKS) {
      const more = element('details', {});
      more.append(
        element('summary', {}, messages.moreCount(format.number(links.length - FIRST_LINKS))),
        listOf(links.slice(FIRST_LINKS)),
      );
      section.append(more);
    }
    return section;
  };
  const href = (report: string, row: string) => `/staff/${report}/?${new URLSearchParams([...period, ['row', row]])}`;
  const parts: HTMLElement[] = [];
  if (theme.articles.length)
    parts.push(
      linkList(
        messages.themeArticles,
        theme.articles.map((id) => [href('unhelpful', id), titles[id] ?? id]),
      ),
    );
  // A search shows as readers typed it; its report row is found by its normalized form.
  const typed = new Map(
    theme.items
      .filter((item) => item.source === 'searches')
      .map((item) => [normalizedOfSearchKey(item.key), item.text]),
  );
  const queries = [...new Set(theme.queries)];
  if (queries.length)
    parts.push(
      linkList(
        messages.themeQueries,
        queries.map((query) => [href('failed-searches', query), typed.get(query) ?? query]),
      ),
    );
  if (theme.items.some((item) => item.source === 'survey')) {
    const survey = element('p', {});
    survey.append(element('a', { href: `/staff/survey/?${period}` }, messages.themeSurvey));
    parts.push(survey);
  }
  const box = element('div', { class: 'staff-theme-rows' });
  box.append(...parts);
  return box;
}

/** Every member in the period, newest first, a page at a time, each with a box to choose it for a split. */
function everythingSaid(theme: ThemeReportEntry, words: Words, view: ThemeView): HTMLElement {
  const { messages, format } = words;
  const details = element('details', { class: 'staff-log' });
  details.append(element('summary', {}, messages.themeAllSaid(format.number(theme.itemsTotal))));
  const list = element('ul', { class: 'staff-theme-said' });
  const add = (items: Item[]) => {
    for (const item of items) {
      const row = element('li', {});
      const label = element('label', {});
      const box = element('input', {
        type: 'checkbox',
        value: item.key,
        'aria-label': messages.themeSelect(item.text),
      });
      label.append(box, element('span', {}, item.text));
      row.append(
        label,
        element('span', { class: 'staff-quiet' }, `${messages.themeSource[item.source]} · ${format.date(item.at)}`),
      );
      list.append(row);
    }
  };
  add(theme.items);
  details.append(list);
  let page = 1;
  if (theme.itemsTotal > theme.items.length) {
    const more = element('button', { type: 'button', class: 'staff-button' }, messages.themeMore);
    more.addEventListener('click', async () => {
      page += 1;
      const response = await staffFetch(
        `/api/staff/reports/themes/${theme.id}/items?${new URLSearchParams([...view.params, ['page', String(page)]])}`,
      );
      if (!response.ok) return announce(messages.couldNotLoad);
      const next = (await response.json()) as ThemeItemsPage;
      add(next.items);
      if (page * next.pageSize >= next.total) more.remove();
    });
    details.append(more);
  }
  const split = element('button', { type: 'button', class: 'staff-button' }, messages.themeSplit);
  split.addEventListener('click', () => {
    const chosen = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
    if (!chosen.length) return announce(messages.themeSplitPick);
    void decide(theme.id, { kind: 'split', items: chosen }, words, view);
  });
  details.append(split);
  return details;
}

/** Rename, ignore or show again, merge with another theme. */
function decisions(theme: ThemeReportEntry, all: ThemeReportEntry[], words: Words, view: ThemeView): HTMLElement {
  const { messages } = words;
  const box = element('div', { class: 'staff-actions', role: 'group', 'aria-label': messages.themeActions });

  const rename = element('form', { class: 'staff-inline' });
  const name = element('input', { name: 'label', required: '', maxlength: '120', 'aria-label': messages.themeName });
  name.value = theme.label;
  rename.append(name, element('button', { type: 'submit', class: 'staff-button' }, messages.themeRename));
  rename.addEventListener('submit', (event) => {
    event.preventDefault();
    void decide(theme.id, { kind: 'rename', label: name.value }, words, view);
  });

  const ignore = element(
    'button',
    { type: 'button', class: 'staff-button' },
    theme.ignored ? messages.themeRestore : messages.themeIgnore,
  );
  ignore.addEventListener(
    'click',
    () => void decide(theme.id, { kind: theme.ignored ? 'restore' : 'ignore' }, words, view),
  );
  box.append(rename, ignore);

  const others = all.filter((other) => other.id !== theme.id);
  if (others.length) {
    const merge = element('form', { class: 'staff-inline' });
    const select = element('select', { name: 'with', 'aria-label': messages.themeMergeWith });
    for (const other of others) select.append(element('option', { value: other.id }, other.label));
    merge.append(select, element('button', { type: 'submit', class: 'staff-button' }, messages.themeMerge));
    merge.addEventListener('submit', (event) => {
      event.preventDefault();
      void decide(theme.id, { kind: 'merge', with: select.value }, words, view);
    });
    box.append(merge);
  }
  return box;
}

async function decide(id: string, request: ThemeDecisionRequest, { messages }: Words, view: ThemeView) {
  const response = await staffSend('POST', `/api/staff/themes/${id}/decisions`, request);
  if (!response.ok) return announce(messages.couldNotSave);
  const { themes } = (await response.json()) as { themes: { id: string }[] };
  await view.redraw();
  announce(messages.themeDone);
  // The keyboard stays with the theme the decision made (a merge's, a split's new one), or the page's title.
  (
    themes.map((theme) => document.getElementById(`theme-${theme.id}`)).find(Boolean) ??
    document.getElementById('staff-title')
  )?.focus();
}
