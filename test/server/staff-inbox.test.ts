import { describe, expect, it } from 'vitest';
import type { Inbox, InboxItem } from '../../server/inbox/items.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

const NOW = '2026-11-20T10:00:00.000Z';
const UNHELPFUL = 'ko/billing/update-card';
const SMALL = 'en/getting-started/first-steps';

onEachEngine(() => {
  describe('the staff inbox', () => {
    const { server, login, call } = useStaffServer();
    const event = (visitor: string, day: string, minute = 0) => ({
      eventId: crypto.randomUUID(),
      visitor,
      day,
      at: `${day}T11:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    const votes = async (articleId: string, day: string, no: number, yes = 0) => {
      for (let i = 0; i < no + yes; i++)
        await server.events.recordVote({
          ...event(`${articleId}-${day}-${i}`, day),
          articleId,
          helpful: i >= no,
          ...(i < no && { reason: i === 0 ? 'confusing' : 'outdated', comment: i === 0 ? '메뉴가 없어요' : undefined }),
        });
    };
    const views = async (articleId: string, day: string, n: number) => {
      for (let i = 0; i < n; i++) await server.events.recordView({ ...event(`v-${articleId}-${i}`, day), articleId });
    };
    const failedSearch = (visitor: string, day: string, query: string, minute = 0) =>
      server.events.recordSearch({
        ...event(visitor, day, minute),
        query,
        normalized: query.replace(/\s+/g, ''),
        locale: 'ko',
        resultCount: 0,
      });
    /** Searched `카드 바꾸기` and found nothing, then searched again and chose the card article. */
    const rephrase = async (visitor: string, day: string) => {
      await failedSearch(visitor, day, '카드 바꾸기');
      const found = { query: '결제 카드', normalized: '결제카드' };
      await server.events.recordSearch({ ...event(visitor, day, 1), ...found, locale: 'ko', resultCount: 3 });
      await server.events.recordClick({ ...event(visitor, day, 2), ...found, articleId: UNHELPFUL, position: 1 });
    };
    const session = () => login('support@acme.example');
    const read = async (query = '') => {
      const { cookie } = await session();
      const response = await call(`/inbox${query}`, { cookie });
      expect(response.status).toBe(200);
      return (await response.json()) as Inbox;
    };
    const change = async (method: string, path: string, body: unknown) => {
      const { cookie, body: me } = await session();
      return call(path, { method, cookie, csrf: me.csrfToken, body: JSON.stringify(body) });
    };
    const find = (inbox: Inbox, id: string) => inbox.items.find((item) => item.id === id);
    const at = (iso: string) => (server.clock.now = new Date(iso));

    it('ranks items across every report by readers affected × confidence, leaving noise out', async () => {
      at(NOW);
      await views(UNHELPFUL, '2026-11-18', 40);
      await votes(UNHELPFUL, '2026-11-18', 8, 2);
      await views(SMALL, '2026-11-18', 3);
      await votes(SMALL, '2026-11-18', 2);
      await votes('en/getting-started/components', '2026-11-18', 1); // one angry vote
      for (const visitor of ['g1', 'g2', 'g3', 'g4', 'g5']) await failedSearch(visitor, '2026-11-19', '선물 포장');
      await failedSearch('t1', '2026-11-19', '오타쿼리'); // one reader's typo
      for (const visitor of ['r1', 'r2', 'r3']) await rephrase(visitor, '2026-11-19');

      const inbox = await read();
      expect(inbox.period).toEqual({ from: '2026-10-22', to: '2026-11-20' });
      // 40 × 0.49 (8 of 10 No), 5 visitors, 3 × 0.44 (3 of 3 then found it), 3 × 0.34 (2 of 2 No). The failed
      // query 카드 바꾸기 shows as its synonym only.
      expect(inbox.items.map((item) => item.id)).toEqual([
        `article:${UNHELPFUL}`,
        'query:ko:선물포장',
        `synonym:ko:${UNHELPFUL}:카드바꾸기`,
        `article:${SMALL}`,
      ]);
      const [article, query] = inbox.items as [Extract<InboxItem, { kind: 'article' }>, InboxItem];
      expect(article.impact).toBeCloseTo(40 * 0.4902, 2);
      expect(article).toMatchObject({
        kind: 'article',
        affected: 40,
        views: 40,
        votes: 10,
        helpful: 2,
        unhelpful: 8,
        locale: 'ko',
        category: 'billing',
        url: `/${UNHELPFUL}/`,
        editUrl: `https://git.example/acme/help/edit/main/${article.sourcePath}`,
        topReason: { reason: 'outdated', count: 7 },
        latestComment: { comment: '메뉴가 없어요', helpful: false },
        review: { status: 'new', note: '' },
        evidence: inbox.period,
        returned: null,
      });
      expect(article.sourcePath).toMatch(/articles\/ko\/billing\/update-card\.mdx$/);
      expect(article.helpfulRange!.low).toBeCloseTo(0.0567, 3);
      expect(article.helpfulRange!.high).toBeCloseTo(0.5098, 3);
      expect(query).toMatchObject({
        kind: 'query',
        impact: 5,
        query: '선물 포장',
        searches: 5,
        visitors: 5,
        contacted: 0,
        newArticleCommand: "npm run new -- --locale ko --from-search '선물 포장'",
        review: { status: 'open' },
      });
      expect(find(inbox, `synonym:ko:${UNHELPFUL}:카드바꾸기`)).toMatchObject({
        kind: 'synonym',
        affected: 3,
        readers: 3,
        query: '카드 바꾸기',
        title: '결제 카드 변경하기',
        category: 'billing',
      });
    });

    it('filters by locale and category; failed searches have no category', async () => {
      expect((await read('?locale=en')).items.map((item) => item.id)).toEqual([`article:${SMALL}`]);
      expect((await read('?category=billing')).items.map((item) => item.kind)).toEqual(['article', 'synonym']);
    });

    it('drops what staff resolved: a fixed article, a resolved query, an accepted synonym', async () => {
      at(NOW);
      expect((await change('PATCH', `/articles/${UNHELPFUL}/review`, { status: 'fixed', note: '' })).status).toBe(200);
      await change('PATCH', '/queries/review', { locale: 'ko', normalized: '선물포장', status: 'resolved', note: '' });
      await change('PATCH', '/synonyms/review', {
        locale: 'ko',
        normalized: '카드바꾸기',
        query: '카드 바꾸기',
        articleId: UNHELPFUL,
        status: 'accepted',
        note: '',
      });
      // The accepted synonym answers its failed query too: search learns it at the next build.
      expect((await read()).items.map((item) => item.id)).toEqual([`article:${SMALL}`]);
    });

    it('brings a fixed article and a resolved query back when they fail again after the fix, and says so', async () => {
      at('2026-11-23T10:00:00Z');
      await votes(UNHELPFUL, '2026-11-21', 4, 1);
      await failedSearch('g6', '2026-11-22', '선물포장');
      await failedSearch('g7', '2026-11-22', '선물포장');
      const inbox = await read();
      const since = { from: '2026-11-21', to: '2026-11-23' };
      expect(find(inbox, `article:${UNHELPFUL}`)).toMatchObject({
        returned: { fixedAt: NOW, by: 'support@acme.example' },
        evidence: since,
        votes: 5,
        unhelpful: 4,
        views: 0,
        affected: 5,
        topReason: { reason: 'outdated', count: 3 },
        review: { status: 'fixed' },
      });
      expect(find(inbox, 'query:ko:선물포장')).toMatchObject({
        returned: { fixedAt: NOW, by: 'support@acme.example' },
        evidence: { from: '2026-11-21', to: '2026-11-23' },
        visitors: 2,
        review: { status: 'resolved' },
      });
    });

    it('keeps a dismissed item out until new evidence after the dismissal qualifies on its own', async () => {
      at('2026-11-23T12:00:00Z');
      const id = `article:${SMALL}`;
      const dismissed = await change('POST', '/inbox/dismissals', { id });
      expect(dismissed.status).toBe(200);
      expect(await dismissed.json()).toMatchObject({
        itemId: id,
        dismissedBy: 'support@acme.example',
        dismissedAt: '2026-11-23T12:00:00.000Z',
        affected: 3,
      });
      expect(find(await read(), id)).toBeUndefined();
      await votes(SMALL, '2026-11-23', 3); // the day of the dismissal: not after it
      expect(find(await read(), id)).toBeUndefined();

      at('2026-11-25T10:00:00Z');
      await votes(SMALL, '2026-11-24', 1); // one vote does not qualify on its own
      expect(find(await read(), id)).toBeUndefined();
      await votes(SMALL, '2026-11-25', 2);
      expect(find(await read(), id)).toMatchObject({
        returned: { dismissedAt: '2026-11-23T12:00:00.000Z', by: 'support@acme.example' },
        evidence: { from: '2026-11-24', to: '2026-11-25' },
        votes: 3,
      });
    });

    it('forgets a dismissal on undo, judging the item by all its evidence again', async () => {
      const id = `article:${SMALL}`;
      await change('POST', '/inbox/dismissals', { id });
      expect(find(await read(), id)).toBeUndefined();
      const undone = await change('DELETE', '/inbox/dismissals', { id });
      expect(await undone.json()).toEqual({ itemId: id, undone: true });
      expect(find(await read(), id)).toMatchObject({ returned: null, votes: 8 });
    });

    it.each([
      ['an unknown kind', { id: 'ticket:ko:카드' }],
      ['an article id of the wrong shape', { id: 'article:ko/billing' }],
      ['an unknown field', { id: `article:${SMALL}`, note: 'x' }],
      ['no id', {}],
    ])('refuses %s in the documented error shape', async (_, body) => {
      const refused = await change('POST', '/inbox/dismissals', body);
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error).toMatchObject({
        code: 'invalid_body',
        issues: [expect.objectContaining({ path: expect.any(String) })],
      });
    });

    it('refuses a period it cannot read', async () => {
      const { cookie } = await session();
      const refused = await call('/inbox?from=yesterday', { cookie });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.issues).toEqual([expect.objectContaining({ path: 'from' })]);
    });
  });
});
