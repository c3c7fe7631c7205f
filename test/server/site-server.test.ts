import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });
/** A request with its path exactly as written: fetch would normalize it first, and an attacker's client does not. */
const rawGet = (path: string) =>
  new Promise<{ status: number; location?: string }>((done, fail) => {
    request(server.url, { path }, (response) => {
      response.resume();
      done({ status: response.statusCode!, location: response.headers.location });
    })
      .on('error', fail)
      .end();
  });

beforeAll(async () => {
  server = await startServer(inject('siteDir'));
});
afterAll(() => server?.stop());

describe('npm start’s server', () => {
  it('creates the SQLite database on first start, in WAL mode', () => {
    const file = join(server.dataDir, 'helploop.db');
    expect(existsSync(file)).toBe(true);
    // The journal mode belongs to the SQLite file, beneath every storage interface.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reports health with the number of built articles', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', articles: expect.any(Number) });
  });

  it('answers /favicon.ico with the site’s icon instead of a 404', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(301);
    const followed = await fetch(new URL(icon.headers.get('location')!, server.url));
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await followed.text()).toMatch(/^<svg /);
  });

  it('sends / to the default locale', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ko/');
  });

  it('serves an article page as HTML that revalidates', async () => {
    const response = await get('/ko/shipping/track-order/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<html lang="ko">');
  });

  it('redirects a directory URL without its trailing slash, keeping the query', async () => {
    const response = await get('/en/shipping?from=mail');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/en/shipping/?from=mail');
  });

  it('redirects only to a path of this site, built from the normalized path', async () => {
    expect(await rawGet('//evil.example/..%2fko')).toEqual({ status: 301, location: '/ko/' });
    expect(await rawGet('/%2F%2Fevil.example%2F..%2Fen')).toEqual({ status: 301, location: '/en/' });
  });

  it('answers a path that climbs out of the site as it answers a missing folder', async () => {
    expect(await rawGet('/no-such-folder')).toEqual({ status: 404 });
    // Enough steps up to reach / from wherever the site is: /etc exists on every Linux machine.
    expect(await rawGet(`/${'..%2f'.repeat(30)}etc`)).toEqual({ status: 404 });
  });

  it('sends a page its security headers: a policy allowing only this site’s scripts and styles, no sniffing, no full referrer', async () => {
    for (const path of ['/ko/shipping/track-order/', '/ko/no-such-page/']) {
      const response = await get(path);
      const policy = response.headers.get('content-security-policy')!;
      expect(policy).toContain("default-src 'self'");
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(policy).toContain("style-src 'self';");
      expect(policy).toContain('frame-src https://www.youtube-nocookie.com');
      expect(policy).not.toContain('frame-ancestors');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
    }
  });

  it('allows a page’s own inline script by its hash, and nothing else inline', async () => {
    const response = await get('/ko/search/');
    const html = await response.text();
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(response.headers.get('content-security-policy')).toContain(
      `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}';`,
    );
  });

  it('forbids framing staff pages', async () => {
    for (const path of ['/staff/', '/staff/login/'])
      expect((await get(path)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('sends scripts and search data as the build’s Brotli copy to browsers that take it, and gzip or plain to others', async () => {
    const brotli = await fetch(`${server.url}/search/knowledge-ko.json`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/^application\/json/);
    expect(brotli.headers.get('x-content-type-options')).toBe('nosniff');
    const knowledge = await brotli.json();
    const gzip = await fetch(`${server.url}/search/knowledge-ko.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.json()).toEqual(knowledge);
    // Pages are not precompressed; their security policy is worked out from the page as built.
    const page = await fetch(`${server.url}/ko/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('sends Pagefind’s wasm and index files as the data itself, Brotli-compressed, to browsers that take it', async () => {
    const brotli = await fetch(`${server.url}/pagefind/wasm.unknown.pagefind`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    // Pagefind's signature for data it need not inflate.
    expect(
      Buffer.from(await brotli.arrayBuffer())
        .subarray(0, 12)
        .toString(),
    ).toBe('pagefind_dcd');
    const plain = await fetch(`${server.url}/pagefind/wasm.unknown.pagefind`, { headers: { 'accept-encoding': '' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // Pagefind's own gzip file, which it inflates itself.
    expect([...new Uint8Array(await plain.arrayBuffer()).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('caches fingerprinted assets for a year', async () => {
    const html = await (await get('/ko/')).text();
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html)![1];
    const response = await get(css);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing page with a 404 in the locale of its URL', async () => {
    const english = await get('/en/no-such-page/');
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('<html lang="en">');
    const other = await get('/nowhere');
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('<html lang="ko">');
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const response = await get('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No API endpoint GET /api/nope' } });
  });
});
