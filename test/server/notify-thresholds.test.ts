import { afterEach, describe, expect, it } from 'vitest';
import { wilsonLowerBound } from '../../server/reports/wilson.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { manifestOf, triggerRig } from '../helpers/triggers.ts';

const manifest = manifestOf([{ id: 'en/billing/invoice' }, { id: 'ko/billing/refund' }, { id: 'ko/billing/card' }]);
const MINUTES = 60_000;
const DAY = 86_400_000;

onEachEngine((kind) => {
  let rig: Awaited<ReturnType<typeof triggerRig>>;
  afterEach(() => rig.close());

  describe('article.unhelpful', () => {
    it('fires once when the "No" share surely crosses the level, and again only after it cleared and cooled down', async () => {
      rig = await triggerRig(kind, manifest, {
        HELPLOOP_NOTIFY_TRIGGERS: 'article.unhelpful',
        HELPLOOP_NOTIFY_COOLDOWN_DAYS: '1',
      });
      rig.at('2026-03-02T10:00:00Z');
      await rig.votes('en/billing/invoice', false, 7);
      await rig.votes('en/billing/invoice', true, 2);
      await rig.run();
      expect(rig.sent).toEqual([]); // 9 votes: fewer than the 10 needed
      await rig.votes('en/billing/invoice', false, 1);
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.of('article.unhelpful')).toEqual([
        expect.objectContaining({
          locale: 'en',
          category: 'billing',
          data: expect.objectContaining({
            days: 7,
            votes: 10,
            helpful: 2,
            unhelpful: 8,
            helpfulShare: 0.2,
            confidence: wilsonLowerBound(8, 10),
            level: 0.4,
          }),
        }),
      ]);
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.sent).toHaveLength(1); // still above the level: no second alert

      await rig.votes('en/billing/invoice', true, 10); // 8 of 20: cleared
      rig.later(10 * MINUTES);
      await rig.run();
      await rig.votes('en/billing/invoice', false, 20); // 28 of 40: crossed again, within the cool-down
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.sent).toHaveLength(1);
      rig.later(DAY);
      await rig.run();
      expect(rig.sent.map((n) => n.data)).toEqual([
        expect.objectContaining({ unhelpful: 8 }),
        expect.objectContaining({ unhelpful: 28, votes: 40 }),
      ]);
    });
  });

  describe('search.failing', () => {
    it('fires once when a failed search repeats from enough visitors in today and yesterday, and again after it cleared', async () => {
      rig = await triggerRig(kind, manifest, {
        HELPLOOP_NOTIFY_TRIGGERS: 'search.failing',
        HELPLOOP_NOTIFY_FAILED_VISITORS: '3',
        HELPLOOP_NOTIFY_COOLDOWN_DAYS: '1',
      });
      rig.at('2026-03-01T20:00:00Z');
      await rig.failedSearch('환불 방법', 'ko', 'reader-1');
      await rig.failedSearch('환불 방법', 'ko', 'reader-1');
      await rig.failedSearch('invoice copy', 'en', 'reader-1');
      await rig.failedSearch('invoice copy', 'en', 'reader-2');
      rig.at('2026-03-02T12:00:00Z');
      await rig.failedSearch('환불 방법', 'ko', 'reader-2');
      await rig.run();
      expect(rig.sent).toEqual([]);
      await rig.failedSearch('환불 방법', 'ko', 'reader-3');
      rig.later(10 * MINUTES);
      await rig.run();
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.of('search.failing')).toEqual([
        expect.objectContaining({
          locale: 'ko',
          category: null,
          data: expect.objectContaining({
            query: '환불 방법',
            visitors: 3,
            searches: 4,
            hours: 37,
            staffUrl: '/staff/failed-searches/?days=2&locale=ko',
          }),
        }),
      ]);
      rig.at('2026-03-04T00:10:00Z'); // the days of those searches have passed: cleared
      await rig.run();
      for (const reader of ['reader-4', 'reader-5', 'reader-6']) await rig.failedSearch('환불 방법', 'ko', reader);
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.of('search.failing').map((n) => n.data.visitors)).toEqual([3, 3]);
    });
  });

  describe('article.fix-not-working', () => {
    it('fires once for a fix readers find no more helpful, with the votes before and after it', async () => {
      rig = await triggerRig(kind, manifest, { HELPLOOP_NOTIFY_TRIGGERS: 'article.fix-not-working' });
      for (const [article, day, helpful, unhelpful] of [
        ['ko/billing/refund', '2026-03-02', 2, 4],
        ['ko/billing/refund', '2026-03-05', 2, 2],
        ['ko/billing/card', '2026-03-05', 5, 5],
        ['ko/billing/refund', '2026-03-10', 5, 5], // the day it was fixed: counted before
        ['ko/billing/refund', '2026-03-11', 3, 6],
        ['ko/billing/card', '2026-03-11', 8, 2],
      ] as const) {
        rig.at(`${day}T09:00:00Z`);
        await rig.votes(article, true, helpful);
        await rig.votes(article, false, unhelpful);
      }
      const fixed = { status: 'fixed', note: '', updatedBy: 'editor@example.com' } as const;
      await rig.storage.reports.reviewArticle('ko/billing/refund', { ...fixed, updatedAt: '2026-03-10T15:00:00.000Z' });
      await rig.storage.reports.reviewArticle('ko/billing/card', { ...fixed, updatedAt: '2026-03-10T15:00:00.000Z' });
      rig.at('2026-03-11T12:00:00Z');
      await rig.run();
      expect(rig.sent).toEqual([]); // 9 votes since the fix: fewer than 10
      await rig.votes('ko/billing/refund', true, 1);
      rig.later(10 * MINUTES);
      await rig.run();
      rig.later(10 * MINUTES);
      await rig.run();
      expect(rig.sent).toEqual([
        expect.objectContaining({
          type: 'article.fix-not-working',
          locale: 'ko',
          data: {
            article: expect.objectContaining({ id: 'ko/billing/refund' }),
            fixedAt: '2026-03-10T15:00:00.000Z',
            before: { votes: 20, helpful: 9, unhelpful: 11, helpfulShare: 0.45 },
            after: { votes: 10, helpful: 4, unhelpful: 6, helpfulShare: 0.4 },
          },
        }),
      ]);
    });
  });

  describe('switched off', () => {
    it('produce nothing, whatever readers do', async () => {
      rig = await triggerRig(kind, manifest, { HELPLOOP_NOTIFY_TRIGGERS: 'search.failing' });
      rig.at('2026-03-02T10:00:00Z');
      await rig.run();
      await rig.votes('en/billing/invoice', false, 30);
      await rig.vote('en/billing/invoice', false, 'reader-1', 'Wrong');
      rig.later(DAY);
      await rig.run();
      expect(rig.sent).toEqual([]);
    });
  });
});
