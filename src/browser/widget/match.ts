/**
 * Which context a host page is in, from its path and the patterns in contexts.yaml. A pattern is a path where `*`
 * matches any run of characters; a trailing slash never matters. When several contexts match, the most specific
 * pattern wins (`/checkout/payment` over `/checkout/*`): the one with more literal characters, exact before wildcard.
 */
export interface ContextPatterns {
  key: string;
  patterns: string[];
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function patternMatches(pattern: string, path: string): boolean {
  const source = trimSlash(pattern).split('*').map(escape).join('.*');
  return new RegExp(`^${source}$`).test(trimSlash(path));
}

/** Literal characters first, then exact over wildcard. */
const specificity = (pattern: string) =>
  trimSlash(pattern).replace(/\*/g, '').length * 2 + (pattern.includes('*') ? 0 : 1);

/**
 * The context of a host page. `prefix` is where the shop lives under its origin (`/demo/shop`): it is cut off first,
 * so the same contexts.yaml serves a shop at the root and one under a path.
 */
export function matchContext(pathname: string, contexts: ContextPatterns[], prefix = ''): string | undefined {
  const base = trimSlash(prefix);
  if (base && base !== '/' && !(pathname === base || pathname.startsWith(`${base}/`))) return undefined;
  const path = base && base !== '/' ? pathname.slice(base.length) || '/' : pathname;
  let best: { key: string; score: number } | undefined;
  for (const { key, patterns } of contexts) {
    for (const pattern of patterns) {
      if (!patternMatches(pattern, path)) continue;
      const score = specificity(pattern);
      if (!best || score > best.score) best = { key, score };
    }
  }
  return best?.key;
}
