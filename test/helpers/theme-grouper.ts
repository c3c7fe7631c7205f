import { createHash } from 'node:crypto';
import { applyDecisions } from '../../server/themes/decisions.ts';
import type { ThemeGrouper } from '../../server/themes/grouper.ts';
import type { Theme, ThemeDraft, ThemeItem } from '../../server/themes/theme.ts';

const wordOf = (text: string) => text.trim().split(/\s+/)[0]!.toLowerCase();
const idOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

/**
 * A clustering whose answer a test can tell in advance: items sharing their first word form a theme (its one
 * term), the earliest-keyed member first; a theme's id comes from that member, as grouping.ts does.
 */
export function firstWordGrouper(): ThemeGrouper {
  const describe = (items: ThemeItem[], drafts: ThemeDraft[]) => {
    const text = new Map(items.map((item) => [item.key, item.text]));
    const themes: Theme[] = drafts.map((draft) => {
      const members = [...draft.members].sort();
      return { ...draft, members, id: idOf(members[0]!), terms: [wordOf(text.get(members[0]!)!)] };
    });
    const model = {
      idf: {},
      themes: themes.map((theme) => ({ id: theme.id, centre: { [theme.terms[0]!]: 1 } })),
      minSimilarity: 1,
    };
    return { themes, model };
  };
  return {
    group: async (items, decisions) => {
      const groups = Map.groupBy(items, (item) => wordOf(item.text));
      const drafts = [...groups.values()].map((group) => ({ members: group.map((i) => i.key) }));
      return describe(items, applyDecisions(drafts, decisions));
    },
    describe: async (items, drafts) => describe(items, drafts),
    assign: (model, text) => model.themes.find((theme) => theme.centre[wordOf(text)])?.id,
  };
}
