import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/staff/passwords.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { useApiServer } from '../helpers/api-server.ts';

const PASSWORD = 'correct horse battery';
const START = new Date('2026-11-20T10:00:00Z');
// Behind one trusted proxy: the address it appends to X-Forwarded-For is the client's.
onEachEngine(() => {
  const server = useApiServer({ HELPLOOP_TRUST_PROXY: '1' }, async ({ staff }) => {
    const hash = await hashPassword(PASSWORD);
    for (const email of ['kim@acme.example', 'lee@acme.example', 'park@acme.example', 'choi@acme.example'])
      await staff.add(email, 'support', hash, '2026-01-01T00:00:00Z');
  });

  const login = (email: string, password: string, forwardedFor: string) =>
    fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password }),
    }).then((response) => response.status);
  const failFrom = async (email: string, client: string, times: number) => {
    const statuses = [];
    for (let i = 0; i < times; i++) statuses.push(await login(email, 'wrong password', client));
    return statuses;
  };

  describe('the login lockout', () => {
    it('slows the guesser down, and lets the rightful user in from their own address', async () => {
      expect(await failFrom('kim@acme.example', '203.0.113.66', 6)).toEqual([401, 401, 401, 429, 429, 429]);
      expect(await login('kim@acme.example', PASSWORD, '203.0.113.66')).toBe(429);
      expect(await login('kim@acme.example', PASSWORD, '198.51.100.7')).toBe(200);
    });

    it('does not let a guesser pose as the rightful user’s address by writing X-Forwarded-For itself', async () => {
      expect(await failFrom('lee@acme.example', '198.51.100.8, 203.0.113.67', 4)).toEqual([401, 401, 401, 429]);
      // The same attacker, naming another address on the left: the proxy still appended its real one.
      expect(await login('lee@acme.example', 'wrong password', '192.0.2.1, 203.0.113.67')).toBe(429);
      expect(await login('lee@acme.example', PASSWORD, '198.51.100.8')).toBe(200);
    });

    it('does not block other accounts from an address after a few failures on one', async () => {
      expect(await failFrom('park@acme.example', '198.51.100.9', 3)).toEqual([401, 401, 401]);
      expect(await login('choi@acme.example', PASSWORD, '198.51.100.9')).toBe(200);
    });

    it('slows an address that fails on many accounts', async () => {
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push(await login(`nobody${i}@acme.example`, 'wrong password', '203.0.113.70'));
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    });

    it('makes an account wait for everyone only after failures from many addresses', async () => {
      for (let i = 0; i < 9; i++) await failFrom('choi@acme.example', `192.0.2.${i + 10}`, 2);
      expect(await login('choi@acme.example', PASSWORD, '198.51.100.10')).toBe(200);
      for (let i = 0; i < 10; i++) await failFrom('choi@acme.example', `192.0.2.${i + 30}`, 1);
      expect(await login('choi@acme.example', PASSWORD, '198.51.100.11')).toBe(429);
      server.clock.now = new Date(START.getTime() + 5_000);
      expect(await login('choi@acme.example', PASSWORD, '198.51.100.11')).toBe(200);
      server.clock.now = START;
    });
  });
});
