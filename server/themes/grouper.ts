import type { Theme, ThemeDraft, ThemeItem, ThemeModel } from './theme.ts';

type Clustering = { themes: Theme[]; model: ThemeModel };

/**
 * The clustering the job and staff's decisions run, its lexicon already loaded: grouping.ts's functions over the
 * built site's vocabulary, or an operator's own (a local embedding model) behind the same three calls.
 */
export interface ThemeGrouper {
  /** Clusters every item, then lets `decide` reshape the drafts (staff's decisions). */
  group(items: ThemeItem[], decide: (drafts: ThemeDraft[]) => ThemeDraft[]): Clustering;
  /** Ids, terms and centres of drafts reshaped between reclusters. */
  describe(items: ThemeItem[], drafts: ThemeDraft[]): Clustering;
  /** The theme a new item belongs to, or undefined. */
  assign(model: ThemeModel, text: string): string | undefined;
}
