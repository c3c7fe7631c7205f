import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../server/config.ts';
import { dayOf } from '../../server/days.ts';
import type { EngineKind } from '../../server/db/engine.ts';
import type { SurveyResponseEvent } from '../../server/db/event-storage.ts';
import { createStorage } from '../../server/db/storage.ts';
import type { Notification } from '../../server/notify/notification.ts';
import { createTriggers } from '../../server/notify/triggers.ts';
import { manifestSchema, type Manifest } from '../../src/shared/content/manifest.ts';
import { scoreBand } from '../../src/shared/surveys.ts';
import { openFreshEngine } from './engines.ts';

/** A small site: the articles named (`<locale>/<category>/<slug>`), each updated on `updated` unless said. */
export function manifestOf(articles: { id: string; updated?: string }[], site: Partial<Manifest> = {}): Manifest {
  return manifestSchema.parse({
    defaultLocale: 'ko',
    locales: ['ko', 'en'],
    categories: [{ id: 'billing', title: { ko: '결제', en: 'Billing' } }],
    contexts: [],
    widgetOrigins: [],
    articles: articles.map(({ id, updated = '2026-01-01' }) => {
      const [locale, category] = id.split('/');
      return {
        id,
        locale,
        category,
        title: `Title of ${id}`,
        url: `/${id}/`,
        sourcePath: `${id}.mdx`,
        updated,
        contexts: [],
      };
    }),
    ...site,
  });
}

/**
 * The triggers over a fresh database of the engine, a clock the test sets and a sink that collects what they hand
 * it. `restart` makes them anew on a second connection, as a restarted server or another instance would.
 */
export async function triggerRig(kind: EngineKind, manifest: Manifest, env: Record<string, string> = {}) {
  const database = await openFreshEngine(kind);
  const storage = createStorage(database.engine);
  const clock = { now: new Date('2026-03-02T10:00:00Z') };
  const sent: Notification[] = [];
  const make = (store = storage) =>
    createTriggers({
      storage: store,
      manifest,
      config: loadConfig(env),
      clock: () => clock.now,
      sink: { enqueue: async (notification) => void sent.push(notification) },
    });
  let triggers = make();
  const base = () => ({ eventId: randomUUID(), day: dayOf(clock.now), at: clock.now.toISOString() });
  return {
    storage,
    sent,
    /** The notifications of one type handed over so far. */
    of: <T extends Notification['type']>(type: T) =>
      sent.filter((n): n is Extract<Notification, { type: T }> => n.type === type),
    at: (iso: string) => void (clock.now = new Date(iso)),
    later: (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms)),
    run: () => triggers.runDue(),
    restart: async () => void (triggers = make(createStorage(await database.observer()))),
    vote: (articleId: string, helpful: boolean, visitor: string, comment?: string) =>
      storage.events.recordVote({ ...base(), articleId, helpful, visitor, ...(comment && { comment }) }),
    /** `count` votes of distinct readers on the clock's day. */
    votes: async (articleId: string, helpful: boolean, count: number) => {
      for (let i = 0; i < count; i++)
        await storage.events.recordVote({ ...base(), articleId, helpful, visitor: randomUUID() });
    },
    failedSearch: (query: string, locale: 'ko' | 'en', visitor: string) =>
      storage.events.recordSearch({ ...base(), query, normalized: query, locale, resultCount: 0, visitor }),
    /** An answer to one of the site's surveys, at the clock's time. */
    surveyAnswer: (
      survey: string,
      score: number,
      fields: Partial<Pick<SurveyResponseEvent, 'comment' | 'locale' | 'articleId' | 'context'>> = {},
    ) => {
      const { kind } = manifest.surveys.find((defined) => defined.id === survey)!;
      return storage.events.recordSurveyResponse({
        ...base(),
        visitor: `visitor-${randomUUID()}`,
        survey,
        kind,
        band: scoreBand(kind, score),
        score,
        comment: undefined,
        locale: 'ko',
        ...fields,
      });
    },
    close: () => database.close(),
  };
}
