import { Worker } from 'node:worker_threads';
import { assignTheme } from './grouping.ts';
import type { GroupingJob } from './grouping-worker.ts';
import type { Clustering, ThemeGrouper } from './grouper.ts';
import { loadThemeLexicon } from './lexicon.ts';

type Answer = { id: number; clustering: Clustering } | { id: number; error: string };
type Waiting = { resolve: (clustering: Clustering) => void; reject: (error: Error) => void };

/**
 * The built-in clustering over the general lexicon and the built site's vocabulary. Clustering runs in one worker
 * thread, started on first use and kept for the next (it holds the lexicon); a worker that died is started again
 * by the next task. A new item is placed on the spot: a few comparisons with the stored centres.
 */
export function siteGrouper(siteDir: string): ThemeGrouper & { close(): Promise<void> } {
  const lexicon = loadThemeLexicon(siteDir);
  const waiting = new Map<number, Waiting>();
  let worker: Worker | undefined;
  let next = 0;

  function start(): Worker {
    const started = new Worker(new URL('./grouping-worker.ts', import.meta.url), { workerData: { siteDir } });
    // The worker never keeps the process alive: a server stops when asked, mid-clustering or not.
    started.unref();
    started.on('message', (answer: Answer) => {
      const task = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) task?.reject(new Error(answer.error));
      else task?.resolve(answer.clustering);
    });
    const fail = (error: Error) => {
      if (worker === started) worker = undefined;
      for (const task of waiting.values()) task.reject(error);
      waiting.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the themes worker stopped (exit code ${code})`)));
    return started;
  }

  const run = (task: GroupingJob) =>
    new Promise<Clustering>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      (worker ??= start()).postMessage({ ...task, id });
    });

  return {
    group: (items, decisions) => run({ kind: 'group', items, decisions }),
    describe: (items, drafts) => run({ kind: 'describe', items, drafts }),
    assign: (model, text) => assignTheme(model, text, lexicon),
    close: async () => {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
