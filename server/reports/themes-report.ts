import { z } from 'zod';
import { normalizedOfSearchKey, termsLabel, THEME_SOURCES } from '../../src/shared/themes.ts';
import { daysBefore } from '../days.ts';
import type { Period } from '../db/report-storage.ts';
import type { StoredTheme, StoredThemeItem, ThemeStorage } from '../db/theme-storage.ts';
import { ApiError } from '../errors.ts';
import { listQuerySchema, periodOf } from './list-options.ts';

/** Members listed with each theme; the rest are paged by /reports/themes/:id/items. */
export const THEME_ITEMS_PAGE = 200;

export const themesQuerySchema = listQuerySchema.extend({
  source: z.enum(THEME_SOURCES).optional(),
  /** `1`: only the themes staff ignored. */
  ignored: z.enum(['0', '1']).default('0'),
});
export type ThemesQuery = z.infer<typeof themesQuerySchema>;

/** A theme's name: staff's, else its three most distinctive terms. */
export const themeLabel = (theme: Pick<StoredTheme, 'label' | 'terms'>) => theme.label ?? termsLabel(theme.terms);

const listed = ({ key, source, text, article, at }: StoredThemeItem) => ({ key, source, text, article, at });
export type ThemeReportItem = ReturnType<typeof listed>;

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
const inPeriod = (item: StoredThemeItem, { from, to }: Period) =>
  item.at.slice(0, 10) >= from && item.at.slice(0, 10) <= to;

/** The period asked for, the one of the same length just before it, and the items of both, filtered as asked. */
async function periodItems(themes: ThemeStorage, query: ThemesQuery, now: Date) {
  const period = periodOf(query, now);
  const start = new Date(`${period.from}T00:00:00Z`);
  const previous = { from: daysBefore(start, days(period.from, period.to)), to: daysBefore(start, 1) };
  const [state, items] = await Promise.all([themes.state(), themes.items()]);
  const wanted = items.filter(
    (item) =>
      item.themeId !== null &&
      (!query.source || item.source === query.source) &&
      (!query.locale || item.locale === query.locale),
  );
  const byTheme = Map.groupBy(wanted, (item) => item.themeId!);
  return { period, previous, state, byTheme };
}

/** Newest first: what staff read first. */
const newestFirst = (a: StoredThemeItem, b: StoredThemeItem) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key);
/** A theme's items said in the period, newest first. */
const membersIn = (items: StoredThemeItem[], period: Period) =>
  items.filter((item) => inPeriod(item, period)).sort(newestFirst);

function themeEntry(theme: StoredTheme, all: StoredThemeItem[], period: Period, previous: Period) {
  const members = membersIn(all, period);
  const before = all.filter((item) => inPeriod(item, previous)).length;
  const articles = Map.groupBy(
    members.filter((item) => item.article !== null),
    (item) => item.article!,
  );
  const trend = Map.groupBy(members, (item) => item.at.slice(0, 10));
  return {
    id: theme.id,
    label: themeLabel(theme),
    terms: theme.terms,
    ignored: theme.ignored ?? false,
    count: members.length,
    previous: before,
    growth: before ? (members.length - before) / before : null,
    readers: members.reduce((sum, item) => sum + item.weight, 0),
    comments: members.map((item) => item.text),
    articles: [...articles].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).map(([id]) => id),
    queries: members.filter((item) => item.source === 'searches').map((item) => normalizedOfSearchKey(item.key)),
    example: (members.find((item) => item.key === theme.example) ?? members[0])?.text ?? null,
    trend: [...trend].map(([day, list]) => ({ day, count: list.length })).sort((a, b) => a.day.localeCompare(b.day)),
    items: members.slice(0, THEME_ITEMS_PAGE).map(listed),
    itemsTotal: members.length,
  };
}
export type ThemeReportEntry = ReturnType<typeof themeEntry>;

/** A theme new in the period grows fastest of all: nothing was said of it before. */
const growthRank = ({ growth }: { growth: number | null }) => growth ?? Infinity;

/** The report and every theme's members in the period, from one read of the items. */
async function reportAndMembers(themes: ThemeStorage, query: ThemesQuery, now: Date) {
  const { period, previous, state, byTheme } = await periodItems(themes, query, now);
  const onlyIgnored = query.ignored === '1';
  const entries = state.themes
    .filter((theme) => (theme.ignored ?? false) === onlyIgnored)
    .map((theme) => themeEntry(theme, byTheme.get(theme.id) ?? [], period, previous))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || growthRank(b) - growthRank(a) || a.id.localeCompare(b.id));
  const members = (id: string) => membersIn(byTheme.get(id) ?? [], period);
  return { report: { from: period.from, to: period.to, reclusteredAt: state.reclusteredAt, themes: entries }, members };
}

/** GET /api/staff/reports/themes: the themes with members in the period, largest and fastest-growing first. */
export async function themesReport(themes: ThemeStorage, query: ThemesQuery, now: Date) {
  return (await reportAndMembers(themes, query, now)).report;
}
export type ThemesReport = Awaited<ReturnType<typeof themesReport>>;

/** GET /api/staff/reports/themes/:id/items: one page of a theme's members in the period, newest first. */
export async function themeItemsPage(themes: ThemeStorage, id: string, query: ThemesQuery, now: Date) {
  const { period, state, byTheme } = await periodItems(themes, query, now);
  if (!state.themes.some((theme) => theme.id === id))
    throw new ApiError(404, 'unknown_theme', `No theme with id ${id}`);
  const members = membersIn(byTheme.get(id) ?? [], period);
  const start = (query.page - 1) * THEME_ITEMS_PAGE;
  return {
    id,
    page: query.page,
    pageSize: THEME_ITEMS_PAGE,
    total: members.length,
    items: members.slice(start, start + THEME_ITEMS_PAGE).map(listed),
  };
}
export type ThemeItemsPage = Awaited<ReturnType<typeof themeItemsPage>>;

export const THEMES_CSV_HEADER = ['theme', 'label', 'source', 'locale', 'article', 'text', 'at'];
/** The report as CSV: its file name, and one row per member of every theme in it. */
export async function themesCsv(themes: ThemeStorage, query: ThemesQuery, now: Date) {
  const { report, members } = await reportAndMembers(themes, query, now);
  return {
    file: `themes-${report.from}-${report.to}`,
    rows: report.themes.flatMap((theme) =>
      members(theme.id).map((item) => [
        theme.id,
        theme.label,
        item.source,
        item.locale,
        item.article,
        item.text,
        item.at,
      ]),
    ),
  };
}
