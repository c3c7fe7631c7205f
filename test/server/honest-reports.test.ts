import { describe, expect, inject, it } from 'vitest';
import { readManifest } from '../../server/manifest.ts';
import { synonymsToApply } from '../../server/reports/reader-synonyms.ts';
import { hashPassword } from '../../server/staff/passwords.ts';
import { useApiServer, type ApiServer } from '../helpers/api-server.ts';
import { onEachEngine } from '../helpers/engines.ts';

/** Scripted readers whose funnel and synonyms are known exactly, read through the staff API as the staff page does. */
const manifest = readManifest(inject('fixtureSiteDir'));
const hash = hashPassword('correct horse battery');
const FUNNEL_DAY = '2026-11-10';
const SYNONYM_DAY = '2026-11-12';

function readersOf(server: ApiServer) {
  const at = (day: string, minute: number) => `${day}T09:${String(minute).padStart(2, '0')}:00.000Z`;
  const base = (visitor: string, day: string, minute: number) => ({
    eventId: crypto.randomUUID(),
    visitor,
    day,
    at: at(day, minute),
  });
  const normalized = (query: string) => query.replace(/\s+/g, '').toLowerCase();
  const locale = (query: string) => (/[가-힣]/.test(query) ? 'ko' : 'en');
  return {
    search: (visitor: string, day: string, minute: number, query: string, resultCount: number) =>
      server.events.recordSearch({
        ...base(visitor, day, minute),
        query,
        normalized: normalized(query),
        locale: locale(query),
        resultCount,
      }),
    click: (visitor: string, day: string, minute: number, query: string, articleId: string) =>
      server.events.recordClick({
        ...base(visitor, day, minute),
        query,
        normalized: normalized(query),
        articleId,
        position: 1,
      }),
    contact: (visitor: string, day: string, minute: number) =>
      server.events.recordContact({ ...base(visitor, day, minute), locale: 'ko' }),
  };
}

async function funnelReaders(server: ApiServer) {
  const { search, contact } = readersOf(server);
  const day = FUNNEL_DAY;
  await search('a', day, 0, '배송 조회', 3);
  await search('b', day, 0, '해외 반품', 0);
  await search('b', day, 1, '반품', 2);
  // Four failed searches and one hand-off: one session that failed and ended in a contact.
  for (const [minute, query] of [
    [0, '환불'],
    [2, '환불 언제'],
    [4, '반품 비용'],
    [6, '교환'],
  ] as const)
    await search('c', day, minute, query, 0);
  await contact('c', day, 8);
  // The hand-off came 45 minutes after: not a failed search ending in a contact.
  await search('d', day, 0, '적립금', 0);
  await contact('d', day, 45);
  // A contact after searches that found something.
  await search('e', day, 0, '쿠폰', 4);
  await contact('e', day, 1);
  // A contact without a search is no search session.
  await contact('f', day, 0);
  // The next day is another session, even of the same key.
  await search('c', '2026-11-11', 0, '환불', 0);
  await contact('c', '2026-11-11', 3);
}

async function synonymReaders(server: ApiServer) {
  const { search, click } = readersOf(server);
  const day = SYNONYM_DAY;
  const quest = async (visitor: string, failed: string, rephrased: string, articleId: string) => {
    await search(visitor, day, 0, failed, 0);
    await search(visitor, day, 1, rephrased, 3);
    await click(visitor, day, 2, rephrased, articleId);
  };
  // Related, but two readers are not enough.
  for (const visitor of ['t1', 't2']) await quest(visitor, '카드 갈아끼우기', '카드 교체', 'ko/billing/update-card');
  // Three readers, each rephrasing related to what failed (the article's title and category are not about it).
  for (const visitor of ['o1', 'o2', 'o3'])
    await quest(visitor, 'onboarding guide', 'onboarding', 'en/getting-started/first-steps');
  // Three readers whose next search was about something else (the `주식 추천` → coupon case): no synonym.
  for (const visitor of ['x1', 'x2', 'x3']) await quest(visitor, '주식 추천', '쿠폰', 'ko/billing/update-card');
  // Three readers whose next search was unrelated, but what failed is about the article's category (결제).
  for (const visitor of ['p1', 'p2', 'p3']) await quest(visitor, '결제수단 교체', '쿠폰', 'ko/billing/update-card');
  // One reader rephrasing three times is one reader.
  await search('one', day, 0, 'password reset help', 0);
  for (const [minute, rephrased] of [
    [1, 'password'],
    [3, 'passwords'],
    [5, 'reset password'],
  ] as const) {
    await search('one', day, minute, rephrased, 2);
    await click('one', day, minute + 1, rephrased, 'en/billing/update-card');
  }
}

function useScriptedServer(env: Record<string, string> = {}) {
  const server = useApiServer(env, async (s) => {
    await s.staff.add('support@acme.example', 'support', await hash, '2026-01-01T00:00:00Z');
    await funnelReaders(s);
    await synonymReaders(s);
  });
  const get = async (path: string) => {
    const login = await fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'support@acme.example', password: 'correct horse battery' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const response = await fetch(`${server.url}/api/staff${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return response.json();
  };
  return { server, get };
}

const proposed = (rows: { query: string; readers: number }[]) =>
  rows.map(({ query, readers }) => ({ query, readers })).sort((a, b) => a.query.localeCompare(b.query));

onEachEngine(() => {
  describe('the funnel and readers’ synonyms, from scripted readers', () => {
    const { server, get } = useScriptedServer();

    it('counts reader sessions: 5 searched, 3 failed, 1 ended in a contact after a failed search', async () => {
      const { funnel } = await get(`/reports/overview?from=${FUNNEL_DAY}&to=${FUNNEL_DAY}`);
      expect(funnel).toEqual({ sessions: 5, failedSessions: 3, contactedSessions: 1 });
      const twoDays = await get(`/reports/overview?from=${FUNNEL_DAY}&to=2026-11-11`);
      expect(twoDays.funnel).toEqual({ sessions: 6, failedSessions: 4, contactedSessions: 2 });
    });

    it('proposes a synonym only from three distinct readers, each by a related search or about the article', async () => {
      const report = await get(`/reports/synonyms?from=${SYNONYM_DAY}&to=${SYNONYM_DAY}`);
      expect(proposed(report.rows)).toEqual([
        { query: 'onboarding guide', readers: 3 },
        { query: '결제수단 교체', readers: 3 },
      ]);
      const taught = await synonymsToApply(server.reports, manifest, { from: SYNONYM_DAY, to: SYNONYM_DAY }, 3);
      expect(taught.map((pair) => pair.query).sort()).toEqual(['onboarding guide', '결제수단 교체']);
    });

    it('keeps the funnel once the raw events are rolled up', async () => {
      await server.rollup('2026-11-12');
      const { funnel } = await get(`/reports/overview?from=${FUNNEL_DAY}&to=${FUNNEL_DAY}`);
      expect(funnel).toEqual({ sessions: 5, failedSessions: 3, contactedSessions: 1 });
    });
  });

  describe('readers’ synonyms with HELPLOOP_SYNONYM_READERS=2', () => {
    const { get } = useScriptedServer({ HELPLOOP_SYNONYM_READERS: '2' });

    it('proposes a related pair two readers made', async () => {
      const report = await get(`/reports/synonyms?from=${SYNONYM_DAY}&to=${SYNONYM_DAY}`);
      expect(proposed(report.rows)).toEqual([
        { query: 'onboarding guide', readers: 3 },
        { query: '결제수단 교체', readers: 3 },
        { query: '카드 갈아끼우기', readers: 2 },
      ]);
    });
  });
});
