import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Which proxies in front of the server may speak for the client: none (`{ hops: 0 }`), the nearest `hops` of them,
 * or those at the listed addresses and CIDR ranges.
 */
export type ProxyTrust = { hops: number } | { proxies: string[] };

/** Whether `entry` is an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Reads who sent a request through the configured proxies. Each proxy appends the address it saw to
 * X-Forwarded-For, so only entries added by trusted proxies are true: walking from the right, the first address
 * that is not a trusted proxy's is the client. Anything to its left was written by the client and is ignored.
 */
export function proxyTrust(trust: ProxyTrust) {
  /** Whether the hop `fromRight` places from the server (0: the socket's peer), at `address`, is a trusted proxy. */
  const trusted: (address: string, fromRight: number) => boolean =
    'proxies' in trust ? listed(blockListOf(trust.proxies)) : (_address, fromRight) => fromRight < trust.hops;
  const peer = (c: Context) => getConnInfo(c).remote.address ?? 'unknown';

  return {
    /** Whether the request came through a trusted proxy, so its X-Forwarded-* headers can be believed. */
    viaProxy: (c: Context) => trusted(peer(c), 0),
    clientAddress(c: Context): string {
      const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map(hostOf).filter(Boolean);
      const chain = [...forwarded, peer(c)];
      let client = chain.length - 1;
      while (client > 0 && trusted(chain[client]!, chain.length - 1 - client)) client--;
      return chain[client]!;
    },
  };
}

export type ProxyTrustReader = ReturnType<typeof proxyTrust>;

const listed = (list: BlockList) => (address: string) =>
  isIP(address) !== 0 && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** An X-Forwarded-For entry without the port or brackets some proxies add (`1.2.3.4:5678`, `[2001:db8::1]:80`). */
function hostOf(entry: string): string {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  if (bracketed) return bracketed[1]!;
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(trimmed);
  return withPort ? withPort[1]! : trimmed;
}
