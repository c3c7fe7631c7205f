import type { ThemeDraft } from './theme.ts';

/** What staff may decide about a theme. */
export const THEME_DECISION_KINDS = ['rename', 'ignore', 'restore', 'merge', 'split'] as const;
export type ThemeDecisionKind = (typeof THEME_DECISION_KINDS)[number];

/**
 * A decision as stored: it names its theme by `anchor`, the member keys at decision time, never by an id, so it
 * still finds the theme after a recluster renumbered every theme. `other` is merge's second theme; `label` is
 * rename's name or a split's.
 */
export interface ThemeDecision {
  kind: ThemeDecisionKind;
  anchor: string[];
  other: string[];
  label: string | null;
}

/** The draft holding most of `keys` (ties: the earliest), or -1 when none holds any. */
function holderOf(drafts: ThemeDraft[], keys: string[]): number {
  const wanted = new Set(keys);
  let best = -1;
  let most = 0;
  drafts.forEach((draft, i) => {
    const held = draft.members.filter((key) => wanted.has(key)).length;
    if (held > most) [best, most] = [i, held];
  });
  return best;
}

type Apply = (drafts: ThemeDraft[], decision: ThemeDecision) => ThemeDraft[];

const reshape =
  (change: (draft: ThemeDraft, decision: ThemeDecision) => ThemeDraft): Apply =>
  (drafts, decision) => {
    const at = holderOf(drafts, decision.anchor);
    return drafts.map((draft, i) => (i === at ? change(draft, decision) : draft));
  };

const apply: Record<ThemeDecisionKind, Apply> = {
  rename: reshape((draft, { label }) => ({ ...draft, label: label ?? undefined })),
  ignore: reshape((draft) => ({ ...draft, ignored: true })),
  restore: reshape((draft) => ({ ...draft, ignored: false })),
  merge: (drafts, { anchor, other }) => {
    const [into, from] = [holderOf(drafts, anchor), holderOf(drafts, other)];
    if (into < 0 || from < 0 || into === from) return drafts;
    const [kept, gone] = [drafts[into]!, drafts[from]!];
    const merged = { ...gone, ...kept, members: [...kept.members, ...gone.members] };
    return drafts.flatMap((draft, i) => (i === into ? [merged] : i === from ? [] : [draft]));
  },
  split: (drafts, { anchor, label }) => {
    const moving = new Set(anchor);
    const moved = drafts.flatMap((draft) => draft.members.filter((key) => moving.has(key)));
    if (!moved.length) return drafts;
    const left = drafts
      .map((draft) => ({ ...draft, members: draft.members.filter((key) => !moving.has(key)) }))
      .filter((draft) => draft.members.length > 0);
    return [...left, { members: moved, ...(label !== null && { label }) }];
  },
};

/**
 * Staff's decisions applied to freshly clustered drafts, oldest first: each reshapes the draft holding most of its
 * anchor and is dropped when no draft holds any of it (its items expired).
 */
export function applyDecisions(drafts: ThemeDraft[], decisions: ThemeDecision[]): ThemeDraft[] {
  return decisions.reduce((current, decision) => apply[decision.kind](current, decision), drafts);
}
