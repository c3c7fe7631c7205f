import type { ThemeDecision } from './decisions.ts';
import type { Theme, ThemeDraft, ThemeItem, ThemeModel } from './theme.ts';

export type Clustering = { themes: Theme[]; model: ThemeModel };

/**
 * The clustering the job and staff's decisions run, its lexicon already loaded: grouping.ts's functions over the
 * built site's vocabulary (site-grouper.ts), or an operator's own (a local embedding model) behind the same calls.
 * Clustering takes seconds at tens of thousands of items, so `group` and `describe` answer a promise: the site's
 * grouper runs them off the event loop, and the API goes on answering meanwhile.
 */
export interface ThemeGrouper {
  /** Clusters every item, then applies staff's decisions to the groups, in order. */
  group(items: ThemeItem[], decisions: ThemeDecision[]): Promise<Clustering>;
  /** Ids, terms and centres of drafts reshaped between reclusters. */
  describe(items: ThemeItem[], drafts: ThemeDraft[]): Promise<Clustering>;
  /** The theme a new item belongs to, or undefined: a few comparisons, on the spot. */
  assign(model: ThemeModel, text: string): string | undefined;
}
