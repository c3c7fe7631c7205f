import type { SynonymStatus } from '../../src/shared/review-statuses.ts';
import type { ReportStorage, Review } from '../db/report-storage.ts';
import type { FailedSearchRow } from './failed-searches.ts';
import type { sortAndPage } from './list-options.ts';
import type { overview } from './overview.ts';
import type { listedSynonyms } from './reader-synonyms.ts';
import type { UnhelpfulRow } from './unhelpful.ts';

/** A row of what a report query returns. */
type StoredRow<K extends keyof ReportStorage> =
  Awaited<ReturnType<ReportStorage[K]>> extends (infer Row)[] ? Row : never;

type ListedSynonym = Awaited<ReturnType<typeof listedSynonyms>>[number];

/**
 * Readers searched X, then found article Y: `readers` are the distinct readers that count as evidence (see
 * reader-synonyms.ts). With the article, staff's decision and the alias it would make.
 */
export interface SynonymRow extends ListedSynonym {
  review: Pick<Review<SynonymStatus>, 'status' | 'note'>;
  title: string;
  url: string;
  sourcePath: string;
  suggestion: string;
}

/** The widget in one context: panels shown, and the share of them that led to an article or to support. */
export interface ContextRow extends StoredRow<'contexts'> {
  clickRate: number | null;
  contactRate: number | null;
}

/** The row of each paged report, as /api/staff/reports/<name> answers it; the staff page reads it with these types. */
export interface ReportRows {
  unhelpful: UnhelpfulRow;
  'failed-searches': FailedSearchRow;
  'unclicked-searches': StoredRow<'unclickedQueries'>;
  synonyms: SynonymRow;
  contexts: ContextRow;
}
export type ReportPage<Row> = ReturnType<typeof sortAndPage<Row>>;
/** /api/staff/reports/overview. */
export type Overview = Awaited<ReturnType<typeof overview>>;
