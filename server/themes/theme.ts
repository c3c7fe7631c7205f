/**
 * The contract of themes: what readers said (items), the groups the clustering finds in them (themes), and what
 * staff decided about those groups. Staff decisions name member items, never theme ids, so they survive a
 * recluster that renumbers every theme.
 */

import type { ThemeSource } from '../../src/shared/themes.ts';

/** One thing readers said. */
export interface ThemeItem {
  /** Stable across reclusters and instances (`c:…` a comment, `v:…` a survey answer, `s:<locale>:<normalized>` a search). */
  key: string;
  source: ThemeSource;
  locale: string;
  /** As stored: masked, never rewritten. A failed search's text is its most common typed form. */
  text: string;
  article: string | null;
  /** When it was said (a failed search: its latest time). ISO. */
  at: string;
  /** Readers it stands for: 1 for a comment, a failed search's distinct searchers. */
  weight: number;
}

/** A group of items that say the same thing. */
export interface Theme {
  /** Derived from the most central member's key: the same group keeps its id across reclusters. */
  id: string;
  /** Its top terms (class-based TF-IDF), most distinctive first. */
  terms: string[];
  /** Item keys, most central first: the first is the theme's example. */
  members: string[];
  /** Staff's own name for it (a rename decision); without it, its terms name it. */
  label?: string;
  /** Staff chose to ignore it: it still holds its items, so they stay out of other themes, but it is not shown. */
  ignored?: boolean;
}

/** A theme as staff decisions reshape it, before its id, terms and centre are computed from its members. */
export type ThemeDraft = Pick<Theme, 'members' | 'label' | 'ignored'>;

/**
 * What an item that arrives between reclusters is compared against, stored as JSON so every instance assigns
 * alike: the terms' inverse document frequencies and each theme's centre.
 */
export interface ThemeModel {
  idf: Record<string, number>;
  themes: { id: string; centre: Record<string, number> }[];
  /** Below this cosine similarity to every centre, a new item belongs to no theme yet. */
  minSimilarity: number;
}
