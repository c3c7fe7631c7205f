import { describe, expect, it } from 'vitest';
import type { ThemeStorage } from '../../server/db/theme-storage.ts';
import { collectThemeItems } from '../../server/themes/collect.ts';

describe('collecting what readers said', () => {
  it('lets the event loop serve requests while it turns a large backlog into items', async () => {
    // The first turn after an upgrade reads every failed query at once: 30,000 of them, counted by the database.
    const queries = Array.from({ length: 30_000 }, (_, i) => ({
      locale: 'ko',
      normalized: `query ${i}`,
      visitors: 1 + (i % 5),
      at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      forms: [
        { query: `query ${i}`, searches: 2 },
        { query: `Query ${i}`, searches: 3 },
        { query: `QUERY ${i}`, searches: 3 },
      ],
    }));
    let served = false;
    let servedBeforeStoring: boolean | undefined;
    const themes = {
      unhelpfulComments: async () => [],
      surveyComments: async () => [],
      failedQueries: async () => queries,
      collected: async () => {
        servedBeforeStoring = served;
      },
      deleteBefore: async () => {},
    } as unknown as ThemeStorage;
    // A request that came in meanwhile: it is answered between slices, not after the whole backlog.
    setImmediate(() => (served = true));
    const items = await collectThemeItems(themes, {}, '2026-01-01');
    expect(servedBeforeStoring).toBe(true);
    expect(items).toHaveLength(30_000);
    // The form typed most often names the item, the first in alphabetical order among equals.
    expect(items[7]).toMatchObject({
      key: expect.any(String),
      text: 'Query 7',
      source: 'searches',
      weight: 3,
      at: '2026-11-08T10:00:00Z',
    });
  });
});
