/**
 * The site's clustering in a worker thread (site-grouper.ts starts it): tens of thousands of items take seconds,
 * which the API's event loop must not wait for. It answers each task's id with its clustering or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyDecisions, type ThemeDecision } from './decisions.ts';
import { describeThemes, groupThemes } from './grouping.ts';
import { loadThemeLexicon } from './lexicon.ts';
import { runInBackground } from '../thread-priority.ts';
import type { ThemeDraft, ThemeItem } from './theme.ts';

/** What a worker is asked to do, without the id its answer carries. */
export type GroupingJob = { items: ThemeItem[] } & (
  { kind: 'group'; decisions: ThemeDecision[] } | { kind: 'describe'; drafts: ThemeDraft[] }
);
type GroupingTask = GroupingJob & { id: number };

// Clustering can wait for readers' requests on a busy machine.
runInBackground();
const lexicon = loadThemeLexicon((workerData as { siteDir: string }).siteDir);
parentPort!.on('message', (task: GroupingTask) => {
  try {
    const clustering =
      task.kind === 'group'
        ? groupThemes(task.items, lexicon, (drafts) => applyDecisions(drafts, task.decisions))
        : describeThemes(task.items, task.drafts, lexicon);
    parentPort!.postMessage({ id: task.id, clustering });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});
