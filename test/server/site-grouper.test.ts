import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ThemeDecision } from '../../server/themes/decisions.ts';
import { siteGrouper } from '../../server/themes/site-grouper.ts';
import type { ThemeItem } from '../../server/themes/theme.ts';

const SAID = [
  '환불 언제됨',
  '환불이 아직 안 들어왔어요',
  '돈 언제 돌려줘요',
  '환불 처리 너무 늦어요 2주째',
  '상담원 연결이 안 돼요',
  '고객센터 전화 안 받아요',
  '상담원이랑 통화하고 싶어요 연결이 안됨',
  '고객센터 상담원 연결 30분 대기',
  'ㅋㅋㅋㅋ',
];
const items: ThemeItem[] = SAID.map((text, i) => ({
  key: `c:${i}`,
  source: 'comments',
  locale: 'ko',
  text,
  article: null,
  at: '2026-11-20T10:00:00.000Z',
  weight: 1,
}));

describe("the site's grouper", () => {
  const grouper = siteGrouper(inject('fixtureSiteDir'));
  afterAll(() => grouper.close());

  it('clusters in a worker thread: the event loop goes on meanwhile', async () => {
    const clustering = grouper.group(items, []);
    const first = await Promise.race([
      clustering.then(() => 'clustering'),
      new Promise((done) => setImmediate(() => done('event loop'))),
    ]);
    expect(first).toBe('event loop');
    const { themes, model } = await clustering;
    const members = themes.map((theme) => theme.members.toSorted());
    expect(members).toContainEqual(['c:0', 'c:1', 'c:2', 'c:3']);
    expect(members).toContainEqual(['c:4', 'c:5', 'c:6', 'c:7']);
    expect(grouper.assign(model, '환불 아직도 안 들어옴')).toBe(themes.find((t) => t.members.includes('c:0'))!.id);
  });

  it("applies staff's decisions in the worker, and describes reshaped drafts", async () => {
    const rename: ThemeDecision = { kind: 'rename', anchor: ['c:4', 'c:5'], other: [], label: '상담 연결' };
    const { themes } = await grouper.group(items, [rename]);
    expect(themes.find((theme) => theme.members.includes('c:4'))!.label).toBe('상담 연결');
    const described = await grouper.describe(items, [{ members: ['c:0', 'c:4'], ignored: true }]);
    expect(described.themes).toEqual([expect.objectContaining({ ignored: true, members: expect.any(Array) })]);
  });

  it('answers a failed task with its error, and starts a new worker for the next', async () => {
    await grouper.close();
    // A draft naming items that do not exist is described as no theme at all; a task the worker cannot read fails.
    await expect(grouper.describe(items, [{ members: ['c:none'] }])).resolves.toEqual(
      expect.objectContaining({ themes: [] }),
    );
    await expect(grouper.group(null as unknown as ThemeItem[], [])).rejects.toThrow();
    expect((await grouper.group(items, [])).themes.length).toBeGreaterThanOrEqual(2);
  });
});
