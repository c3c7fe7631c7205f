import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onEachEngine } from '../helpers/engines.ts';
import { manifestOf, triggerRig } from '../helpers/triggers.ts';

const manifest = manifestOf([{ id: 'ko/billing/refund' }], {
  siteUrl: 'https://help.example.com',
  surveys: [
    { id: 'nps', kind: 'nps', sample: 1, throttleDays: 30, on: 'host' },
    { id: 'ces', kind: 'ces', sample: 1, throttleDays: 30, on: 'help-center' },
  ],
});

onEachEngine((kind) => {
  describe('low survey scores with comments', () => {
    let rig: Awaited<ReturnType<typeof triggerRig>>;
    beforeEach(async () => {
      rig = await triggerRig(kind, manifest, { HELPLOOP_NOTIFY_TRIGGERS: 'survey.comments' });
      rig.at('2026-03-02T10:00:00.000Z');
      await rig.run(); // the watch starts
    });
    afterEach(() => rig.close());

    it('become one message per survey and window; high scores and answers without a comment do not', async () => {
      rig.at('2026-03-02T10:00:05.000Z');
      for (let i = 0; i < 40; i++) {
        await rig.surveyAnswer('nps', i % 7, { comment: `환불이 늦어요 ${i}`, articleId: 'ko/billing/refund' });
        rig.later(2000);
      }
      await rig.surveyAnswer('nps', 10, { comment: '최고예요' });
      await rig.surveyAnswer('nps', 8, { comment: '괜찮아요' });
      await rig.surveyAnswer('nps', 0);
      await rig.surveyAnswer('ces', 6, { comment: 'Easy' });
      await rig.surveyAnswer('ces', 2, { comment: 'Could not find it', locale: 'en', context: 'checkout' });
      rig.at('2026-03-02T10:05:00.000Z');
      await rig.run();
      expect(rig.sent).toEqual([]); // the NPS window ends at 10:05:05, the cursor is 30 s behind
      rig.at('2026-03-02T10:07:00.000Z');
      await rig.run();
      await rig.run();

      const [nps, ...rest] = rig.of('survey.comments').filter((n) => n.data.survey.id === 'nps');
      expect(rest).toEqual([]);
      expect(nps).toMatchObject({
        locale: 'ko',
        category: 'billing',
        data: {
          survey: { id: 'nps', kind: 'nps' },
          window: { from: '2026-03-02T10:00:05.000Z', to: '2026-03-02T10:05:05.000Z' },
          staffUrl: '/staff/survey/?days=7&kind=nps&locale=ko',
        },
      });
      expect(nps!.data.answers.map((a) => [a.score, a.comment])).toEqual(
        Array.from({ length: 40 }, (_, i) => [i % 7, `환불이 늦어요 ${i}`]),
      );
      expect(nps!.data.answers[0]).toEqual({
        score: 0,
        comment: '환불이 늦어요 0',
        locale: 'ko',
        article: expect.objectContaining({
          id: 'ko/billing/refund',
          url: 'https://help.example.com/ko/billing/refund/',
          staffUrl: '/staff/unhelpful/?days=7&locale=ko&category=billing',
        }),
        context: null,
        at: '2026-03-02T10:00:05.000Z',
      });
      expect(rig.of('survey.comments').filter((n) => n.data.survey.id === 'ces')).toEqual([
        expect.objectContaining({
          locale: 'en',
          category: null,
          data: expect.objectContaining({
            survey: { id: 'ces', kind: 'ces' },
            answers: [
              {
                score: 2,
                comment: 'Could not find it',
                locale: 'en',
                article: null,
                context: 'checkout',
                at: '2026-03-02T10:01:25.000Z',
              },
            ],
          }),
        }),
      ]);
      expect(rig.sent).toHaveLength(2);
      expect(JSON.stringify(rig.sent)).not.toContain('visitor-');
    });

    it('lose nothing and repeat nothing across a restart in a window, and a later answer opens the next', async () => {
      rig.at('2026-03-02T10:01:00.000Z');
      await rig.surveyAnswer('nps', 2, { comment: 'first' });
      rig.at('2026-03-02T10:02:00.000Z');
      await rig.run(); // its window is open
      await rig.restart();
      await rig.surveyAnswer('nps', 3, { comment: 'second' });
      rig.at('2026-03-02T10:07:00.000Z');
      await rig.surveyAnswer('nps', 1, { comment: 'next window' });
      await rig.run();
      await rig.restart();
      rig.at('2026-03-02T10:20:00.000Z');
      await rig.run();
      await rig.run();
      expect(rig.of('survey.comments').map((n) => [n.data.window.from, n.data.answers.map((a) => a.comment)])).toEqual([
        ['2026-03-02T10:01:00.000Z', ['first', 'second']],
        ['2026-03-02T10:07:00.000Z', ['next window']],
      ]);
    });

    it('send one window’s answers in two languages as one message per language, so each reaches its team', async () => {
      rig.at('2026-03-02T10:01:00.000Z');
      await rig.surveyAnswer('ces', 1, { comment: '어려워요' });
      await rig.surveyAnswer('ces', 2, { comment: 'Hard', locale: 'en' });
      rig.at('2026-03-02T10:10:00.000Z');
      await rig.run();
      expect(rig.of('survey.comments').map((n) => [n.locale, n.data.answers.map((a) => a.comment)])).toEqual([
        ['ko', ['어려워요']],
        ['en', ['Hard']],
      ]);
    });
  });
});
