import { describe, expect, it } from 'vitest';
import type { ThemeStorage } from '../../server/db/theme-storage.ts';
import { collectThemeItems } from '../../server/themes/collect.ts';

describe('collecting what readers said', () => {
  it('lets the event loop serve requests while it turns a large backlog into items', async () => {
    // The first turn after an upgrade reads every failed search at once: 40,000 of them, 300 queries.
    const searches = Array.from({ length: 40_000 }, (_, i) => ({
      locale: 'ko',
      normalized: `query ${i % 300}`,
      query: `Query ${i % 300}`,
      visitor: `visitor ${i}`,
      created_at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
    }));
    let served = false;
    let servedBeforeStoring: boolean | undefined;
    const themes = {
      unhelpfulComments: async () => [],
      surveyComments: async () => [],
      failedSearches: async () => searches,
      collected: async () => {
        servedBeforeStoring = served;
      },
      deleteBefore: async () => {},
    } as unknown as ThemeStorage;
    // A request that came in meanwhile: it is answered between slices, not after the whole backlog.
    setImmediate(() => (served = true));
    const items = await collectThemeItems(themes, {}, '2026-01-01');
    expect(servedBeforeStoring).toBe(true);
    expect(items).toHaveLength(300);
    expect(items.find((item) => item.text === 'Query 7')).toMatchObject({
      key: expect.any(String),
      source: 'searches',
      weight: 134,
      at: '2026-11-28T10:00:00Z',
    });
  });
});
