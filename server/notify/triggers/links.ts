import type { Manifest } from '../../../src/shared/content/manifest.ts';
import { REPORT_FILTERS, type ReportFilter, type StaffReport } from '../../../src/shared/staff-reports.ts';
import type { NotificationData } from '../notification.ts';
import type { About } from './trigger.ts';

type ManifestArticle = Manifest['articles'][number];
type NotifiedArticle = NotificationData<'feedback.comments'>['article'];

/** The staff workspace's front page: the inbox. */
export const STAFF_HOME = '/staff/';

/** A staff report's page showing `days` days with the filters it honours (site-relative, as the staff pages link). */
export function staffPage(report: StaffReport, days: number, filters: Partial<Record<ReportFilter, string>>) {
  const params = new URLSearchParams({ days: String(days) });
  for (const name of REPORT_FILTERS[report]) if (filters[name]) params.set(name, filters[name]);
  return `/staff/${report}/?${params}`;
}

/** The staff page of what readers are saying over `days` days: it has its own page, not a list report's. */
export const staffThemesPage = (days: number) => `/staff/themes/?${new URLSearchParams({ days: String(days) })}`;

/** An article as notifications name it: its public page (absolute when site.yaml has `url`) and its staff report. */
export function notifiedArticle(manifest: Manifest, article: ManifestArticle, days: number): NotifiedArticle {
  return {
    id: article.id,
    title: article.title,
    locale: article.locale,
    category: article.category,
    url: manifest.siteUrl ? new URL(article.url, manifest.siteUrl).href : article.url,
    staffUrl: staffPage('unhelpful', days, article),
  };
}

/** An article notification is routed by the article's language and category. */
export const aboutArticle = ({ locale, category }: ManifestArticle): About => ({ locale, category });

export const articlesById = (manifest: Manifest) => new Map(manifest.articles.map((article) => [article.id, article]));
