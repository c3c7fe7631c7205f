/**
 * The staff workspace's reports, in the order its navigation lists them. Each has its page at /staff/<name>/ and
 * its data at /api/staff/reports/<name>; the list reports page through rows, the overview does not.
 */
export const LIST_REPORTS = ['unhelpful', 'failed-searches', 'unclicked-searches', 'synonyms', 'contexts'] as const;
export type ListReport = (typeof LIST_REPORTS)[number];
export const STAFF_REPORTS = [...LIST_REPORTS, 'overview', 'survey', 'themes'] as const;
export type StaffReport = (typeof STAFF_REPORTS)[number];

/** The filters each report honours besides its period: every list report keeps one content language. */
export type ReportFilter = 'locale' | 'category' | 'kind' | 'source';
export const REPORT_FILTERS: Record<StaffReport, readonly ReportFilter[]> = {
  unhelpful: ['locale', 'category'],
  'failed-searches': ['locale'],
  'unclicked-searches': ['locale'],
  synonyms: ['locale', 'category'],
  contexts: ['locale'],
  overview: [],
  survey: ['kind', 'locale'],
  themes: ['source', 'locale'],
};
