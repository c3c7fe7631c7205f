import { z } from 'zod';
import type { ThemeStorage } from '../db/theme-storage.ts';
import { ApiError } from '../errors.ts';
import { applyDecisions, type ThemeDecision } from './decisions.ts';
import type { ThemeGrouper } from './grouper.ts';
import type { ThemeDraft } from './theme.ts';

/** Member keys a decision keeps as its anchor: plenty to find the theme again after any recluster. */
const ANCHOR_KEYS = 500;

const label = z.string().trim().min(1).max(120);
export const themeDecisionRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rename'), label }),
  z.strictObject({ kind: z.literal('ignore') }),
  z.strictObject({ kind: z.literal('restore') }),
  z.strictObject({ kind: z.literal('merge'), with: z.string().min(1).max(200) }),
  z.strictObject({
    kind: z.literal('split'),
    items: z.array(z.string().min(1).max(300)).min(1).max(5000),
    label: label.optional(),
  }),
]);
/** What staff send to POST /api/staff/themes/:id/decisions. */
export type ThemeDecisionRequest = z.infer<typeof themeDecisionRequestSchema>;

/** The current themes as drafts, with their ids: members are the items whose theme_id names them. */
async function currentDrafts(themes: ThemeStorage) {
  const [state, items] = await Promise.all([themes.state(), themes.items()]);
  const members = Map.groupBy(
    items.filter((item) => item.themeId !== null),
    (item) => item.themeId!,
  );
  const drafts = state.themes.map((theme) => ({
    id: theme.id,
    members: (members.get(theme.id) ?? []).map((item) => item.key),
    ...(theme.label !== undefined && { label: theme.label }),
    ...(theme.ignored !== undefined && { ignored: theme.ignored }),
  }));
  return { items, drafts };
}

/**
 * Stores a staff decision anchored to the theme's members and applies it at once (no recluster): answers the
 * themes that hold its items afterwards.
 */
export async function decideOnTheme(
  themes: ThemeStorage,
  grouper: ThemeGrouper,
  themeId: string,
  request: ThemeDecisionRequest,
  by: { createdBy: string; createdAt: string },
) {
  const { items, drafts } = await currentDrafts(themes);
  const find = (id: string) => {
    const draft = drafts.find((d) => d.id === id);
    if (!draft) throw new ApiError(404, 'unknown_theme', `No theme with id ${id}`);
    return draft;
  };
  const theme = find(themeId);
  const anchorOf = (draft: ThemeDraft) => draft.members.slice(0, ANCHOR_KEYS);
  let decision: ThemeDecision = { kind: request.kind, anchor: anchorOf(theme), other: [], label: null };
  if (request.kind === 'rename') decision.label = request.label;
  if (request.kind === 'merge') decision.other = anchorOf(find(request.with));
  if (request.kind === 'split') {
    const unknown = request.items.filter((key) => !theme.members.includes(key));
    if (unknown.length) throw new ApiError(404, 'unknown_item', `Not in theme ${themeId}: ${unknown.join(', ')}`);
    decision = { ...decision, anchor: request.items, label: request.label ?? null };
  }
  await themes.decide(decision, by);
  const clustering = await grouper.describe(
    items,
    applyDecisions(
      drafts.map(({ id: _, ...draft }) => draft),
      [decision],
    ),
  );
  await themes.saveClustering(clustering.themes, clustering.model);
  const touched = new Set([...decision.anchor, ...decision.other]);
  return clustering.themes.filter((t) => t.members.some((key) => touched.has(key)));
}
