import { daysBefore } from '../days.ts';
import type { ThemeStorage } from '../db/theme-storage.ts';
import { leases, onOneInstance } from '../job-lease.ts';
import { everyInterval } from '../periodic-task.ts';
import type { Storage } from '../db/storage.ts';
import { collectThemeItems } from './collect.ts';
import type { ThemeGrouper } from './grouper.ts';

const MINUTE = 60_000;
/** A clustering older than this is redone: new words and drifting themes need more than nearest-centre. */
const RECLUSTER_AFTER_MS = 24 * 60 * MINUTE;
/** Items grown by this share since the last clustering: enough new ones to form themes nearest-centre cannot. */
const RECLUSTER_GROWTH = 1.25;
/** Items said since the last clustering that no theme took, and their share of all: enough to be a new theme. */
const NEW_THEME_ITEMS = 3;
const NEW_THEME_SHARE = 0.05;

export interface ThemeJobDeps {
  themes: ThemeStorage;
  grouper: ThemeGrouper;
  clock: () => Date;
  /** Days items are kept, as the raw events they came from (HELPLOOP_RETENTION_DAYS). */
  retentionDays: number;
}

/** Clusters every item afresh, staff's decisions applied, and stores it all in one transaction. */
export async function recluster({ themes, grouper, clock }: Omit<ThemeJobDeps, 'retentionDays'>) {
  const [items, decisions] = await Promise.all([themes.items(), themes.decisions()]);
  const clustering = await grouper.group(items, decisions);
  await themes.saveClustering(clustering.themes, clustering.model, {
    at: clock().toISOString(),
    items: items.length,
  });
}

/**
 * One turn: collect what readers said since the last; recluster when there is no clustering yet, it is a day old,
 * or the items grew by a quarter since; else give each new item its nearest theme, and recluster when what no theme
 * took has grown enough to be a theme of its own. Stopped anywhere, the next turn
 * finds the previous state whole and does the same again.
 */
export async function themeTurn(deps: ThemeJobDeps) {
  const { themes, grouper, clock, retentionDays } = deps;
  // The state is read once a turn: its model is the largest thing the job reads, and collecting changes only its
  // watermarks.
  const state = await themes.state();
  const collected = await collectThemeItems(themes, state.watermarks, daysBefore(clock(), retentionDays));
  const total = await themes.itemCount();
  const age = state.reclusteredAt ? clock().getTime() - Date.parse(state.reclusteredAt) : Infinity;
  if (!state.model || age > RECLUSTER_AFTER_MS || total >= state.reclusteredItems * RECLUSTER_GROWTH)
    return recluster(deps);
  const { model } = state;
  await themes.assign(collected.map((item) => ({ key: item.key, themeId: grouper.assign(model, item.text) ?? null })));
  // What no theme took may be a theme of its own: once there is enough of it to be one, group everything again.
  const unthemed = await themes.unthemedSince(state.reclusteredAt ?? '');
  if (unthemed >= Math.max(NEW_THEME_ITEMS, total * NEW_THEME_SHARE)) await recluster(deps);
}

/** The themes job, every `everyMs` (HELPLOOP_THEMES_SECONDS), on one instance of those sharing the database. */
export function scheduleThemes(storage: Storage, everyMs: number, deps: Omit<ThemeJobDeps, 'themes'>) {
  return everyInterval(
    'The themes job',
    everyMs,
    onOneInstance(leases(storage), 'themes', everyMs * 0.9, deps.clock, () =>
      themeTurn({ ...deps, themes: storage.themes }),
    ),
  );
}
