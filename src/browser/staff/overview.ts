/** The overview: each headline number against the period before, its daily chart, and the failed-search funnel. */
import type { Overview } from '../../../server/reports/report-rows.ts';
import { element } from '../element.ts';
import { dailyChart } from './chart.ts';
import type { Words } from './report-tables.ts';

type MetricName = keyof Overview['metrics'];

export function renderOverview(data: Overview, { messages, format, locale }: Words): HTMLElement {
  const grid = element('div', { class: 'staff-overview' });
  for (const name of Object.keys(data.metrics) as MetricName[]) {
    const metric = data.metrics[name];
    const count = metric.unit === 'count';
    const show = (value: number | null) =>
      value === null ? '–' : count ? format.number(value) : format.percent(value);
    const size = Math.abs(metric.change ?? 0);
    const change =
      metric.change === null
        ? '–'
        : `${metric.change >= 0 ? '+' : '−'}${count ? format.number(size) : `${Math.round(size * 100)}%p`}`;
    const chart = dailyChart({
      title: messages.metrics[name],
      unit: metric.unit,
      days: metric.days,
      words: messages.chart,
      locale,
    });
    chart.classList.add('staff-metric');
    // The headline number and its change read right after the metric's name, before the chart.
    chart
      .querySelector('figcaption')!
      .after(
        element('strong', {}, show(metric.value)),
        element(
          'span',
          {},
          metric.previous === null
            ? `${messages.chart.previous}: ${messages.chart.none}`
            : messages.versusPrevious(show(metric.previous), change),
        ),
      );
    grid.append(chart);
  }
  const { sessions, failedSessions, contactedSessions } = data.funnel;
  const funnel = element('section', { class: 'staff-metric staff-funnel' });
  funnel.append(
    element('h2', {}, messages.funnelTitle),
    element(
      'p',
      {},
      messages.funnel(format.number(contactedSessions), format.number(failedSessions), format.number(sessions)),
    ),
  );
  grid.append(funnel);
  return grid;
}
