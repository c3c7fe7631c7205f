import type { LabelledQuery } from './queries.ts';

export interface Scored {
  query: LabelledQuery;
  /** Article ids in rank order. */
  ranked: string[];
}

export interface Metrics {
  n: number;
  success1: number;
  success3: number;
  mrr: number;
  zeroRate: number;
}

/** For a query nothing answers, success is showing nothing at all. */
export function metrics(scored: Scored[]): Metrics {
  const n = scored.length || 1;
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  let zero = 0;
  for (const { query, ranked } of scored) {
    if (!ranked.length) zero++;
    if (query.expected === null) {
      const ok = ranked.length === 0 ? 1 : 0;
      s1 += ok;
      s3 += ok;
      rr += ok;
      continue;
    }
    const position = ranked.indexOf(query.expected);
    if (position === 0) s1++;
    if (position >= 0 && position < 3) s3++;
    if (position >= 0) rr += 1 / (position + 1);
  }
  return { n: scored.length, success1: s1 / n, success3: s3 / n, mrr: rr / n, zeroRate: zero / n };
}
