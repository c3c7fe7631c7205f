import { describe, expect, it } from 'vitest';
import type { SurveyReport } from '../../server/reports/survey-report.ts';
import { onEachEngine } from '../helpers/engines.ts';
import type { ApiServer } from '../helpers/api-server.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

const article = 'en/billing/update-card';

/** Answers sent as readers' browsers send them, each from a reader of its own (so no flood limit meets them). */
async function answerAll(server: ApiServer, day: string, answers: Record<string, unknown>[]) {
  server.clock.now = new Date(`${day}T10:00:00Z`);
  for (let at = 0; at < answers.length; at += 50)
    await Promise.all(
      answers.slice(at, at + 50).map(async (fields, i) => {
        const response = await fetch(`${server.url}/api/survey-responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': `reader-${day}-${at + i}` },
          body: JSON.stringify({ eventId: crypto.randomUUID(), locale: 'en', ...fields }),
        });
        expect(response.status).toBe(201);
      }),
    );
  server.clock.now = new Date('2026-11-20T10:00:00Z');
}
const times = (count: number, make: (i: number) => Record<string, unknown>) =>
  Array.from({ length: count }, (_, i) => make(i));

onEachEngine(() => {
  describe('GET /api/staff/reports/survey', () => {
    const { server, login, call } = useStaffServer();

    it('scores 200 NPS answers (100 promoters, 60 passives, 40 detractors) as 30 ± 10.8, against the day before', async () => {
      // 2026-11-20: 100 × 9–10, 60 × 7–8, 40 × 0–6. The first 29 in Korean, the first 40 on an article in a context.
      await answerAll(
        server,
        '2026-11-20',
        [
          ...times(100, (i) => ({ survey: 'nps', score: 9 + (i % 2), comment: `좋아요 ${i}` })),
          ...times(60, (i) => ({ survey: 'nps', score: 7 + (i % 2) })),
          ...times(40, (i) => ({
            survey: 'nps',
            score: i % 7,
            comment: i === 0 ? '=SUM(A1) 배송이 늦어요' : undefined,
          })),
        ].map((fields, i) => ({
          ...fields,
          ...(i < 29 && { locale: 'ko' }),
          ...(i < 40 && { articleId: article, context: 'billing', path: `/${article}/` }),
        })),
      );
      // 2026-11-19: 40% promoters, 30% detractors: NPS 10.
      await answerAll(server, '2026-11-19', [
        ...times(80, () => ({ survey: 'nps', score: 9 })),
        ...times(60, () => ({ survey: 'nps', score: 7 })),
        ...times(60, () => ({ survey: 'nps', score: 5 })),
      ]);
      const { cookie } = await login('support@acme.example');
      const response = await call('/reports/survey?kind=nps&from=2026-11-20&to=2026-11-20', { cookie });
      expect(response.status).toBe(200);
      const report = (await response.json()) as SurveyReport;
      expect(report).toMatchObject({ kind: 'nps', period: { from: '2026-11-20', to: '2026-11-20' }, n: 200 });
      expect(report.score).toBeCloseTo(30, 10);
      expect(report.marginOfError).toBeCloseTo(10.82, 2);
      expect(report.mean).toBeUndefined();
      expect(report.previous).toMatchObject({ period: { from: '2026-11-19', to: '2026-11-19' }, n: 200 });
      expect(report.previous.score).toBeCloseTo(10, 10);
      // √(5.5227² + 5.8737²) × 1.96 = 15.80: a rise of 20 points is more than noise.
      expect(report.change!.value).toBeCloseTo(20, 10);
      expect(report.change!.marginOfError).toBeCloseTo(15.8, 1);
      expect(report.series).toEqual([
        { day: '2026-11-20', n: 200, score: report.score, marginOfError: report.marginOfError },
      ]);

      const { locale, article: articles, category, context, page } = report.breakdowns;
      expect(locale.map(({ key, n, tooFew }) => ({ key, n, tooFew }))).toEqual([
        { key: 'en', n: 171, tooFew: false },
        { key: 'ko', n: 29, tooFew: true },
      ]);
      // The first 40 are all promoters: NPS 100.
      expect(articles).toEqual([
        { key: article, label: 'Update the card you pay with', n: 40, score: 100, marginOfError: 0, tooFew: false },
      ]);
      expect(category.map(({ key, n }) => ({ key, n }))).toEqual([{ key: 'billing', n: 40 }]);
      expect(category[0]!.label).toBeTruthy();
      expect(context.map(({ key, n }) => ({ key, n }))).toEqual([{ key: 'billing', n: 40 }]);
      expect(page.map(({ key, n }) => ({ key, n }))).toEqual([{ key: `/${article}/`, n: 40 }]);

      expect(report.comments).toHaveLength(50);
      expect(report.comments).toContainEqual(
        expect.objectContaining({
          score: expect.any(Number),
          band: 'high',
          comment: expect.stringMatching(/^좋아요 /),
        }),
      );
    });

    it('charts a longer period by week', async () => {
      const { cookie } = await login('support@acme.example');
      const report = (await (
        await call('/reports/survey?kind=nps&from=2026-09-22&to=2026-11-20', { cookie })
      ).json()) as SurveyReport;
      // 2026-11-19 and 2026-11-20 are the Thursday and Friday of the week from Monday 2026-11-16.
      expect(report.series.map((row) => ({ ...row, score: Math.round(row.score!) }))).toEqual([
        { week: '2026-11-16', n: 400, score: 20, marginOfError: expect.any(Number) },
      ]);
    });

    it('scores CSAT as the share of 4–5 with a Wilson interval and the mean answer', async () => {
      await answerAll(server, '2026-11-20', [
        ...times(50, () => ({ survey: 'csat', score: 5 })),
        ...times(30, () => ({ survey: 'csat', score: 4 })),
        ...times(20, () => ({ survey: 'csat', score: 1 })),
      ]);
      const { cookie } = await login('support@acme.example');
      const report = (await (await call('/reports/survey?kind=csat&days=1', { cookie })).json()) as SurveyReport;
      expect(report).toMatchObject({ kind: 'csat', n: 100, score: 0.8, previous: { n: 0, score: null }, change: null });
      expect(report.interval!.low).toBeCloseTo(0.7112, 4);
      expect(report.interval!.high).toBeCloseTo(0.8666, 4);
      expect(report.mean!.value).toBeCloseTo(3.9, 10);
    });

    it('downloads every answer of the period as CSV, formulas defused', async () => {
      const { cookie } = await login('support@acme.example');
      const response = await call('/reports/survey?kind=nps&from=2026-11-20&to=2026-11-20&format=csv', { cookie });
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="survey-nps-2026-11-20-2026-11-20.csv"',
      );
      const lines = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('at,locale,score,band,comment,article,context,page');
      expect(lines).toHaveLength(201);
      expect(lines).toContain(`2026-11-20T10:00:00.000Z,en,0,low,'=SUM(A1) 배송이 늦어요,,,`);
    });

    it('refuses an unknown kind with 400', async () => {
      const { cookie } = await login('support@acme.example');
      const response = await call('/reports/survey?kind=loyalty', { cookie });
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues).toEqual([{ path: 'kind', message: expect.any(String) }]);
    });
  });
});
