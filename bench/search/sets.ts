/**
 * The labelled sets bench:search measures. Each is a whole help center (its content folder) with queries written
 * by someone who could not see the engine. Only the shop sample is the industry the engine was first tuned on;
 * `held-out` was never looked at while tuning: its number is the honest estimate for a new company.
 */
export interface LabelledSet {
  name: string;
  content: string;
  queries: string;
  role: 'sample' | 'tuning' | 'held-out';
}

const set = (name: string, role: LabelledSet['role']): LabelledSet => ({
  name,
  content: `bench/search/sets/${name}/content`,
  queries: `bench/search/sets/${name}/queries.tsv`,
  role,
});

export const SETS: LabelledSet[] = [
  { name: 'shop', content: 'content', queries: 'test/fixtures/search-queries.tsv', role: 'sample' },
  set('banking', 'tuning'),
  set('saas', 'tuning'),
  set('public', 'tuning'),
  // Travel was held out until a change lowered it and it was studied to find why; education, written blind after
  // that, took its place, until an analyst studied its misses too; then healthcare and telecom, the same way. A game
  // publisher's, written blind beside telecom, is held out.
  set('travel', 'tuning'),
  set('education', 'tuning'),
  set('healthcare', 'tuning'),
  set('telecom', 'tuning'),
  set('games', 'held-out'),
];
