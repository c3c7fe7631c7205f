/**
 * What each list report shows: its few columns, and the detail panel that holds the rest (the decision, the
 * comments, the full path, the commands). Every word comes from the staff member's language.
 */
import { reasonLabels, type UnhelpfulReason } from '../../shared/feedback-reasons.ts';
import type { Locale } from '../../shared/locales.ts';
import { ARTICLE_STATUSES, QUERY_STATUSES, SYNONYM_STATUSES } from '../../shared/review-statuses.ts';
import type { StaffMessages } from '../../shared/staff-messages.ts';
import type { ListReport } from '../../shared/staff-reports.ts';
import { SEARCH_PAGE_LIMIT } from '../../shared/search/result-list.ts';
// Types only: the answers of /api/staff/reports/*, as the server builds them.
import type { ReportRows } from '../../../server/reports/report-rows.ts';
import type { Helpfulness } from '../../../server/reports/unhelpful.ts';
import { element } from '../element.ts';
import { copyField, reviewForm, shortPath } from './controls.ts';
import type { Formatters } from './format.ts';
import { saveArticleReview, saveQueryReview, saveSynonymReview } from './reviews.ts';
import type { Column, TableSpec } from './table.ts';

export interface Words {
  locale: Locale;
  messages: StaffMessages;
  format: Formatters;
}

type Spec<R extends ListReport> = Omit<TableSpec<ReportRows[R]>, 'sort' | 'caption'>;

/** Two lines in a cell: the fact, and a quieter line that qualifies it. */
function twoLines(first: string | Node, second?: string | Node): HTMLElement {
  const box = element('div');
  box.append(first);
  if (second) box.append(typeof second === 'string' ? element('span', { class: 'staff-quiet' }, second) : second);
  return box;
}

/** "Helpful for 2 of 9 readers", and where the share of all readers likely lies. */
export function helpfulnessWords(
  { helpful, votes, helpfulRange }: Helpfulness,
  { messages, format }: Words,
): [string, string?] {
  if (!votes || !helpfulRange) return [messages.noVotes];
  return [
    messages.helpfulOf(format.number(helpful), format.number(votes)),
    messages.likelyRange(format.percent(helpfulRange.low), format.percent(helpfulRange.high)),
  ];
}

function articleLink(row: { title: string; url: string; sourcePath: string }) {
  return twoLines(element('a', { href: row.url }, row.title), shortPath(row.sourcePath));
}

/** The reader's search page for a query, to see what readers see. */
export const searchPath = (locale: string, query: string) => `/${locale}/search/?q=${encodeURIComponent(query)}`;

/**
 * Whether a query that failed finds something now, asked of today's index in this browser with the readers' own
 * search engine: an article written or an alias added since shows up here before the next failed search. A row is
 * checked once it scrolls into view, one query at a time with a pause between, so a long page neither starts dozens
 * of index loads nor holds the page busy while staff start to read it.
 */
let checks = Promise.resolve();
const pause = () => new Promise((resume) => setTimeout(resume, 50));
const onSight = new IntersectionObserver(
  (entries) => {
    for (const entry of entries.filter((seen) => seen.isIntersecting)) {
      onSight.unobserve(entry.target);
      (entry.target as HTMLElement & { check?: () => Promise<void> }).check?.();
    }
  },
  { rootMargin: '200px' },
);
function findsNow(query: string, locale: Locale, messages: StaffMessages) {
  const note: HTMLElement & { check?: () => Promise<void> } = element(
    'span',
    { class: 'staff-finds-now', 'data-state': 'checking' },
    messages.findsNowChecking,
  );
  note.check = () =>
    (checks = checks.then(pause).then(async () => {
      try {
        const { searchSite } = await import('../search/site-search.ts');
        // The same call as the reader's search page, so both give the same answer.
        const [best] = (await searchSite(query, { locale, limit: SEARCH_PAGE_LIMIT })).hits;
        note.dataset.state = best ? 'finds' : 'none';
        note.textContent = best ? messages.findsNow(best.title) : messages.stillNothing;
      } catch {
        note.dataset.state = 'error';
        note.textContent = messages.couldNotCheck;
      }
    }));
  onSight.observe(note);
  return note;
}

function panel(...parts: (Node | false | undefined)[]): HTMLElement {
  const box = element('div', { class: 'staff-panel' });
  for (const part of parts) if (part) box.append(part);
  return box;
}

function linkRow(...links: [string, string][]): HTMLElement {
  const box = element('p', { class: 'staff-actions' });
  for (const [href, text] of links) box.append(element('a', { href, class: 'staff-button' }, text));
  return box;
}

export function reportTables(words: Words): { [R in ListReport]: Spec<R> } {
  const { messages, format, locale } = words;
  const count = (value: number) => format.number(value);
  const localeName = (value: string) => messages.localeName[value as Locale] ?? value;
  const number = <Row>(label: string, sort: string, pick: (row: Row) => number): Column<Row> => ({
    label,
    sort,
    cell: (row) => count(pick(row)),
  });
  return {
    unhelpful: {
      columns: [
        { label: messages.article, sort: 'title', cell: articleLink },
        {
          label: messages.helpfulness,
          sort: 'confidence',
          cell: (row) => twoLines(...helpfulnessWords(row, words)),
        },
        number(messages.views, 'views', (row) => row.views),
        {
          label: messages.reasons,
          cell: (row) =>
            Object.entries(row.reasons)
              .sort(([, a], [, b]) => b - a)
              .map(([reason, n]) => `${reasonLabels[locale][reason as UnhelpfulReason] ?? reason} ${count(n)}`)
              .join(', '),
        },
        {
          label: messages.updated,
          sort: 'updated',
          cell: (row) =>
            twoLines(
              format.date(row.updated),
              row.beforeFix && row.afterFix
                ? `${format.percent(row.beforeFix.helpfulShare)} → ${format.percent(row.afterFix.helpfulShare)}`
                : undefined,
            ),
        },
      ],
      detail: {
        label: (row) => messages.articleStatus[row.review.status],
        content: (row, relabel) => {
          const comments = element('ul', { class: 'staff-comments' });
          for (const comment of row.comments) comments.append(element('li', {}, comment.comment));
          return panel(
            reviewForm(
              ARTICLE_STATUSES,
              messages.articleStatus,
              row.review,
              (status, note) => saveArticleReview(row.articleId, status, note),
              messages,
              relabel,
            ),
            row.beforeFix &&
              row.afterFix &&
              element(
                'p',
                {},
                messages.beforeAfterFix(
                  format.date(row.updated),
                  helpfulnessWords(row.beforeFix, words)[0],
                  helpfulnessWords(row.afterFix, words)[0],
                ),
              ),
            element('h3', {}, messages.latestComments),
            row.comments.length ? comments : element('p', {}, messages.noComments),
            copyField(messages.sourceFile, row.sourcePath, messages),
            linkRow(
              [row.url, messages.openArticle],
              ...(row.editUrl ? [[row.editUrl, messages.editArticle] as [string, string]] : []),
            ),
          );
        },
      },
    },
    'failed-searches': {
      columns: [
        {
          label: messages.query,
          sort: 'query',
          cell: (row) => {
            const typed = row.variants[0] ?? row.normalized;
            return twoLines(typed, findsNow(typed, row.locale as Locale, messages));
          },
        },
        { label: messages.articleLocale, cell: (row) => localeName(row.locale) },
        number(messages.searches, 'searches', (row) => row.searches),
        number(messages.visitors, 'visitors', (row) => row.visitors),
        number(messages.contacted, 'contacted', (row) => row.contacted),
        { label: messages.lastSeen, sort: 'lastSeen', cell: (row) => format.date(row.lastSeen) },
      ],
      detail: {
        label: (row) => messages.queryStatus[row.review.status],
        content: (row, relabel) =>
          panel(
            reviewForm(
              QUERY_STATUSES,
              messages.queryStatus,
              row.review,
              (status, note) => saveQueryReview(row, status, note),
              messages,
              relabel,
            ),
            row.variants.length > 1 && element('p', {}, row.variants.join(' · ')),
            copyField(messages.newArticle, row.newArticleCommand, messages),
            linkRow([searchPath(row.locale, row.variants[0] ?? row.normalized), messages.tryTheSearch]),
          ),
      },
    },
    'unclicked-searches': {
      columns: [
        {
          label: messages.query,
          sort: 'query',
          cell: (row) =>
            twoLines(
              element(
                'a',
                { href: searchPath(row.locale, row.variants[0] ?? row.normalized) },
                row.variants[0] ?? row.normalized,
              ),
              row.variants.slice(1).join(' · '),
            ),
        },
        { label: messages.articleLocale, cell: (row) => localeName(row.locale) },
        number(messages.searches, 'searches', (row) => row.searches),
        number(messages.visitors, 'visitors', (row) => row.visitors),
      ],
    },
    synonyms: {
      columns: [
        { label: messages.query, sort: 'query', cell: (row) => row.query },
        { label: messages.foundArticle, cell: articleLink },
        number(messages.readers, 'readers', (row) => row.readers),
      ],
      detail: {
        label: (row) => messages.synonymStatus[row.review.status],
        content: (row, relabel) =>
          panel(
            reviewForm(
              SYNONYM_STATUSES,
              messages.synonymStatus,
              row.review,
              (status, note) => saveSynonymReview(row, status, note),
              messages,
              relabel,
            ),
            copyField(messages.addAsAlias, row.suggestion, messages),
            copyField(messages.sourceFile, row.sourcePath, messages),
          ),
      },
    },
    contexts: {
      columns: [
        { label: messages.context, sort: 'context', cell: (row) => row.context },
        { label: messages.articleLocale, cell: (row) => localeName(row.locale) },
        number(messages.panelsShown, 'impressions', (row) => row.impressions),
        {
          label: messages.clickRate,
          sort: 'clickRate',
          cell: (row) => twoLines(format.percent(row.clickRate), count(row.clicks)),
        },
        {
          label: messages.contactRate,
          sort: 'contactRate',
          cell: (row) => twoLines(format.percent(row.contactRate), count(row.contacts)),
        },
      ],
    },
  };
}
