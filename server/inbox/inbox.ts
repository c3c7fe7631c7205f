import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { Locale } from '../../src/shared/locales.ts';
import { daysBefore } from '../days.ts';
import type { Dismissal } from '../db/dismissal-storage.ts';
import type { Period, ReportStorage } from '../db/report-storage.ts';
import { withDetails, type UnhelpfulRow } from '../reports/unhelpful.ts';
import { candidateSources, type Candidate } from './candidates.ts';
import type { InboxItem, Returned } from './items.ts';

/** Items shown: what a team can act on in a week. */
const SHOWN = 12;

export interface InboxFilter {
  locale?: Locale;
  /** Articles and synonyms of the category; failed searches have none, so they are left out. */
  category?: string;
}

/** What took an item out: the later of a fix and a dismissal, and the first day whose evidence can bring it back. */
interface Hold {
  since: string;
  returned: Returned;
}

/**
 * Daily counts cannot split the day of a fix or dismissal, so its evidence starts the next day (UTC). Undefined
 * when nothing holds the item; null when a decision keeps it out for good.
 */
function holdOf({ decision }: Candidate, dismissal: Dismissal | undefined): Hold | null | undefined {
  if (decision && !decision.returns) return null;
  const holds = [
    decision && { at: decision.at, returned: { fixedAt: decision.at, by: decision.by } },
    dismissal && {
      at: dismissal.dismissedAt,
      returned: { dismissedAt: dismissal.dismissedAt, by: dismissal.dismissedBy },
    },
  ].filter((hold) => hold !== undefined);
  const latest = holds.sort((a, b) => b.at.localeCompare(a.at))[0];
  return latest && { since: daysBefore(new Date(Date.parse(latest.at)), -1), returned: latest.returned };
}

const matches = (item: InboxItem, { locale, category }: InboxFilter) =>
  (!locale || item.locale === locale) && (!category || ('category' in item && item.category === category));

/**
 * The items most worth acting on across every report, by impact. Items staff fixed or dismissed come back only
 * when the days after that alone clear the thresholds; each kind is read again once per such day, so the cost
 * follows the days staff acted on, not the number of items.
 */
export async function inbox(
  reports: ReportStorage,
  manifest: Manifest,
  synonymReaders: number,
  dismissals: Map<string, Dismissal>,
  period: Period,
  filter: InboxFilter,
): Promise<InboxItem[]> {
  const sources = candidateSources(reports, manifest, synonymReaders);
  const all = (await Promise.all(Object.values(sources).map((source) => source(period)))).flat();
  const open: Candidate[] = [];
  const held: (Candidate & Hold)[] = [];
  for (const candidate of all.filter((c) => matches(c.item, filter))) {
    const hold = holdOf(candidate, dismissals.get(candidate.item.id));
    if (hold === undefined) {
      if (candidate.qualifies) open.push(candidate);
    } else if (hold && hold.since <= period.to && (!candidate.lastDay || candidate.lastDay >= hold.since)) {
      held.push({ ...candidate, ...hold });
    }
  }
  const returned = await Promise.all(
    [...Map.groupBy(held, (c) => `${c.item.kind}|${c.since}`).values()].map(async (group) => {
      const { item, since } = group[0]!;
      // Held before the period began: the period's own evidence is all after it.
      const fresh = since <= period.from ? group : await sources[item.kind]({ from: since, to: period.to });
      const again = new Map(fresh.map((c) => [c.item.id, c]));
      return group.flatMap((c) => {
        const found = again.get(c.item.id);
        return found?.qualifies ? [{ ...found, item: { ...found.item, returned: c.returned } }] : [];
      });
    }),
  );
  const candidates = [...open, ...returned.flat()];
  // A failed query readers answered themselves shows once, as the synonym that would teach search the answer (a
  // faster fix than the article the query item proposes, for the same readers), and not at all once staff accepted it.
  const listed = new Set(candidates.map(({ item }) => item.id));
  const answered = new Set(
    all.flatMap(({ item, answers, decision }) => (answers && (decision || listed.has(item.id)) ? [answers] : [])),
  );
  const shown = candidates
    .filter(({ item }) => item.kind !== 'query' || !answered.has(`${item.locale}|${item.normalized}`))
    .sort((a, b) => b.item.impact - a.item.impact || a.item.id.localeCompare(b.item.id))
    .slice(0, SHOWN);
  return withArticleDetails(reports, shown);
}

/** The shown articles' top reason and latest comment, read for their days of evidence only. */
async function withArticleDetails(reports: ReportStorage, shown: Candidate[]): Promise<InboxItem[]> {
  const articles = shown.filter((c): c is Candidate & { row: UnhelpfulRow } => c.row !== undefined);
  const byEvidence = Map.groupBy(articles, (c) => `${c.item.evidence.from}|${c.item.evidence.to}`);
  const detailed = new Map(
    (
      await Promise.all(
        [...byEvidence.values()].map((group) =>
          withDetails(
            reports,
            group[0]!.item.evidence,
            group.map((c) => c.row),
          ),
        ),
      )
    )
      .flat()
      .map((row) => [row.articleId, row]),
  );
  return shown.map(({ item }) => {
    if (item.kind !== 'article') return item;
    const row = detailed.get(item.articleId);
    const [reason, count] = Object.entries(row?.reasons ?? {}).sort((a, b) => b[1] - a[1])[0] ?? [];
    return {
      ...item,
      topReason: reason === undefined || count === undefined ? null : { reason, count },
      latestComment: row?.comments[0] ?? null,
    };
  });
}
