import { createHash } from 'node:crypto';

/** On every answer: no guessing a file's type, and other sites learn only our origin from a link. */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: YouTube's player refuses to play in a frame that does not say which site embeds it.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** Features no page of a help center uses; the video's frame still gets autoplay and picture-in-picture. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

const YOUTUBE_PLAYER = 'https://www.youtube-nocookie.com';

/**
 * The headers of one built HTML page. Scripts, styles, data and search come from this site only; the one inline
 * script Astro leaves in a page (what runs before first paint) is allowed by its hash, so no injected script can
 * run. Pagefind compiles WebAssembly. The video's privacy-enhanced player may be framed, and the page creates that
 * frame only when the reader presses play. Staff pages may not be framed by any site (clickjacking).
 */
export function pageHeaders(html: string, path: string): Record<string, string> {
  const staff = path.startsWith('/staff/');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineHashes(html, 'script').join(' ')}`.trim(),
    `style-src 'self' ${inlineHashes(html, 'style').join(' ')}`.trim(),
    "img-src 'self' data:",
    `frame-src ${YOUTUBE_PLAYER}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(staff ? ["frame-ancestors 'none'"] : []),
  ];
  return {
    ...BASE_HEADERS,
    'Content-Security-Policy': directives.join('; '),
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

const INLINE = {
  // Data blocks (type="application/json") are never run, so they need no hash.
  script: /<script(?![^>]*\ssrc=)((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g,
  style: /<style((?:\s[^>]*)?)>([\s\S]*?)<\/style>/g,
};
const typeOf = (attributes: string) => /\stype=["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
const runs = (attributes: string) => [undefined, 'module', 'text/javascript'].includes(typeOf(attributes));

function inlineHashes(html: string, kind: keyof typeof INLINE): string[] {
  const hashes = [...html.matchAll(INLINE[kind])]
    .filter(([, attributes = '']) => kind === 'style' || runs(attributes))
    .map(([, , body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return [...new Set(hashes)];
}
