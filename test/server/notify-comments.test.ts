import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onEachEngine } from '../helpers/engines.ts';
import { manifestOf, triggerRig } from '../helpers/triggers.ts';

const manifest = manifestOf([{ id: 'ko/billing/refund' }, { id: 'en/billing/invoice' }], {
  siteUrl: 'https://help.example.com',
});
const SECOND = 1000;

onEachEngine((kind) => {
  describe('"No" votes with comments', () => {
    let rig: Awaited<ReturnType<typeof triggerRig>>;
    beforeEach(async () => {
      rig = await triggerRig(kind, manifest);
      rig.at('2026-03-02T10:00:00.000Z');
      await rig.run(); // the watch starts
    });
    afterEach(() => rig.close());

    it('become one message per article and window, and comments after the window open the next', async () => {
      rig.at('2026-03-02T10:00:05.000Z');
      await rig.vote('en/billing/invoice', false, 'visitor-x', 'Wrong total');
      await rig.vote('en/billing/invoice', true, 'visitor-y', 'A "Yes" with a comment is no complaint');
      await rig.vote('en/billing/invoice', false, 'visitor-z');
      rig.at('2026-03-02T10:00:10.000Z');
      for (let i = 0; i < 100; i++) {
        await rig.vote('ko/billing/refund', false, `visitor-${i}`, `환불이 안 돼요 ${i}`);
        rig.later(1900);
      }
      rig.at('2026-03-02T10:05:00.000Z');
      await rig.run();
      expect(rig.sent).toEqual([]); // the windows end at 10:05:05 and 10:05:10, the cursor is 30 s behind
      rig.at('2026-03-02T10:05:20.000Z');
      await rig.vote('ko/billing/refund', false, 'visitor-late', '늦은 의견');
      rig.at('2026-03-02T10:06:00.000Z');
      await rig.run();
      await rig.run();

      const [invoice, refund, ...rest] = rig.of('feedback.comments');
      expect(rest).toEqual([]);
      expect(refund).toMatchObject({
        locale: 'ko',
        category: 'billing',
        data: {
          article: {
            id: 'ko/billing/refund',
            url: 'https://help.example.com/ko/billing/refund/',
            staffUrl: '/staff/unhelpful/?days=7&locale=ko&category=billing',
          },
          window: { from: '2026-03-02T10:00:10.000Z', to: '2026-03-02T10:05:10.000Z' },
        },
      });
      expect(refund!.data.comments.map((c) => c.comment)).toEqual(
        Array.from({ length: 100 }, (_, i) => `환불이 안 돼요 ${i}`),
      );
      expect(invoice!.data.comments).toEqual([{ comment: 'Wrong total', reason: null, at: expect.any(String) }]);
      expect(JSON.stringify(rig.sent)).not.toContain('visitor-');

      rig.at('2026-03-02T10:11:00.000Z');
      await rig.run();
      expect(
        rig
          .of('feedback.comments')
          .slice(2)
          .map((n) => n.data.comments.map((c) => c.comment)),
      ).toEqual([['늦은 의견']]);
      expect(rig.of('feedback.comments')[2]!.data.window.from).toBe('2026-03-02T10:05:20.000Z');
    });

    it('lose nothing and repeat nothing when the server restarts in the middle of a window', async () => {
      rig.at('2026-03-02T10:01:00.000Z');
      await rig.vote('ko/billing/refund', false, 'visitor-1', 'first');
      rig.at('2026-03-02T10:02:00.000Z');
      await rig.run(); // the first comment is read: its batch is open
      await rig.restart();
      rig.later(10 * SECOND);
      await rig.vote('ko/billing/refund', false, 'visitor-2', 'second');
      rig.at('2026-03-02T10:04:00.000Z');
      await rig.run();
      expect(rig.sent).toEqual([]);
      rig.at('2026-03-02T10:07:00.000Z');
      await rig.run();
      await rig.restart();
      rig.at('2026-03-02T10:20:00.000Z');
      await rig.run();
      expect(rig.of('feedback.comments').map((n) => n.data.comments.map((c) => c.comment))).toEqual([
        ['first', 'second'],
      ]);
    });
  });
});
