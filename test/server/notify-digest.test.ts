import { afterEach, describe, expect, it } from 'vitest';
import { locales } from '../../src/shared/locales.ts';
import { composeMessage } from '../../server/notify/messages.ts';
import { renderEmail } from '../../server/notify/render/email-message.ts';
import { renderSlackMessage } from '../../server/notify/render/slack-message.ts';
import type { Theme, ThemeItem } from '../../server/themes/theme.ts';
import { textsOf } from '../helpers/block-kit.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { BASE_URL } from '../helpers/sample-notifications.ts';
import { manifestOf, triggerRig } from '../helpers/triggers.ts';

onEachEngine((kind) => {
  let rig: Awaited<ReturnType<typeof triggerRig>>;
  afterEach(() => rig.close());

  describe('the weekly digest', () => {
    it('goes once a week at the configured hour in the site’s time zone, and late in a week the server was down at it', async () => {
      const manifest = manifestOf([{ id: 'en/billing/invoice' }], { timeZone: 'America/New_York' });
      rig = await triggerRig(kind, manifest, { HELPLOOP_DIGEST_DAY: 'tuesday', HELPLOOP_DIGEST_HOUR: '8' });
      const digests = () => rig.of('digest.weekly').map((n) => n.data.period);
      rig.at('2026-03-03T12:30:00Z'); // Tuesday 07:30 in New York
      await rig.run();
      rig.at('2026-03-03T12:59:00Z');
      await rig.run();
      expect(digests()).toEqual([]);
      rig.at('2026-03-03T13:00:00Z'); // 08:00 EST
      await rig.run();
      for (const at of ['2026-03-03T13:01:00Z', '2026-03-03T20:00:00Z', '2026-03-05T09:00:00Z']) {
        rig.at(at);
        await rig.run();
      }
      await rig.restart(); // another instance, or the server started again
      await rig.run();
      expect(digests()).toEqual([{ from: '2026-02-24', to: '2026-03-02' }]);

      rig.at('2026-03-10T11:30:00Z'); // 07:30 EDT; then down at 08:00, back on Thursday
      await rig.run();
      rig.at('2026-03-12T16:00:00Z');
      await rig.run();
      await rig.run();
      expect(digests()).toEqual([
        { from: '2026-02-24', to: '2026-03-02' },
        { from: '2026-03-05', to: '2026-03-11' },
      ]);
      expect(rig.of('digest.weekly')[0]).toMatchObject({ locale: null, category: null, data: { staffUrl: '/staff/' } });
    });

    it('gives each defined survey’s score with its margin and its change against last week', async () => {
      const manifest = manifestOf([], {
        surveys: [
          { id: 'loyalty', kind: 'nps', sample: 1, throttleDays: 30, on: 'host' },
          { id: 'ces', kind: 'ces', sample: 1, throttleDays: 30, on: 'help-center' },
        ],
      });
      rig = await triggerRig(kind, manifest, { HELPLOOP_NOTIFY_TRIGGERS: 'digest.weekly' });
      const answers = async (day: string, survey: string, score: number, count: number) => {
        rig.at(`${day}T03:00:00Z`);
        for (let i = 0; i < count; i++) await rig.surveyAnswer(survey, score);
      };
      // Last week: NPS 40% promoters − 30% detractors of 50 = 10. This week: 50% − 20% of 100 = 30.
      await answers('2026-02-25', 'loyalty', 9, 20);
      await answers('2026-02-25', 'loyalty', 7, 15);
      await answers('2026-02-25', 'loyalty', 3, 15);
      await answers('2026-03-03', 'loyalty', 10, 50);
      await answers('2026-03-03', 'loyalty', 8, 30);
      await answers('2026-03-03', 'loyalty', 0, 20);
      // CES: 6 of 10 easy this week, no answers last week.
      await answers('2026-03-04', 'ces', 6, 6);
      await answers('2026-03-04', 'ces', 2, 4);
      rig.at('2026-03-08T23:00:00Z');
      await rig.run();
      rig.at('2026-03-09T00:00:00Z');
      await rig.run();

      const [loyalty, ces] = rig.of('digest.weekly')[0]!.data.surveys;
      // SE this week 100·√((0.5 + 0.2 − 0.3²)/100) = 7.81; last week 100·√((0.4 + 0.3 − 0.1²)/50) = 11.75.
      expect(loyalty).toMatchObject({ id: 'loyalty', kind: 'nps', n: 100, previous: { n: 50 } });
      expect(loyalty!.score).toBeCloseTo(30, 9);
      expect(loyalty!.marginOfError).toBeCloseTo(15.31, 2);
      expect(loyalty!.previous.score).toBeCloseTo(10, 9);
      expect(loyalty!.change!.value).toBeCloseTo(20, 9);
      expect(loyalty!.change!.marginOfError).toBeCloseTo(27.65, 2);
      // Wilson 95% interval of 6/10: 0.3127 to 0.8318.
      expect(ces).toMatchObject({
        id: 'ces',
        kind: 'ces',
        n: 10,
        score: 0.6,
        previous: { n: 0, score: null },
        change: null,
      });
      expect(ces!.marginOfError).toBeCloseTo(0.2596, 4);
    });

    it('names the week’s three largest themes with last week’s count and change, never an ignored one nor what readers wrote', async () => {
      rig = await triggerRig(kind, manifestOf([]), { HELPLOOP_NOTIFY_TRIGGERS: 'digest.weekly' });
      // Keys as collect.ts writes them per source.
      const sources = { comments: 'c:', survey: 'v:', searches: 's:ko:' } as const;
      const kinds = Object.keys(sources) as (keyof typeof sources)[];
      const items: ThemeItem[] = [];
      // `now` items over this week (Mar 2 to 8), `before` in the week before (Feb 23 to Mar 1), from each source in turn.
      const theme = (id: string, now: number, before: number, fields: Partial<Theme> = {}): Theme => {
        const members = [...Array(now + before).keys()].map((i) => {
          const source = kinds[i % 3]!;
          const key = `${sources[source]}${id}-${i}`;
          const at = i < now ? `2026-03-0${2 + (i % 7)}T10:00:00.000Z` : '2026-02-25T10:00:00.000Z';
          items.push({
            key,
            source,
            locale: 'ko',
            text: `what reader ${id}-${i} wrote`,
            article: null,
            at,
            weight: 1,
          });
          return key;
        });
        return { id, terms: [`${id}-one`, `${id}-two`, `${id}-three`, `${id}-four`], members, ...fields };
      };
      const themes = [
        theme('refund', 5, 2),
        theme('agent', 4, 0, { label: 'Can’t reach an agent' }),
        theme('menu', 3, 1),
        theme('login', 3, 3), // as large as menu, but not growing: fourth
        theme('praise', 9, 1, { ignored: true }),
        theme('gone', 0, 6), // only last week
      ];
      await rig.storage.themes.collected(items, {});
      await rig.storage.themes.saveClustering(themes, { idf: {}, themes: [], minSimilarity: 0.5 });
      rig.at('2026-03-08T23:00:00Z');
      await rig.run();
      rig.at('2026-03-09T00:00:00Z');
      await rig.run();

      const [digest] = rig.of('digest.weekly');
      expect(digest!.data.themes).toEqual([
        {
          id: 'refund',
          label: 'refund-one · refund-two · refund-three',
          count: 5,
          previous: 2,
          growth: 1.5,
          staffUrl: '/staff/themes/?days=7',
        },
        {
          id: 'agent',
          label: 'Can’t reach an agent',
          count: 4,
          previous: 0,
          growth: null,
          staffUrl: '/staff/themes/?days=7',
        },
        {
          id: 'menu',
          label: 'menu-one · menu-two · menu-three',
          count: 3,
          previous: 1,
          growth: 2,
          staffUrl: '/staff/themes/?days=7',
        },
      ]);
      const rendered = locales.map((locale) => {
        const message = composeMessage(digest!, locale, { baseUrl: BASE_URL });
        const slack = textsOf(renderSlackMessage(message)).join('\n');
        const { text, html } = renderEmail(message);
        return { locale, slack, text, html };
      });
      const lines = {
        ko: ['언급 5건 (+150%, 지난주 2건)', '언급 4건 (새 주제)', '언급 3건 (+200%, 지난주 1건)'],
        en: ['5 mentions (+150%, last week 2)', '4 mentions (new)', '3 mentions (+200%, last week 1)'],
      };
      for (const { locale, slack, text, html } of rendered) {
        for (const part of [slack, text, html]) {
          for (const line of [...lines[locale], 'refund-one · refund-two · refund-three', 'menu-one'])
            expect(part).toContain(line);
          expect(part).toContain(`${BASE_URL}/staff/themes/?days=7`);
          expect(part).not.toMatch(/what reader|praise|login/);
        }
        expect(slack).toContain('Can’t reach an agent');
      }
      expect(JSON.stringify(digest)).not.toContain('what reader');
    });

    it('lists the week’s worst articles and failed searches with last week’s, waiting synonyms and judged fixes', async () => {
      const manifest = manifestOf([
        { id: 'en/billing/invoice' },
        { id: 'en/billing/refund' },
        { id: 'ko/billing/card' },
        { id: 'ko/billing/update-card' },
      ]);
      rig = await triggerRig(kind, manifest, { HELPLOOP_NOTIFY_TRIGGERS: 'digest.weekly' });
      const on = async (day: string, act: () => Promise<unknown>) => {
        rig.at(`${day}T03:00:00Z`);
        await act();
      };
      // Last week (Feb 23 to Mar 1) and this week (Mar 2 to 8).
      await on('2026-02-25', async () => {
        await rig.votes('en/billing/invoice', false, 2);
        await rig.votes('en/billing/invoice', true, 8);
        await rig.failedSearch('refund', 'en', 'reader-1');
        await rig.votes('ko/billing/card', true, 5);
        await rig.votes('ko/billing/card', false, 5);
      });
      await on('2026-03-03', async () => {
        await rig.votes('en/billing/invoice', false, 6);
        await rig.votes('en/billing/invoice', true, 4);
        await rig.votes('en/billing/refund', false, 1);
        await rig.votes('en/billing/refund', true, 1);
        await rig.votes('ko/billing/card', false, 2);
        await rig.votes('ko/billing/card', true, 8);
        for (const reader of ['reader-1', 'reader-2', 'reader-3']) await rig.failedSearch('refund', 'en', reader);
        for (const reader of ['reader-1', 'reader-2']) await rig.failedSearch('invoice', 'en', reader);
        for (const reader of ['reader-1', 'reader-2', 'reader-3', 'reader-4'])
          await rig.failedSearch('asdf', 'en', reader);
      });
      await rig.storage.reports.reviewQuery('en', 'asdf', {
        status: 'ignored',
        note: '',
        updatedBy: 'staff@example.com',
        updatedAt: '2026-03-04T00:00:00Z',
      });
      await rig.storage.reports.reviewArticle('ko/billing/card', {
        status: 'fixed',
        note: '',
        updatedBy: 'staff@example.com',
        updatedAt: '2026-03-01T10:00:00Z',
      });
      // Three readers searched 카드 갈아끼우기, found nothing, then found the article by a related search.
      for (const reader of ['reader-a', 'reader-b', 'reader-c']) {
        rig.at('2026-03-04T05:00:00Z');
        await rig.storage.events.recordSearch({
          eventId: crypto.randomUUID(),
          query: '카드 갈아끼우기',
          normalized: '카드갈아끼우기',
          locale: 'ko',
          resultCount: 0,
          visitor: reader,
          day: '2026-03-04',
          at: '2026-03-04T05:00:00.000Z',
        });
        await rig.storage.events.recordClick({
          eventId: crypto.randomUUID(),
          query: '카드 변경',
          normalized: '카드변경',
          articleId: 'ko/billing/update-card',
          position: 1,
          visitor: reader,
          day: '2026-03-04',
          at: '2026-03-04T05:02:00.000Z',
        });
      }
      rig.at('2026-03-08T23:00:00Z'); // Monday 08:00 in Seoul
      await rig.run();
      rig.at('2026-03-09T00:00:00Z');
      await rig.run();

      const [digest, ...more] = rig.of('digest.weekly');
      expect(more).toEqual([]);
      expect(digest!.data.period).toEqual({ from: '2026-03-02', to: '2026-03-08' });
      expect(digest!.data.unhelpful.map((row) => [row.article.id, row.votes, row.unhelpful])).toEqual([
        ['en/billing/invoice', 10, { now: 0.6, before: 0.2 }],
        ['en/billing/refund', 2, { now: 0.5, before: null }],
        ['ko/billing/card', 10, { now: 0.2, before: 0.5 }],
      ]);
      expect(digest!.data.failedSearches.map((row) => [row.query, row.visitors, row.visitorsBefore])).toEqual([
        ['refund', 3, 1],
        ['카드 갈아끼우기', 3, 0], // the synonym's readers found nothing first
        ['invoice', 2, 0],
      ]);
      expect(digest!.data.failedSearches[0]!.staffUrl).toBe('/staff/failed-searches/?days=7&locale=en');
      expect(digest!.data.synonymsWaiting).toEqual([
        expect.objectContaining({
          query: '카드 갈아끼우기',
          readers: 3,
          article: expect.objectContaining({ id: 'ko/billing/update-card' }),
        }),
      ]);
      expect(digest!.data.fixes).toEqual([
        {
          article: expect.objectContaining({ id: 'ko/billing/card' }),
          before: { votes: 10, helpful: 5, unhelpful: 5, helpfulShare: 0.5 },
          after: { votes: 10, helpful: 8, unhelpful: 2, helpfulShare: 0.8 },
          worked: true,
        },
      ]);
    });
  });
});
