import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/staff/passwords.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useApiServer, type ApiServer } from '../helpers/api-server.ts';

const CAP = 5;
const article = 'en/billing/update-card';

/** A vote through the one trusted proxy, which appended `ip` to whatever X-Forwarded-For the client wrote. */
const vote = (server: ApiServer, ip: string, agent: string, helpful: boolean, spoofed = '') =>
  fetch(`${server.url}/api/votes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': agent,
      'x-forwarded-for': spoofed ? `${spoofed}, ${ip}` : ip,
    },
    body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: article, helpful }),
  });

async function unhelpfulVotes(server: ApiServer): Promise<number> {
  const login = await fetch(`${server.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' },
    body: JSON.stringify({ email: 'support@acme.example', password: 'correct horse battery' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const report = await (
    await fetch(`${server.url}/api/staff/reports/unhelpful?days=30`, { headers: { cookie } })
  ).json();
  return report.rows.find((row: { articleId: string }) => row.articleId === article)?.unhelpful ?? 0;
}

onEachEngine(() => {
  describe('one address renaming its browser to stuff the reports', () => {
    // Flood limits lifted, so only the cap per address stands between the attack and the report.
    const env = {
      HELPLOOP_TRUST_PROXY: '1',
      HELPLOOP_VOTES_PER_IP: String(CAP),
      HELPLOOP_RATE_LIMIT: '100000',
      HELPLOOP_RATE_LIMIT_PER_IP: '100000',
    };
    const server = useApiServer(env, async ({ staff }) =>
      staff.add('support@acme.example', 'support', await hashPassword('correct horse battery'), '2026-01-01T00:00:00Z'),
    );

    it('moves the unhelpful report by at most the cap per address, whatever X-Forwarded-For it writes', async () => {
      for (let i = 0; i < 10; i++)
        expect((await vote(server, `198.51.100.${i}`, 'honest reader', i < 7)).status).toBe(201);
      const before = await unhelpfulVotes(server);
      expect(before).toBe(3);

      const statuses = new Map<number, number>();
      for (let batch = 0; batch < 40; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            vote(server, '203.0.113.66', `Mozilla/5.0 attack-${batch}-${i}`, false, `10.0.${batch}.${i}`),
          ),
        );
        for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }

      expect(Object.fromEntries(statuses)).toEqual({ 201: CAP, 200: 1000 - CAP });
      expect((await unhelpfulVotes(server)) - before).toBe(CAP);
    });

    it('answers a vote past the cap as received but not counted, and still counts other addresses', async () => {
      const capped = await vote(server, '203.0.113.66', 'one more browser', false);
      expect(capped.status).toBe(200);
      expect(await capped.json()).toEqual({ status: 'capped' });
      expect((await vote(server, '198.51.100.99', 'a new honest reader', false)).status).toBe(201);
    });

    it('lets a voter under the cap change their vote after the address is full', async () => {
      const early = await vote(server, '203.0.113.77', 'early reader', true);
      expect(early.status).toBe(201);
      for (let i = 1; i < CAP; i++) await vote(server, '203.0.113.77', `colleague ${i}`, true);
      expect(await (await vote(server, '203.0.113.77', 'late colleague', true)).json()).toEqual({ status: 'capped' });
      const before = await unhelpfulVotes(server);
      expect((await vote(server, '203.0.113.77', 'early reader', false)).status).toBe(201);
      expect(await unhelpfulVotes(server)).toBe(before + 1);
    });
  });

  describe('flood limits per address', () => {
    const limited = useApiServer({
      HELPLOOP_TRUST_PROXY: '1',
      HELPLOOP_RATE_LIMIT: '3',
      HELPLOOP_RATE_LIMIT_PER_IP: '20',
    });

    it('refuses an address past its own limit however many browsers it names, and serves other addresses', async () => {
      const view = (ip: string, agent: string) =>
        fetch(`${limited.url}/api/views`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': agent, 'x-forwarded-for': ip },
          body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: article }),
        });
      const statuses = [];
      for (let i = 0; i < 30; i++) statuses.push((await view('203.0.113.66', `agent-${i}`)).status);
      expect(statuses).toEqual([...Array(20).fill(201), ...Array(10).fill(429)]);
      expect((await view('198.51.100.1', 'agent-0')).status).toBe(201);
    });
  });
});
