/** The overview: each headline number against the period before, its daily chart, and the failed-search funnel. */
import type { Overview } from '../../../server/reports/report-rows.ts';
import { element } from '../element.ts';
import type { Words } from './report-tables.ts';

type MetricName = keyof Overview['metrics'];
/** Counts show as numbers, the rest as shares of their whole. */
const COUNTS: readonly MetricName[] = ['views', 'searches'];

export function renderOverview(data: Overview, { messages, format }: Words): HTMLElement {
  const grid = element('div', { class: 'staff-overview' });
  for (const name of Object.keys(data.metrics) as MetricName[]) {
    const metric = data.metrics[name];
    const show = (value: number | null) =>
      value === null ? '–' : COUNTS.includes(name) ? format.number(value) : format.percent(value);
    const change =
      metric.change === null
        ? '–'
        : `${metric.change >= 0 ? '+' : '−'}${COUNTS.includes(name) ? format.number(Math.abs(metric.change)) : `${Math.round(Math.abs(metric.change) * 100)}%p`}`;
    const card = element('figure', { class: 'staff-metric' });
    card.append(
      element('figcaption', {}, messages.metrics[name]),
      element('strong', {}, show(metric.value)),
      element('span', {}, messages.versusPrevious(show(metric.previous), change)),
    );
    grid.append(card);
  }
  const { searches, failed, contacted } = data.funnel;
  const funnel = element('figure', { class: 'staff-metric staff-funnel' });
  funnel.append(
    element('figcaption', {}, messages.funnelTitle),
    element('p', {}, messages.funnel(format.number(contacted), format.number(failed), format.number(searches))),
  );
  grid.append(funnel);
  return grid;
}
