/**
 * A report as a table that fits: a few columns, and whatever is long or editable in a detail panel opened from the
 * row's name, right under the row so the row stays in view. Narrow screens show each row as a card (staff.css reads
 * each cell's `data-label`).
 */
import { element } from '../element.ts';

export interface Column<Row> {
  label: string;
  /** The report's sort key for this column, if it sorts. */
  sort?: string;
  cell: (row: Row) => Node | string;
}

export interface TableSpec<Row> {
  caption: string;
  columns: Column<Row>[];
  /**
   * The detail panel's content and the words on the button that opens it (the row's status, for instance);
   * `relabel` is for the content to call after it changed what the label shows.
   */
  detail?: { label: (row: Row) => string; content: (row: Row, relabel: () => void) => Node };
  /** What the detail button opens, said before its label to screen readers: "Review: In review". */
  detailName?: string;
  sort: { key: string; order: 'asc' | 'desc'; by: (key: string) => void };
}

let panels = 0;

export function reportTable<Row>(rows: Row[], spec: TableSpec<Row>): HTMLTableElement {
  const table = element('table', { class: 'staff-table' });
  table.createCaption().append(element('span', { class: 'visually-hidden' }, spec.caption));
  const head = table.createTHead().insertRow();
  for (const column of spec.columns) {
    const th = element('th', { scope: 'col' });
    if (column.sort) {
      const sorted = spec.sort.key === column.sort;
      th.setAttribute('aria-sort', sorted ? (spec.sort.order === 'asc' ? 'ascending' : 'descending') : 'none');
      const button = element('button', { type: 'button' }, column.label);
      button.addEventListener('click', () => spec.sort.by(column.sort!));
      th.append(button);
    } else th.textContent = column.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    spec.columns.forEach((column, index) => {
      const td = tr.insertCell();
      td.dataset.label = column.label;
      const content = column.cell(row);
      if (content !== '') td.append(content);
      if (index === 0 && spec.detail)
        td.append(detailToggle(body, tr, row, spec.columns.length, spec.detail, spec.detailName ?? ''));
    });
  }
  return table;
}

function detailToggle<Row>(
  body: HTMLTableSectionElement,
  tr: HTMLTableRowElement,
  row: Row,
  width: number,
  detail: NonNullable<TableSpec<Row>['detail']>,
  name: string,
) {
  const id = `staff-detail-${++panels}`;
  const button = element('button', {
    type: 'button',
    class: 'staff-toggle',
    'aria-expanded': 'false',
    'aria-controls': id,
  });
  const label = element('span', {}, detail.label(row));
  button.append(element('span', { class: 'visually-hidden' }, `${name}: `), label);
  button.append(element('span', { class: 'staff-toggle__arrow', 'aria-hidden': 'true' }));
  const panelRow = element('tr', { class: 'staff-detail', id, hidden: '' });
  const cell = element('td', { colspan: String(width) });
  panelRow.append(cell);
  body.insertBefore(panelRow, tr.nextSibling);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    if (open && !cell.firstChild) cell.append(detail.content(row, () => (label.textContent = detail.label(row))));
    button.setAttribute('aria-expanded', String(open));
    panelRow.hidden = !open;
  });
  return button;
}
