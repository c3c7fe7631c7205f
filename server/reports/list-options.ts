import { z } from 'zod';
import { localeSchema } from '../../src/shared/locales.ts';
import { dayOf, daysBefore } from '../days.ts';
import type { Period } from '../db/report-storage.ts';

/** Query parameters every report takes: period, filters, sort, page, format. */
export const listQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(30),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  locale: localeSchema.optional(),
  category: z.string().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'csv']).default('json'),
  /** One row by its key (an article id, a normalized query): where another page, such as a theme, links to it. */
  row: z.string().min(1).max(300).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** A custom `from`/`to`, or the last `days` days up to today. */
export function periodOf(query: Pick<ListQuery, 'days' | 'from' | 'to'>, now: Date): Period {
  return { from: query.from ?? daysBefore(now, query.days - 1), to: query.to ?? dayOf(now) };
}

/** Sorts by a column the report allows (else its default), then cuts the requested page. */
export function sortAndPage<T>(
  rows: T[],
  query: ListQuery,
  columns: Record<string, (row: T) => number | string>,
  fallback: string,
) {
  const sort = query.sort && Object.hasOwn(columns, query.sort) ? query.sort : fallback;
  const key = columns[sort];
  const sign = query.order === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    /** The sort applied, so a page can show it when the request named none or one the report lacks. */
    sort,
    order: query.order,
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    rows: sorted.slice(start, start + query.pageSize),
  };
}
