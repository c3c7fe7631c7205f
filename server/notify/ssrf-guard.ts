import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a destination URL may not reach unless HELPLOOP_ALLOW_PRIVATE_WEBHOOKS is set: the server's own
 * network (private, loopback, link-local, unique-local, carrier-grade NAT), the unspecified address, multicast and
 * reserved ranges, in IPv4 and IPv6. Node checks an IPv4-mapped IPv6 address (::ffff:127.0.0.1) against the IPv4
 * ranges.
 */
const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  refused.addSubnet(network, prefix, 'ipv6');

/** A destination the guard refused: its URL, or the address its host resolved to. */
export class RefusedTargetError extends Error {}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (!family) throw new RefusedTargetError(`${address} is not an IP address`);
  return refused.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function checkAddress(address: string, host: string) {
  if (isPrivateAddress(address))
    throw new RefusedTargetError(
      `${host} is ${address === host ? 'a private address' : `at ${address}, a private address`}; set HELPLOOP_ALLOW_PRIVATE_WEBHOOKS to allow it`,
    );
}

/** An http(s) URL whose host, when it is an IP address, is public (a host name is checked as it resolves). */
export function checkTargetUrl(target: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new RefusedTargetError(`${target} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RefusedTargetError(`${url.protocol} URLs are not allowed; use http or https`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!allowPrivate && isIP(host)) checkAddress(host, host);
  return url;
}

/**
 * A DNS lookup for node's http(s) requests that refuses a host when any of its addresses is private, and hands the
 * connection exactly the addresses it checked: a second, different answer (DNS rebinding) is never asked for.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '');
      try {
        if (!allowPrivate) for (const { address } of addresses) checkAddress(address, hostname);
      } catch (refusal) {
        return callback(refusal instanceof Error ? refusal : new Error(String(refusal)), '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
