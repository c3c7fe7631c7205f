import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { manifestSchema } from '../../src/shared/content/manifest.ts';
import { SEARCH_INDEX_META } from '../../src/shared/search/pagefind-api.ts';
import { validateContent } from '../../src/build/content/validate.ts';
import { widgetDataSchema } from '../../src/shared/widget-data.ts';
import { htmlPages, readPage } from '../helpers/site-files.ts';

const siteDir = inject('siteDir');
const content = validateContent('content');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(siteDir, 'articles.json'), 'utf8')));
const text = (html: { text: string } | null) => html?.text.replace(/\s+/g, ' ').trim();

describe('the sample help center', () => {
  it('has at least 36 Korean articles in 6 categories and 12 English ones', () => {
    const ko = content.articles.filter((a) => a.id.startsWith('ko/'));
    expect(ko.length).toBeGreaterThanOrEqual(36);
    expect(new Set(ko.map((a) => a.id.split('/')[1])).size).toBe(6);
    expect(content.articles.filter((a) => a.id.startsWith('en/')).length).toBeGreaterThanOrEqual(12);
  });

  it('builds every article at its URL with its title, and lists each in the manifest', () => {
    for (const article of content.articles) {
      const page = readPage(siteDir, `/${article.id}/`);
      expect(text(page.querySelector('h1')), article.id).toBe(article.frontmatter.title);
    }
    expect(manifest.articles.map((a) => a.id).sort()).toEqual(content.articles.map((a) => a.id).sort());
    expect(manifest.articles.find((a) => a.id === 'ko/shipping/track-order')).toMatchObject({
      url: '/ko/shipping/track-order/',
      sourcePath: 'content/articles/ko/shipping/track-order.mdx',
      category: 'shipping',
    });
  });

  it('shows the categories in order on the home page with their article counts', () => {
    const home = readPage(siteDir, '/ko/');
    expect(home.querySelector('html')?.getAttribute('lang')).toBe('ko');
    expect(home.querySelector('form[role=search] input[name=q]')).not.toBeNull();
    const cards = home.querySelectorAll('.category-grid a');
    expect(cards.map((card) => card.getAttribute('href'))).toEqual([
      '/ko/ordering-payment/',
      '/ko/shipping/',
      '/ko/returns-refunds/',
      '/ko/account/',
      '/ko/coupons-points/',
      '/ko/products-stock/',
    ]);
    const shipping = content.articles.filter((a) => a.id.startsWith('ko/shipping/')).length;
    expect(text(cards[1].querySelector('.category-grid__count'))).toBe(`도움말 ${shipping}개`);
    expect(home.querySelectorAll('[aria-labelledby=popular-title] li').length).toBe(6);
    const recent = home.querySelectorAll('[aria-labelledby=recent-title] a').map((a) => a.getAttribute('href'));
    const newest = [...content.articles]
      .filter((a) => a.id.startsWith('ko/'))
      .sort((a, b) => b.frontmatter.updated.localeCompare(a.frontmatter.updated));
    expect(recent[0]).toBe(`/${newest[0].id}/`);
  });

  it('lists a category’s articles in editor order', () => {
    const page = readPage(siteDir, '/ko/shipping/');
    const links = page.querySelectorAll('.article-list a').map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('/ko/shipping/shipping-fee/');
    expect(links).toHaveLength(content.articles.filter((a) => a.id.startsWith('ko/shipping/')).length);
  });

  it('gives an article its breadcrumb, date, table of contents, related articles and support hand-off', () => {
    const page = readPage(siteDir, '/ko/shipping/track-order/');
    expect(page.querySelectorAll('.breadcrumb a').map((a) => a.getAttribute('href'))).toEqual([
      '/ko/',
      '/ko/shipping/',
    ]);
    expect(page.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.querySelectorAll('.toc li').length).toBeGreaterThanOrEqual(3);
    const related = page.querySelectorAll('.related a').map((a) => a.getAttribute('href'));
    const chosen = content.articles.find((a) => a.id === 'ko/shipping/track-order')!.frontmatter.related;
    expect(related.slice(0, chosen.length)).toEqual(chosen.map((id) => `/ko/${id}/`));
    // The contact form opens with the article as its subject (the page is added in the browser on click).
    const title = content.articles.find((a) => a.id === 'ko/shipping/track-order')!.frontmatter.title;
    expect(page.querySelector('.support-handoff a.button')?.getAttribute('href')).toBe(
      `https://marumarket.example/contact?subject=${encodeURIComponent(title)}&page=`,
    );
    expect(page.querySelector('.support-handoff a[href^="mailto:"]')?.getAttribute('href')).toBe(
      `mailto:help@marumarket.example?subject=${encodeURIComponent(title)}`,
    );
    expect(page.querySelector('.language-switcher a')?.getAttribute('href')).toBe('/en/shipping/track-order/');
  });

  it('fills related articles after the editor’s picks with those sharing the most tags, contexts and category', () => {
    const ko = content.articles.filter((a) => a.id.startsWith('ko/'));
    const shared = (a: (typeof ko)[number], b: (typeof ko)[number]) =>
      Number(a.id.split('/')[1] === b.id.split('/')[1]) +
      a.frontmatter.tags.filter((tag) => b.frontmatter.tags.includes(tag)).length +
      a.frontmatter.contexts.filter((key) => b.frontmatter.contexts.includes(key)).length;
    const category = (id: string) => id.split('/')[1];
    let crossCategory = 0;
    for (const article of ko) {
      const related = readPage(siteDir, `/${article.id}/`)
        .querySelectorAll('.related a')
        .map((a) => a.getAttribute('href')!.slice(1, -1));
      const chosen = article.frontmatter.related.map((id) => `ko/${id}`);
      const computed = related.slice(chosen.length);
      expect(related.slice(0, chosen.length), article.id).toEqual(chosen);
      const scores = computed.map((id) =>
        shared(
          article,
          ko.find((b) => b.id === id)!,
        ),
      );
      expect(scores, article.id).toEqual([...scores].sort((x, y) => y - x));
      const rest = ko.filter((b) => b !== article && !chosen.includes(b.id));
      if (computed.length) expect(scores[0], article.id).toBe(Math.max(...rest.map((b) => shared(article, b))));
      crossCategory += computed.filter((id) => category(id) !== category(article.id)).length;
    }
    // Shared tags and contexts reach across categories (returns and refunds, payment and points).
    expect(crossCategory).toBeGreaterThan(0);
  });

  it('writes the widget’s data per locale, and a demo shop that embeds it with one tag', () => {
    for (const locale of ['ko', 'en']) {
      const data = widgetDataSchema.parse(JSON.parse(readFileSync(join(siteDir, 'widget', `${locale}.json`), 'utf8')));
      expect(data.contexts.map((c) => c.key)).toEqual(Object.keys(content.contexts!));
      const payment = data.contexts.find((c) => c.key === 'payment')!;
      const expected = content.articles.filter(
        (a) => a.id.startsWith(`${locale}/`) && a.frontmatter.contexts.includes('payment'),
      );
      expect(payment.articles.map((a) => a.id).sort()).toEqual(
        expected
          .map((a) => a.id)
          .slice(0, 8)
          .sort(),
      );
    }
    for (const path of [
      '/demo/shop/',
      '/demo/shop/cart/',
      '/demo/shop/checkout/',
      '/demo/shop/checkout/payment/',
      '/demo/shop/orders/',
      '/demo/shop/returns/',
    ]) {
      const script = readPage(siteDir, path).querySelector('script[src="/widget.js"]');
      expect(script?.getAttribute('data-path-prefix'), path).toBe('/demo/shop');
    }
    expect(existsSync(join(siteDir, 'widget.js'))).toBe(true);
  });

  it('ships no JavaScript on an article page but the search box, feedback, read-next, hand-off and survey islands', () => {
    const scripts = [...readPage(siteDir, '/ko/shipping/track-order/').querySelectorAll('script')];
    // The surveys site.yaml defines, as data the survey island reads; not a script that runs.
    const data = scripts.filter((script) => script.getAttribute('type') === 'application/json');
    expect(data.map((script) => script.getAttribute('id'))).toEqual(['survey-prompts']);
    const code = scripts.filter((script) => !data.includes(script));
    expect(code.length).toBeLessThanOrEqual(5);
    for (const script of code) {
      expect(script.getAttribute('type')).toBe('module');
      expect(script.getAttribute('src')).toMatch(
        /^\/_astro\/(SearchForm|ArticleFeedback|ReadNext|SupportHandoff|SurveyPrompt)\.astro_astro_type_script/,
      );
    }
  });

  it('shows no table of contents for an article with fewer than 3 headings', () => {
    const few = content.articles.find((a) => (a.body.match(/^##\s/gm) ?? []).length < 3)!;
    expect(readPage(siteDir, `/${few.id}/`).querySelector('.toc')).toBeNull();
  });

  it('switches an untranslated article to the other locale’s home, saying so on the link and on arrival', () => {
    const untranslated = content.articles.find(
      (a) => a.id.startsWith('ko/') && !existsSync(join('content/articles', a.id.replace(/^ko/, 'en') + '.mdx')),
    )!;
    const link = readPage(siteDir, `/${untranslated.id}/`).querySelector('.language-switcher a')!;
    expect(link.getAttribute('href')).toBe('/en/#no-translation');
    expect(text(link)).toBe('English (이 글은 번역본이 없어 홈으로 이동해요)');
    expect(text(readPage(siteDir, '/en/').querySelector('#no-translation'))).toMatch(/has no English version/);
  });

  it('links each page to its other languages with absolute URLs on the site’s address', () => {
    const links = (url: string) =>
      readPage(siteDir, url)
        .querySelectorAll('link[rel=alternate][hreflang]')
        .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
    expect(links('/ko/')).toEqual([
      ['ko', 'https://help.marumarket.example/ko/'],
      ['en', 'https://help.marumarket.example/en/'],
    ]);
    expect(links('/ko/shipping/track-order/')).toEqual([
      ['ko', 'https://help.marumarket.example/ko/shipping/track-order/'],
      ['en', 'https://help.marumarket.example/en/shipping/track-order/'],
    ]);
    for (const [url, file] of htmlPages(siteDir))
      for (const link of parse(readFileSync(file, 'utf8')).querySelectorAll('link[hreflang]'))
        expect(link.getAttribute('href'), url).toMatch(/^https:\/\//);
  });

  it('describes every page search engines may index, the home pages too', () => {
    for (const [url, file] of htmlPages(siteDir)) {
      const page = parse(readFileSync(file, 'utf8'));
      if (page.querySelector('meta[name=robots][content~=noindex]') || page.querySelector('meta[http-equiv=refresh]'))
        continue;
      expect(page.querySelector('meta[name=description]')?.getAttribute('content'), url).toMatch(/\S/);
    }
    expect(readPage(siteDir, '/ko/').querySelector('meta[name=description]')?.getAttribute('content')).toContain(
      '마루마켓 고객센터: 주문·결제, 배송',
    );
  });

  it('names each search landmark of a page differently', () => {
    for (const url of ['/ko/', '/ko/search/', '/en/', '/ko/shipping/']) {
      const names = readPage(siteDir, url)
        .querySelectorAll('[role=search]')
        .map((form) => form.getAttribute('aria-label'));
      expect(names.every(Boolean), url).toBe(true);
      expect(new Set(names).size, url).toBe(names.length);
    }
  });

  it('strikes through only what the source wraps in ~~two tildes~~, never a range like 1~2영업일', () => {
    const sources = new Map(content.articles.map((article) => [`/${article.id}/`, article.body]));
    expect([...sources.values()].filter((body) => /\d~\d/.test(body)).length).toBeGreaterThan(5);
    for (const [url, file] of htmlPages(siteDir)) {
      const struck = (sources.get(url)?.match(/~~[^~\n]+~~/g) ?? []).length;
      expect((readFileSync(file, 'utf8').match(/<del>/g) ?? []).length, url).toBe(struck);
    }
    const paragraphs = readPage(siteDir, '/ko/shipping/delivery-time/').querySelectorAll('main p').map(text);
    expect(paragraphs).toContainEqual(
      expect.stringContaining('1~2영업일 안에 받아 보실 수 있어요. 제주와 도서산간 지역은 출고 후 2~4영업일'),
    );
  });

  it('links the footer to the contact form with its {subject} and {page} placeholders emptied, on every page', () => {
    let footers = 0;
    for (const [url, file] of htmlPages(siteDir)) {
      const footer = parse(readFileSync(file, 'utf8')).querySelector('.site-footer');
      if (!footer) continue;
      footers++;
      const links = footer.querySelectorAll('a').map((a) => a.getAttribute('href'));
      expect(links, url).toContain('https://marumarket.example/contact?subject=&page=');
    }
    expect(footers).toBeGreaterThan(60);
  });

  it('carries the site’s icon inside each page, the same as /favicon.svg, so a first visit asks for no icon file', () => {
    const file = readFileSync(join(siteDir, 'favicon.svg'), 'utf8').trim();
    for (const url of ['/ko/', '/ko/search/', '/en/shipping/shipping-fee/']) {
      const href = readPage(siteDir, url).querySelector('link[rel=icon]')?.getAttribute('href') ?? '';
      expect(href.startsWith('data:image/svg+xml,'), url).toBe(true);
      expect(decodeURIComponent(href.slice('data:image/svg+xml,'.length))).toBe(file);
    }
  });

  it('has a search page per locale with the results container', () => {
    expect(readPage(siteDir, '/en/search/').querySelector('#search-results')).not.toBeNull();
    expect(existsSync(join(siteDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('has each search page ask for the engine, its modules and its locale’s index files with the page', () => {
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    for (const locale of ['ko', 'en']) {
      const page = readPage(siteDir, `/${locale}/search/`);
      const version = page.querySelector(`meta[name="${SEARCH_INDEX_META}"]`)?.getAttribute('content');
      expect(version).toMatch(/^[0-9a-f]{12}$/);
      const preloads = page.querySelectorAll('link[rel=preload][as=fetch]').map((link) => link.getAttribute('href'));
      const { hash, wasm } = entry.languages[locale];
      expect(preloads).toEqual(
        expect.arrayContaining([
          `/pagefind/pagefind-entry.json?ts=${version}`,
          `/pagefind/pagefind.${hash}.pf_meta`,
          `/pagefind/wasm.${wasm ?? 'unknown'}.pagefind`,
        ]),
      );
      for (const href of preloads) expect(existsSync(join(siteDir, href!.replace(/\?.*/, ''))), href!).toBe(true);
      // The engine's module and what it imports, found before the page's own script has run.
      const modules = page.querySelectorAll('link[rel=modulepreload]').map((link) => link.getAttribute('href')!);
      expect(modules.some((href) => /\/_astro\/site-search\.[\w-]+\.js$/.test(href))).toBe(true);
      for (const href of modules) expect(existsSync(join(siteDir, href)), href).toBe(true);
    }
  });

  it('has each staff page ask for every module its scripts import, and carry its icon, with the page', () => {
    const staffPages = [...htmlPages(siteDir).keys()].filter((url) => url.startsWith('/staff/'));
    expect(staffPages.length).toBeGreaterThan(8);
    for (const url of staffPages) {
      const page = readPage(siteDir, url);
      const preloaded = new Set(
        page.querySelectorAll('link[rel=modulepreload]').map((link) => link.getAttribute('href')),
      );
      // Every module a script imports, and the modules those import, without waiting for the script to arrive.
      const pending = page.querySelectorAll('script[type=module][src]').map((script) => script.getAttribute('src')!);
      const seen = new Set(pending);
      while (pending.length) {
        const script = pending.pop()!;
        const code = readFileSync(join(siteDir, script), 'utf8');
        for (const [, file] of code.matchAll(/\bimport\s*(?:[\w*{][^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
          const module = `/_astro/${file}`;
          expect(preloaded.has(module) || seen.has(module), `${url}: ${module}`).toBe(true);
          if (!seen.has(module)) pending.push(module);
          seen.add(module);
        }
      }
      expect(page.querySelector('link[rel=icon]')?.getAttribute('href'), url).toMatch(/^data:image\/svg\+xml,/);
    }
  });
});
