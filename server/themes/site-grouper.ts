import { assignTheme, describeThemes, groupThemes } from './grouping.ts';
import type { ThemeGrouper } from './grouper.ts';
import { loadThemeLexicon } from './lexicon.ts';

/** The built-in clustering over the general lexicon and the built site's vocabulary, read once. */
export function siteGrouper(siteDir: string): ThemeGrouper {
  const lexicon = loadThemeLexicon(siteDir);
  return {
    group: (items, decide) => groupThemes(items, lexicon, decide),
    describe: (items, drafts) => describeThemes(items, drafts, lexicon),
    assign: (model, text) => assignTheme(model, text, lexicon),
  };
}
