import type { DailyValue, MetricUnit } from '../../../server/reports/overview.ts';
import { element } from '../element.ts';
import { axisTicks, axisTop, chartFormats, dateTickIndexes, linePath } from './chart-scale.ts';

/** The words a chart shows, in the staff member's language. */
export interface ChartWords {
  /** The period shown, in the legend and the table: "이번 기간", "This period". */
  current: string;
  /** "이전 기간", "Previous period". */
  previous: string;
  /** The table's first column: "날짜", "Date". */
  date: string;
  /** What opens the table: "표로 보기", "Show as a table". */
  table: string;
  /** A day or a period without a value: "데이터 없음", "No data". */
  none: string;
}

export interface DailyChart {
  title: string;
  unit: MetricUnit;
  days: DailyValue[];
  words: ChartWords;
  /** BCP 47, for dates and numbers. */
  locale: string;
}

// The drawing's own units; the SVG scales to its box, so only the proportions matter.
const WIDTH = 280;
const HEIGHT = 140;
const PLOT = { left: 44, right: WIDTH - 10, top: 8, bottom: HEIGHT - 24 };

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A metric's days as a line chart: this period solid, the previous one dashed on the same days, dated axes, and
 * every number again in a table for screen readers and keyboards.
 */
export function dailyChart({ title, unit, days, words, locale }: DailyChart): HTMLElement {
  const format = chartFormats(locale, unit);
  const [current, previous] = [days.map((d) => d.value), days.map((d) => d.previous)];
  const [first, last] = [days[0], days.at(-1)];
  // "This period (Nov 3 – 9, 2026)": how the legend, the summary and the table's caption name each line.
  const [currentName, previousName] =
    first && last
      ? [
          `${words.current} (${format.days(first.day, last.day)})`,
          `${words.previous} (${format.days(first.previousDay, last.previousDay)})`,
        ]
      : [words.current, words.previous];
  const range = (values: (number | null)[]) => format.range(values) ?? words.none;
  const label = `${title}. ${currentName}: ${range(current)}. ${previousName}: ${range(previous)}.`;
  const figure = element('figure', { class: 'staff-chart' });
  figure.append(
    element('figcaption', {}, title),
    plot({ days, current, previous, unit, format, label }),
    legend([
      ['current', currentName],
      ['previous', previousName],
    ]),
    table({ caption: `${title}. ${currentName}; ${previousName}`, days, words, format }),
  );
  return figure;
}

type Format = ReturnType<typeof chartFormats>;

function plot(o: {
  days: DailyValue[];
  current: (number | null)[];
  previous: (number | null)[];
  unit: MetricUnit;
  format: Format;
  label: string;
}) {
  const { days, unit, format } = o;
  const top = axisTop([...o.current, ...o.previous], unit);
  const x = (i: number) =>
    days.length < 2 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + (i * (PLOT.right - PLOT.left)) / (days.length - 1);
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);
  const line = (values: (number | null)[], kind: string) =>
    svg('path', {
      class: `staff-chart-${kind}`,
      d: linePath(values.map((value, i) => (value === null ? null : { x: x(i), y: y(value) }))),
    });
  const chart = svg('svg', {
    class: 'staff-chart-plot',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': o.label,
  });
  const axes = svg('g', { class: 'staff-chart-axes' });
  for (const tick of axisTicks(top, unit))
    axes.append(
      svg('line', {
        ...(tick && { class: 'staff-chart-grid' }),
        x1: PLOT.left,
        x2: PLOT.right,
        y1: y(tick),
        y2: y(tick),
      }),
      svg(
        'text',
        { x: PLOT.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        format.value(tick),
      ),
    );
  const indexes = dateTickIndexes(days.length);
  for (const i of indexes) {
    // The first and last dates align with the plot's edges so they never run outside the drawing.
    const anchor = indexes.length < 2 ? 'middle' : i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle';
    axes.append(
      svg('line', { x1: x(i), x2: x(i), y1: PLOT.bottom, y2: PLOT.bottom + 4 }),
      svg('text', { x: x(i), y: HEIGHT - 4, 'text-anchor': anchor }, format.day(days[i]!.day)),
    );
  }
  chart.append(axes, line(o.previous, 'previous'), line(o.current, 'current'));
  return chart;
}

function legend(keys: [kind: string, name: string][]) {
  const list = element('ul', { class: 'staff-chart-legend' });
  for (const [kind, name] of keys) list.append(element('li', { class: `staff-chart-key-${kind}` }, name));
  return list;
}

function table(o: { caption: string; days: DailyValue[]; words: ChartWords; format: Format }) {
  const show = (value: number | null) => (value === null ? o.words.none : o.format.value(value));
  const head = element('tr');
  head.append(
    element('th', { scope: 'col' }, o.words.date),
    element('th', { scope: 'col' }, o.words.current),
    element('th', { scope: 'col' }, o.words.previous),
  );
  const body = element('tbody');
  for (const day of o.days) {
    const row = element('tr');
    row.append(
      element('th', { scope: 'row' }, o.format.day(day.day)),
      element('td', {}, show(day.value)),
      element('td', {}, show(day.previous)),
    );
    body.append(row);
  }
  const thead = element('thead');
  thead.append(head);
  const grid = element('table');
  grid.append(element('caption', { class: 'visually-hidden' }, o.caption), thead, body);
  const details = element('details', { class: 'staff-chart-table' });
  details.append(element('summary', {}, o.words.table), grid);
  return details;
}
