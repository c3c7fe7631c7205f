import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isAddressOrRange, proxyTrust, type ProxyTrust } from '../../server/api/client-address.ts';
import { loadConfig } from '../../server/config.ts';

/** The address the server reads for a request from `peer` (the socket) carrying `forwarded` as X-Forwarded-For. */
async function clientOf(trust: ProxyTrust, peer: string, forwarded?: string) {
  const reader = proxyTrust(trust);
  const app = new Hono().get('/', (c) => c.json({ client: reader.clientAddress(c), viaProxy: reader.viaProxy(c) }));
  const response = await app.request(
    '/',
    { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return (await response.json()) as { client: string; viaProxy: boolean };
}

describe('the client address behind proxies', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    expect(await clientOf({ hops: 0 }, '203.0.113.9', '198.51.100.1')).toEqual({
      client: '203.0.113.9',
      viaProxy: false,
    });
  });

  it('takes the rightmost address the trusted hops did not add, not the one the client wrote on the left', async () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the one proxy appended the address it saw.
    expect((await clientOf({ hops: 1 }, '10.0.0.2', '1.1.1.1, 203.0.113.9')).client).toBe('203.0.113.9');
    // A CDN, then a load balancer: two hops.
    expect((await clientOf({ hops: 2 }, '10.0.0.2', '1.1.1.1, 203.0.113.9, 172.16.0.5')).client).toBe('203.0.113.9');
  });

  it('skips only listed proxies, by address or CIDR range', async () => {
    const trust = { proxies: ['10.0.0.0/8', '2001:db8::1'] };
    expect((await clientOf(trust, '10.0.0.2', '1.1.1.1, 203.0.113.9, 10.1.2.3')).client).toBe('203.0.113.9');
    expect((await clientOf(trust, '2001:db8::1', '1.1.1.1, [2001:db8::7]:443')).client).toBe('2001:db8::7');
    expect((await clientOf(trust, '::ffff:10.0.0.2', '203.0.113.9:5123')).client).toBe('203.0.113.9');
    // A request straight from the internet does not come from a listed proxy: its header is not believed.
    expect(await clientOf(trust, '203.0.113.9', '10.0.0.1')).toEqual({ client: '203.0.113.9', viaProxy: false });
  });

  it('falls back to the leftmost address when every hop is trusted', async () => {
    expect((await clientOf({ hops: 3 }, '10.0.0.2', '203.0.113.9')).client).toBe('203.0.113.9');
  });
});

describe('HELPLOOP_TRUST_PROXY', () => {
  const trustOf = (value: string) => loadConfig({ HELPLOOP_TRUST_PROXY: value }).trustProxy;

  it('reads off, a number of hops, or proxy addresses', () => {
    expect(trustOf('')).toEqual({ hops: 0 });
    expect(trustOf('false')).toEqual({ hops: 0 });
    expect(trustOf('true')).toEqual({ hops: 1 });
    expect(trustOf('2')).toEqual({ hops: 2 });
    expect(trustOf('10.0.0.0/8, 192.168.1.4 ,fd00::/8')).toEqual({
      proxies: ['10.0.0.0/8', '192.168.1.4', 'fd00::/8'],
    });
  });

  it('names an entry that is neither an address nor a range', () => {
    expect(() => trustOf('10.0.0.0/33,proxy.local')).toThrow(/10\.0\.0\.0\/33 is not .*\n.*proxy\.local is not/);
    expect([isAddressOrRange('::1/128'), isAddressOrRange('1.2.3.4/'), isAddressOrRange('1.2.3.4/8/1')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
