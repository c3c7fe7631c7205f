/**
 * The staff reports page: fetches a report for the chosen period and filters, renders it as a sortable, paged
 * table, exports it as CSV, and saves statuses and notes. All data comes from /api/staff behind the session.
 */
import type { Locale } from '../shared/locales.ts';
import { ARTICLE_STATUSES, QUERY_STATUSES, SYNONYM_STATUSES } from '../shared/review-statuses.ts';
// Types only: the answers of /api/staff/reports/*, as the server builds them.
import type { Overview, ReportPage, ReportRows } from '../../server/reports/report-rows.ts';
import { element } from './element.ts';
import { logOut, staffFetch } from './staff-session.ts';

type ListReport = keyof ReportRows;
type Report = ListReport | 'overview';
interface Column<Row> {
  label: string;
  sort?: string;
  cell: (row: Row) => Node | string;
}

const state = { report: 'unhelpful' as Report, sort: '', order: 'desc', page: 1 };
const percent = (value: number | null | undefined) => (typeof value === 'number' ? `${Math.round(value * 100)}%` : '–');

function reviewCell(
  statuses: readonly string[],
  review: { status: string; note: string },
  save: (status: string, note: string) => Promise<Response>,
) {
  const box = element('div', { class: 'staff-review' });
  const select = element('select', { 'aria-label': '상태 · Status' });
  for (const status of statuses) select.append(element('option', { value: status }, status));
  select.value = review.status;
  const note = element('input', { 'aria-label': '메모 · Note', value: review.note, maxlength: '2000' });
  const button = element('button', { type: 'button' }, '저장 · Save');
  button.addEventListener('click', async () => {
    const response = await save(select.value, note.value);
    document.getElementById('staff-status')!.textContent = response.ok
      ? '저장했어요 · Saved'
      : '저장하지 못했어요 · Could not save';
  });
  box.append(select, note, button);
  return box;
}

/**
 * Whether a query that failed finds something now, asked of today's index in this browser with the readers'
 * own search engine: an article written or an alias added since shows up here before the next failed search.
 * Queries are checked one at a time so a long page does not start dozens of index loads at once.
 */
let checks = Promise.resolve();
function findsNow(query: string, locale: Locale) {
  const note = element('span', { class: 'staff-finds-now', 'data-state': 'checking' }, '확인 중… · Checking…');
  checks = checks.then(async () => {
    try {
      const { searchSite, SEARCH_PAGE_LIMIT } = await import('./search/site-search.ts');
      // The same call as the reader's search page, so both give the same answer.
      const [best] = (await searchSite(query, { locale, limit: SEARCH_PAGE_LIMIT })).hits;
      note.dataset.state = best ? 'finds' : 'none';
      note.textContent = best ? `지금은 찾아요 · Finds now: ${best.title}` : '지금도 결과 없음 · Still finds nothing';
    } catch {
      note.dataset.state = 'error';
      note.textContent = '확인하지 못했어요 · Could not check';
    }
  });
  return note;
}

/** The live article, and the file an editor opens to fix it. */
function articleCell(row: { title: string; url: string; sourcePath: string }): HTMLElement {
  const box = element('div');
  box.append(element('a', { href: row.url }, row.title), element('code', {}, row.sourcePath));
  return box;
}

const columns: { [R in ListReport]: Column<ReportRows[R]>[] } = {
  unhelpful: [
    {
      label: '글 · Article',
      sort: 'title',
      cell: articleCell,
    },
    { label: '조회 · Views', sort: 'views', cell: (row) => String(row.views) },
    { label: '투표 · Votes', sort: 'votes', cell: (row) => String(row.votes) },
    { label: '도움됨 · Helpful', sort: 'helpful', cell: (row) => percent(row.helpfulShare) },
    { label: '신뢰도 · Confidence', sort: 'confidence', cell: (row) => row.confidence.toFixed(2) },
    {
      label: '이유 · Reasons',
      cell: (row) =>
        Object.entries(row.reasons)
          .map(([reason, n]) => `${reason} ${n}`)
          .join(', '),
    },
    { label: '최근 의견 · Latest comments', cell: (row) => row.comments.map((c) => c.comment).join(' / ') },
    {
      label: '수정 전후 · Before/after fix',
      sort: 'updated',
      cell: (row) => {
        const { beforeFix: before, afterFix: after } = row;
        return `${row.updated}${before && after ? ` · ${percent(before.helpfulShare)} → ${percent(after.helpfulShare)}` : ''}`;
      },
    },
    {
      label: '상태 · Status',
      cell: (row) =>
        reviewCell(ARTICLE_STATUSES, row.review, (status, note) =>
          staffFetch(`/api/staff/articles/${row.articleId}/review`, {
            method: 'PATCH',
            body: JSON.stringify({ status, note }),
          }),
        ),
    },
  ],
  'failed-searches': [
    {
      label: '검색어 · Query',
      sort: 'query',
      cell: (row) => {
        const typed = row.variants[0] ?? row.normalized;
        const box = element('div');
        box.append(
          element(
            'a',
            { href: `/${row.locale}/search/?q=${encodeURIComponent(typed)}` },
            row.variants.join(' | ') || typed,
          ),
        );
        box.append(findsNow(typed, row.locale as Locale));
        return box;
      },
    },
    { label: '언어 · Locale', cell: (row) => row.locale },
    { label: '검색 수 · Searches', sort: 'searches', cell: (row) => String(row.searches) },
    { label: '방문자 · Visitors', sort: 'visitors', cell: (row) => String(row.visitors) },
    { label: '이후 고객센터 · Then contacted support', sort: 'contacted', cell: (row) => String(row.contacted) },
    { label: '처음/마지막 · First/last', sort: 'lastSeen', cell: (row) => `${row.firstSeen} – ${row.lastSeen}` },
    { label: '새 글 만들기 · New article', cell: (row) => element('code', {}, row.newArticleCommand) },
    {
      label: '상태 · Status',
      cell: (row) =>
        reviewCell(QUERY_STATUSES, row.review, (status, note) =>
          staffFetch('/api/staff/queries/review', {
            method: 'PATCH',
            body: JSON.stringify({ locale: row.locale, normalized: row.normalized, status, note }),
          }),
        ),
    },
  ],
  'unclicked-searches': [
    { label: '검색어 · Query', sort: 'query', cell: (row) => row.variants.join(' | ') || row.normalized },
    { label: '언어 · Locale', cell: (row) => row.locale },
    { label: '검색 수 · Searches', sort: 'searches', cell: (row) => String(row.searches) },
    { label: '방문자 · Visitors', sort: 'visitors', cell: (row) => String(row.visitors) },
  ],
  synonyms: [
    { label: '독자가 검색한 말 · Readers searched', sort: 'query', cell: (row) => row.query },
    {
      label: '그리고 찾은 글 · and found',
      cell: articleCell,
    },
    { label: '독자 수 · Readers', sort: 'readers', cell: (row) => String(row.readers) },
    { label: '별칭으로 추가 · Add as alias', cell: (row) => element('code', {}, row.suggestion) },
    {
      // Accepted pairs reach search at the next build, with no article edited.
      label: '검색에 반영 · Teach search',
      cell: (row) =>
        reviewCell(SYNONYM_STATUSES, row.review, (status, note) =>
          staffFetch('/api/staff/synonyms/review', {
            method: 'PATCH',
            body: JSON.stringify({
              locale: row.locale,
              normalized: row.normalized,
              query: row.query,
              articleId: row.articleId,
              status,
              note,
            }),
          }),
        ),
    },
  ],
  contexts: [
    { label: '위젯 위치 · Context', sort: 'context', cell: (row) => row.context },
    { label: '언어 · Locale', cell: (row) => row.locale },
    { label: '열림 · Panels shown', sort: 'impressions', cell: (row) => String(row.impressions) },
    { label: '글 클릭 · Article clicks', cell: (row) => String(row.clicks) },
    { label: '클릭률 · Click rate', sort: 'clickRate', cell: (row) => percent(row.clickRate) },
    { label: '고객센터 연결 · Contacted support', cell: (row) => String(row.contacts) },
    { label: '연결률 · Contact rate', sort: 'contactRate', cell: (row) => percent(row.contactRate) },
  ],
};

/** Headline numbers with their change against the previous period, and a small daily chart for each. */
function renderOverview(data: Overview): HTMLElement {
  const labels: Record<keyof Overview['metrics'], [string, boolean, Exclude<keyof Overview['series'][number], 'day'>]> =
    {
      views: ['조회 · Views', false, 'views'],
      searches: ['검색 · Searches', false, 'searches'],
      zeroResultRate: ['결과 없는 검색 · Zero-result rate', true, 'zeroResults'],
      clickThrough: ['검색 후 클릭 · Search click-through', true, 'searches'],
      helpfulShare: ['도움됨 · Helpful share', true, 'helpful'],
    };
  const grid = element('div', { class: 'staff-overview' });
  for (const key of Object.keys(labels) as (keyof Overview['metrics'])[]) {
    const [label, share, seriesKey] = labels[key];
    const metric = data.metrics[key];
    const show = (value: number | null) =>
      value === null ? '–' : share ? `${(value * 100).toFixed(1)}%` : String(value);
    const card = element('figure', { class: 'staff-metric' });
    const change =
      metric.change === null
        ? ''
        : `${metric.change >= 0 ? '+' : ''}${share ? `${(metric.change * 100).toFixed(1)}%p` : metric.change}`;
    card.append(
      element('figcaption', {}, label),
      element('strong', {}, show(metric.value)),
      element('span', {}, `이전 기간 · previous ${show(metric.previous)} ${change}`),
    );
    const values = data.series.map((day) => day[seriesKey]);
    const max = Math.max(1, ...values);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${Math.max(values.length, 1) * 6} 40`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${label}: ${values.join(', ')}`);
    values.forEach((value, i) => {
      const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      Object.entries({
        x: String(i * 6),
        y: String(40 - (value / max) * 40),
        width: '4',
        height: String((value / max) * 40),
      }).forEach(([name, v]) => bar.setAttribute(name, v));
      svg.append(bar);
    });
    card.append(svg);
    grid.append(card);
  }
  const { searches, failed, contacted } = data.funnel;
  const funnel = element('figure', { class: 'staff-metric staff-funnel' });
  funnel.append(
    element('figcaption', {}, '검색 → 결과 없음 → 고객센터 · Search → no answer → contact'),
    element('strong', {}, `${searches} → ${failed} → ${contacted}`),
    element(
      'span',
      {},
      failed
        ? `결과 없는 검색의 ${Math.round((contacted / failed) * 100)}%가 문의로 · ${Math.round((contacted / failed) * 100)}% of failed searches end in a contact`
        : '',
    ),
  );
  grid.append(funnel);
  return grid;
}

function query(format = 'json'): string {
  const filters = new FormData(document.getElementById('staff-filters') as HTMLFormElement);
  const params = new URLSearchParams({
    days: String(filters.get('days')),
    page: String(state.page),
    order: state.order,
    format,
  });
  // A custom range, when both ends are given, overrides the number of days.
  const custom = filters.get('from') && filters.get('to') ? ['from', 'to'] : [];
  for (const name of ['locale', 'category', ...custom])
    if (filters.get(name)) params.set(name, String(filters.get(name)));
  if (state.sort) params.set('sort', state.sort);
  return `/api/staff/reports/${state.report}?${params}`;
}

async function render(): Promise<void> {
  const status = document.getElementById('staff-status')!;
  status.textContent = '불러오는 중 · Loading…';
  (document.getElementById('staff-csv') as HTMLAnchorElement).href = query('csv');
  const response = await staffFetch(query());
  if (!response.ok) {
    status.textContent = '리포트를 불러오지 못했어요 · The report could not load';
    return;
  }
  if (state.report === 'overview') {
    document.getElementById('staff-report')!.replaceChildren(renderOverview(await response.json()));
    document.getElementById('staff-pages')!.replaceChildren();
    status.textContent = '';
    return;
  }
  renderTable(state.report, await response.json());
}

function renderTable<R extends ListReport>(report: R, data: ReportPage<ReportRows[R]>): void {
  const status = document.getElementById('staff-status')!;
  const table = element('table', { class: 'staff-table' });
  const head = table.createTHead().insertRow();
  for (const column of columns[report]) {
    const th = element('th', { scope: 'col' });
    if (column.sort) {
      const sorted = state.sort === column.sort;
      th.setAttribute('aria-sort', sorted ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
      const button = element('button', { type: 'button' }, column.label);
      button.addEventListener('click', () => {
        state.order = sorted && state.order === 'desc' ? 'asc' : 'desc';
        state.sort = column.sort!;
        void render();
      });
      th.append(button);
    } else th.textContent = column.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    for (const column of columns[report]) tr.insertCell().append(column.cell(row));
  }
  document.getElementById('staff-report')!.replaceChildren(table);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const nav = document.getElementById('staff-pages')!;
  const pageButton = (label: string, page: number) => {
    const button = element('button', { type: 'button' }, label);
    button.disabled = page < 1 || page > pages;
    button.addEventListener('click', () => {
      state.page = page;
      void render();
    });
    return button;
  };
  nav.replaceChildren(
    pageButton('‹', data.page - 1),
    element('span', {}, `${data.page} / ${pages}`),
    pageButton('›', data.page + 1),
  );
  status.textContent = `${data.total}건 · ${data.total} rows`;
}

export function runReports(): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    tab.addEventListener('click', () => {
      for (const other of document.querySelectorAll('[role=tab]')) {
        other.setAttribute('aria-selected', String(other === tab));
        other.setAttribute('tabindex', other === tab ? '0' : '-1');
      }
      document.getElementById('staff-report')!.setAttribute('aria-labelledby', tab.id);
      Object.assign(state, { report: tab.dataset.report as Report, sort: '', order: 'desc', page: 1 });
      void render();
    });
  }
  document.getElementById('staff-filters')!.addEventListener('change', () => {
    state.page = 1;
    void render();
  });
  document.getElementById('staff-logout')!.addEventListener('click', () => void logOut());
  void render();
}
