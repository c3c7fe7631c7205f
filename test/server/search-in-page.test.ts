import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readManifest } from '../../server/manifest.ts';
import { searchPageWithResults } from '../../server/search/search-page-html.ts';
import { ServerSearch } from '../../server/search/server-search.ts';
import type { SearchHit, SearchOutcome } from '../../src/shared/search/engine.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const siteDir = inject('siteDir');
const builtPage = (locale: string) => readFileSync(join(siteDir, locale, 'search', 'index.html'), 'utf8');

const hit = (n: number, title = `제목 ${n}`): SearchHit => ({
  id: `ko/shipping/page-${n}`,
  url: `/ko/shipping/page-${n}/`,
  title,
  category: '배송',
  excerpt: `<mark>환불</mark> 안내 ${n}`,
});
const outcome = (query: string, hits: SearchHit[], total = hits.length): SearchOutcome => ({
  query,
  hits,
  total,
  partial: [],
  terms: [],
});

describe('the search page with its answer in it', () => {
  it('has the query, the status, the ranked results and the "more" button, as the browser draws them', () => {
    const html = searchPageWithResults(builtPage('ko'), 'ko', outcome('환불', [hit(1), hit(2)], 14))!;
    const page = parse(html);
    expect(page.querySelector('#search-page-input')!.getAttribute('value')).toBe('환불');
    expect(page.querySelector('#search-status')!.textContent).toBe('‘환불’ 검색 결과 14건');
    const list = page.querySelector('#search-results')!;
    expect(list.getAttribute('data-state')).toBe('done');
    expect(list.getAttribute('data-query')).toBe('환불');
    expect(list.getAttribute('data-total')).toBe('14');
    const items = list.querySelectorAll('li');
    expect(items.map((item) => [item.getAttribute('data-id'), item.getAttribute('data-position')])).toEqual([
      ['ko/shipping/page-1', '1'],
      ['ko/shipping/page-2', '2'],
    ]);
    expect(items[0].querySelector('a.search-result__link')!.getAttribute('href')).toBe('/ko/shipping/page-1/');
    expect(items[0].querySelector('p')!.innerHTML).toBe('<mark>환불</mark> 안내 1');
    const more = page.querySelector('#search-more')!;
    expect(more.hasAttribute('hidden')).toBe(false);
    expect(more.textContent).toBe('결과 더 보기 (12개 남음)');
  });

  it('fetches none of the engine before the page paints, but keeps the page script and its modules', () => {
    const built = builtPage('ko');
    expect(built).toMatch(/<link rel="preload" href="\/pagefind\//);
    const html = searchPageWithResults(built, 'ko', outcome('환불', [hit(1)]))!;
    expect(html).not.toMatch(/<link rel="(module)?preload" href="\/(pagefind|search)\//);
    const scripts = (page: string) => [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map(([, src]) => src);
    expect(scripts(html)).toEqual(scripts(built));
    expect(html.match(/<link rel="modulepreload" href="\/_astro\//g)).toEqual(
      built.match(/<link rel="modulepreload" href="\/_astro\//g),
    );
    // All results shown: no "more" button.
    expect(parse(html).querySelector('#search-more')!.hasAttribute('hidden')).toBe(true);
  });

  it('escapes what the reader typed and what pages say, even where a replacement pattern could read it', () => {
    const query = `"><script>alert(1)</script> $& $'`;
    const html = searchPageWithResults(builtPage('en'), 'en', outcome(query, [hit(1, '<b>bold</b> & "quoted"')]))!;
    const page = parse(html);
    expect(html).not.toContain('<script>alert(1)');
    expect(page.querySelector('#search-page-input')!.getAttribute('value')).toBe(query);
    expect(page.querySelector('#search-results')!.getAttribute('data-query')).toBe(query);
    expect(page.querySelector('#search-status')!.textContent).toBe(`1 result for “${query}”`);
    expect(page.querySelector('.search-result__link')!.textContent).toBe('<b>bold</b> & "quoted"');
  });

  it('is the built page when there is nothing to show or the page lacks a part', () => {
    expect(searchPageWithResults(builtPage('ko'), 'ko', outcome('날씨', []))).toBeUndefined();
    const withoutList = builtPage('ko').replace(/<ol id="search-results"[^>]*>/, '<ol>');
    expect(searchPageWithResults(withoutList, 'ko', outcome('환불', [hit(1)]))).toBeUndefined();
  });
});

describe('the server answering linked searches', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(siteDir, {}, 'server/main.ts');
  });
  afterAll(() => server?.stop());

  const get = (path: string) => fetch(`${server.url}${path}`);
  /** The search thread loads its indexes after the server starts listening: until then pages go as built. */
  async function answered(path: string) {
    for (let tries = 0; ; tries++) {
      const response = await get(path);
      const html = await response.text();
      if (html.includes('data-state="done"') || tries === 100) return { response, html };
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  it('writes the engine’s results into the page, each a real article, under the page’s own headers', async () => {
    const { response, html } = await answered(`/ko/search/?q=${encodeURIComponent('환불')}`);
    const list = parse(html).querySelector('#search-results')!;
    expect(list.getAttribute('data-state')).toBe('done');
    const links = list.querySelectorAll('a.search-result__link').map((link) => link.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(2);
    const manifest = readManifest(siteDir);
    for (const link of links) expect(manifest.articles.map((article) => article.url)).toContain(link);
    const built = await get('/ko/search/');
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control'])
      expect(response.headers.get(header), header).toBe(built.headers.get(header));
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers in English on the English page', async () => {
    const { html } = await answered('/en/search/?q=refund');
    expect(parse(html).querySelector('#search-status')!.textContent).toMatch(/^\d+ results? for “refund”$/);
  });

  it.each([
    ['a question no article answers', `/ko/search/?q=${encodeURIComponent('서울 날씨 어때')}`],
    ['a filtered search', `/ko/search/?q=${encodeURIComponent('환불')}&category=shipping`],
    ['a search for tuning', `/ko/search/?q=${encodeURIComponent('환불')}&debug`],
    ['an empty query', '/ko/search/?q=%20'],
    ['a query longer than any stored', `/ko/search/?q=${'환불'.repeat(101)}`],
  ])('leaves %s to the browser: the page as built', async (_, path) => {
    await answered(`/ko/search/?q=${encodeURIComponent('환불')}`); // the thread is up
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(builtPage('ko'));
  });
});

describe('the search thread', () => {
  const manifest = () => readManifest(siteDir);
  const ready = async (search: ServerSearch) => {
    for (let tries = 0; tries < 100 && !(await search.answer('ko', '배송')); tries++)
      await new Promise((done) => setTimeout(done, 100));
  };

  it('gives up on a search past its deadline, and keeps the late answer for the next reader', async () => {
    const search = new ServerSearch(siteDir, manifest(), { deadlineMs: 0 });
    try {
      await ready(search).catch(() => undefined);
      expect(await search.answer('ko', '비밀번호')).toBeUndefined();
      await expect.poll(() => search.answer('ko', '비밀번호'), { timeout: 10_000 }).toBeDefined();
      expect((await search.answer('ko', '비밀번호'))!.hits.length).toBeGreaterThan(0);
    } finally {
      await search.close();
    }
  });

  it('takes no more than its share of searches at once: the rest go without', async () => {
    const search = new ServerSearch(siteDir, manifest(), { maxPending: 2, deadlineMs: 5_000, cacheSize: 1 });
    try {
      await ready(search);
      const answers = await Promise.all(
        ['주문 취소', '쿠폰', '적립금', '교환', '회원 탈퇴'].map((q) => search.answer('ko', q)),
      );
      expect(answers.filter(Boolean)).toHaveLength(2);
      expect(answers.slice(0, 2).every(Boolean)).toBe(true);
    } finally {
      await search.close();
    }
  });

  it('answers nothing, and does not fail the page, when the site has no index', async () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    const search = new ServerSearch(join(siteDir, 'no-such-site'), manifest(), { deadlineMs: 200 });
    try {
      for (let i = 0; i < 20; i++) {
        expect(await search.answer('ko', '환불')).toBeUndefined();
        await new Promise((done) => setTimeout(done, 50));
      }
      expect(errors.join('\n')).toMatch(/Search in the server failed/);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
      await search.close();
    }
  });
});
