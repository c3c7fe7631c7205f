import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { Locale } from '../../src/shared/locales.ts';
import type { SearchOutcome } from '../../src/shared/search/engine.ts';

export interface SearchWorkerData {
  siteDir: string;
  /** Each locale, with a query that warms its engine before readers' searches are taken: an article's title. */
  warmUp: { locale: Locale; query: string }[];
}
export interface SearchRequest {
  id: number;
  locale: Locale;
  query: string;
}
/** An answer (no outcome when the search failed), or the news that every index has loaded. */
export type SearchReply = { id: number; outcome?: SearchOutcome } | { ready: true };

export interface ServerSearchOptions {
  /** How long a page waits for an answer before it is served without one. */
  deadlineMs?: number;
  /** Searches the worker may have in hand; past them, pages are served without answers. */
  maxPending?: number;
  /** Answers kept for queries asked again (most linked searches are a few popular ones). */
  cacheSize?: number;
}

/** A worker that failed is started again after this long, not on every request. */
const RESTART_MS = 30_000;

/**
 * The readers' search engine, run by the server on its built site so that a linked search (`/ko/search/?q=…`) has
 * its results in the page: on screen with the first paint, and for readers without JavaScript.
 *
 * It is an extra, never a dependency: the page is served without results (and the browser searches, as it does on
 * a CDN) while the engine starts, when it is slower than `deadlineMs`, busy with `maxPending` searches, or failed.
 * So a flood of made-up queries costs one thread at most and is served as plain pages.
 */
export class ServerSearch {
  private readonly workerData: SearchWorkerData;
  private readonly deadlineMs: number;
  private readonly maxPending: number;
  private readonly cache: LRUCache<string, SearchOutcome>;
  private readonly pending = new Map<number, { key: string; settle: (outcome?: SearchOutcome) => void }>();
  private worker: Worker | undefined;
  private ready = false;
  private nextId = 0;
  private failedAt = -Infinity;

  constructor(siteDir: string, manifest: Manifest, options: ServerSearchOptions = {}) {
    this.workerData = {
      siteDir,
      warmUp: manifest.locales.map((locale) => ({
        locale,
        query: manifest.articles.find((article) => article.locale === locale)?.title ?? '',
      })),
    };
    this.deadlineMs = options.deadlineMs ?? 300;
    this.maxPending = options.maxPending ?? 8;
    this.cache = new LRUCache({ max: options.cacheSize ?? 500 });
    this.start();
  }

  /** The engine's answer to a search, or nothing when the page should go without one. */
  async answer(locale: Locale, query: string): Promise<SearchOutcome | undefined> {
    const key = `${locale}\n${query}`;
    const known = this.cache.get(key);
    if (known) return known;
    this.start();
    if (!this.worker || !this.ready || this.pending.size >= this.maxPending) return undefined;
    const id = ++this.nextId;
    const answered = new Promise<SearchOutcome | undefined>((settle) => this.pending.set(id, { key, settle }));
    this.worker.postMessage({ id, locale, query } satisfies SearchRequest);
    const deadline = new AbortController();
    // A late answer is still kept: the next reader to ask gets it.
    const late = delay(this.deadlineMs, undefined, { signal: deadline.signal }).catch(() => undefined);
    try {
      return await Promise.race([answered, late]);
    } finally {
      deadline.abort();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.failedAt = Infinity; // no restart
    await worker?.terminate();
  }

  private start(): void {
    if (this.worker || Date.now() - this.failedAt < RESTART_MS) return;
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      workerData: this.workerData,
      // Its indexes are a few megabytes; a runaway must end the thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    worker.on('message', (reply: SearchReply) => {
      if ('ready' in reply) {
        this.ready = true;
        return;
      }
      const request = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (request && reply.outcome) this.cache.set(request.key, reply.outcome);
      request?.settle(reply.outcome);
    });
    worker.on('error', (error: Error) =>
      console.error(
        `Search in the server failed (${error.message}): linked searches are answered in the browser, retrying in ${RESTART_MS / 1000} s.`,
      ),
    );
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      this.failedAt = Math.max(this.failedAt, Date.now());
      for (const { settle } of this.pending.values()) settle(undefined);
      this.pending.clear();
    });
    this.worker = worker;
  }
}
