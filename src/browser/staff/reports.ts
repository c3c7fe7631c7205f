/**
 * A report's page at /staff/<report>/. Its filters, sort and page live in the query string, so a link shows what
 * its sender saw and the back button steps through what the staff member looked at. All data comes from
 * /api/staff/reports/<report> behind the session.
 */
import type { ListReport, StaffReport } from '../../shared/staff-reports.ts';
import type { Overview, ReportPage, ReportRows } from '../../../server/reports/report-rows.ts';
import type { SurveyReport } from '../../../server/reports/survey-report.ts';
import type { ThemesAnswer } from '../../../server/staff/theme-routes.ts';
import { element } from '../element.ts';
import { announce } from './controls.ts';
import { formatters } from './format.ts';
import { renderOverview } from './overview.ts';
import { renderSurvey } from './survey.ts';
import { renderThemes } from './themes.ts';
import { startStaffPage } from './page.ts';
import { reportTables, type Words } from './report-tables.ts';
import { staffFetch } from './session.ts';
import { reportTable } from './table.ts';

/** What the query string holds besides the form's fields, and the values it leaves out because they are defaults. */
const DEFAULTS: Record<string, string> = { days: '30', order: 'desc', page: '1' };

const form = () => document.getElementById('staff-filters') as HTMLFormElement;

/** The page's state as the query string says it: the form's fields filled in, the page number kept. */
function readAddress(): URLSearchParams {
  const params = new URLSearchParams(location.search);
  for (const control of form().elements as unknown as (HTMLInputElement | HTMLSelectElement)[]) {
    if (!control.name) continue;
    const value = params.get(control.name) ?? DEFAULTS[control.name] ?? '';
    // A checkbox keeps its value and is ticked when the address names it (`ignored=1`).
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value === control.value;
      continue;
    }
    if (control instanceof HTMLSelectElement) {
      // A choice that always has a value (which survey) takes its first when the address names none.
      if (!value && control.dataset.firstByDefault !== undefined) {
        control.selectedIndex = 0;
        continue;
      }
      if (value && ![...control.options].some((o) => o.value === value))
        control.add(element('option', { value }, value)); // a sort key the answer has yet to name
    }
    control.value = value;
  }
  return params;
}

/** The state to show next: the form's fields, and `page` unless the filters changed. */
function addressOf(page: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form()))
    if (value && DEFAULTS[name] !== value) params.set(name, String(value));
  // A custom range needs both ends; one alone would be ignored by the API, so it is left out here too.
  if (!params.get('from') || !params.get('to')) ['from', 'to'].forEach((name) => params.delete(name));
  if (page > 1) params.set('page', String(page));
  return params;
}

function go(params: URLSearchParams, draw: () => Promise<void>) {
  history.pushState(null, '', params.size ? `?${params}` : location.pathname);
  void draw();
}

export async function runReport(): Promise<void> {
  const report = form().dataset.report as StaffReport;
  const { locale, messages } = await startStaffPage();
  const words: Words = { locale, messages, format: formatters(locale) };
  const tables = reportTables(words);

  async function draw() {
    // What the address says, with what the form fills in for what it leaves out (the survey shown first).
    const params = addressOf(Number(readAddress().get('page') ?? 1));
    const target = document.getElementById('staff-report')!;
    delete target.dataset.state;
    announce(messages.loading);
    const csv = document.getElementById('staff-csv') as HTMLAnchorElement | null;
    if (csv) csv.href = `/api/staff/reports/${report}?${new URLSearchParams([...params, ['format', 'csv']])}`;
    const response = await staffFetch(`/api/staff/reports/${report}?${params}`);
    if (!response.ok) return announce(messages.couldNotLoad);
    if (report === 'overview') {
      target.replaceChildren(renderOverview((await response.json()) as Overview, words));
      announce('');
    } else if (report === 'survey') {
      target.replaceChildren(renderSurvey((await response.json()) as SurveyReport, words));
      announce('');
    } else if (report === 'themes') {
      target.replaceChildren(renderThemes((await response.json()) as ThemesAnswer, words, { params, redraw: draw }));
      announce('');
    } else drawList(report, await response.json());
    // For tests and tools that wait for the data, not for the first paint.
    target.dataset.state = 'drawn';
  }

  function drawList<R extends ListReport>(report: R, data: ReportPage<ReportRows[R]>) {
    const spec = tables[report];
    const sortSelect = form().elements.namedItem('sort') as HTMLSelectElement;
    sortSelect.replaceChildren(
      ...spec.columns.flatMap((column) =>
        column.sort ? [element('option', { value: column.sort }, column.label)] : [],
      ),
    );
    sortSelect.value = data.sort;
    (form().elements.namedItem('order') as HTMLSelectElement).value = data.order;
    const table = reportTable(data.rows, {
      ...spec,
      caption: messages.reports[report],
      detailName: messages.review,
      sort: {
        key: data.sort,
        order: data.order,
        by: (key) => {
          const order = key === data.sort && data.order === 'desc' ? 'asc' : 'desc';
          Object.assign(sortSelect, { value: key });
          (form().elements.namedItem('order') as HTMLSelectElement).value = order;
          go(addressOf(1), draw);
        },
      },
    });
    const row = form().elements.namedItem('row') as HTMLInputElement;
    if (row.value) {
      // Opened on one row from a theme: say so, and offer the whole report.
      const all = element('button', { type: 'button', class: 'staff-button' }, messages.showAllRows);
      all.addEventListener('click', () => {
        row.value = '';
        go(addressOf(1), draw);
      });
      const notice = element('p', { class: 'staff-one-row' }, messages.oneRow);
      notice.append(' ', all);
      document.getElementById('staff-report')!.replaceChildren(notice, table);
    } else document.getElementById('staff-report')!.replaceChildren(table);
    drawPages(data);
    announce(messages.rowCount(words.format.number(data.total)));
  }

  function drawPages({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const button = (label: string, text: string, to: number) => {
      const control = element('button', { type: 'button', class: 'staff-button', 'aria-label': label }, text);
      control.disabled = to < 1 || to > pages;
      control.addEventListener('click', () => go(addressOf(to), draw));
      return control;
    };
    document
      .getElementById('staff-pages')!
      .replaceChildren(
        button(messages.previousPage, '‹', page - 1),
        element('span', {}, messages.pageOf(words.format.number(page), words.format.number(pages))),
        button(messages.nextPage, '›', page + 1),
      );
  }

  form().addEventListener('change', () => {
    // A filter changed: the whole report again, not the one row a theme linked to.
    const row = form().elements.namedItem('row') as HTMLInputElement | null;
    if (row) row.value = '';
    go(addressOf(1), draw);
  });
  form().addEventListener('submit', (event) => event.preventDefault());
  addEventListener('popstate', () => void draw());
  await draw();
}
