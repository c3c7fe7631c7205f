import { readFileSync } from 'node:fs';
import type { Locale } from '../../src/shared/locales.ts';

export interface LabelledQuery {
  locale: Locale;
  query: string;
  /** Article id, or null when no article answers it. */
  expected: string | null;
  kind: string;
}

/** test/fixtures/search-queries.tsv: locale, query, expected id or `-`, kind. */
export function readQueries(file = 'test/fixtures/search-queries.tsv'): LabelledQuery[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  if (header !== 'locale\tquery\texpected\tkind') throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line, i) => {
    const [locale, query, expected, kind] = line.split('\t');
    if (!kind || (locale !== 'ko' && locale !== 'en')) throw new Error(`${file}:${i + 2}: malformed line`);
    // An empty cell would read as an article that does not exist, and score a `none` query as a miss.
    if (!expected) throw new Error(`${file}:${i + 2}: expected is empty (an article id, or - when none answers)`);
    return { locale, query, expected: expected === '-' ? null : expected, kind };
  });
}
