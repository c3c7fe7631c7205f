import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { readPage } from '../helpers/site-files.ts';

const siteDir = inject('fixtureSiteDir');

describe('another company’s content folder', () => {
  it('builds its own help center with no code change', () => {
    const home = readPage(siteDir, '/en/');
    expect(home.querySelector('title')?.text).toBe('Acme Help');
    expect(home.querySelectorAll('.category-grid__title').map((el) => el.text)).toEqual(['Billing', 'Getting started']);
    expect(readPage(siteDir, '/en/billing/update-card/').querySelector('h1')?.text).toBe(
      'Update the card you pay with',
    );
    expect(readPage(siteDir, '/ko/billing/update-card/').querySelector('html')?.getAttribute('lang')).toBe('ko');
    expect(existsSync(join(siteDir, 'ko/shipping'))).toBe(false);
  });

  it('sends / to its own default locale', () => {
    expect(readFileSync(join(siteDir, 'index.html'), 'utf8')).toContain('url=/en/');
  });

  it('leaves drafts out of the production build', () => {
    expect(existsSync(join(siteDir, 'en/billing/secret-plan'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(siteDir, 'articles.json'), 'utf8'));
    expect(manifest.articles.map((a: { id: string }) => a.id).sort()).toEqual([
      'en/billing/update-card',
      'en/getting-started/components',
      'en/getting-started/first-steps',
      'ko/billing/update-card',
    ]);
  });

  it('refuses to build invalid content, naming each file, field and reason', async () => {
    const result = await buildSite('test/fixtures/content-invalid', 'test/.tmp/invalid-site');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('8 content problems');
    expect(result.output).toContain('articles/ko/billing/no-title.mdx:2: title: is required');
    expect(result.output).toContain('articles/ko/billing/bad-date.mdx:4: updated: is not a real calendar date');
    expect(result.output).toContain(
      'articles/ko/no-such-category/orphan.mdx:1: category: "no-such-category" is not a category',
    );
    expect(result.output).toContain(
      'articles/ko/billing/bad-related.mdx:5: related[1]: "billing/does-not-exist" is not an article in ko',
    );
    expect(existsSync('test/.tmp/invalid-site/index.html')).toBe(false);
  });
});

describe('what readers taught search', () => {
  it('makes a readers’ synonym staff accepted a hidden alias of its article, with no article edited', async () => {
    const { ACCEPTED_SYNONYM } = await import('../global-setup.ts');
    const keywords =
      readPage(siteDir, `/${ACCEPTED_SYNONYM.articleId}/`).querySelector('[data-pagefind-meta="keywords"]')?.text ?? '';
    expect(keywords).toContain(ACCEPTED_SYNONYM.query);
    const source = readFileSync(
      join('test/fixtures/content-basic/articles', `${ACCEPTED_SYNONYM.articleId}.mdx`),
      'utf8',
    );
    expect(source).not.toContain(ACCEPTED_SYNONYM.query);
    const vocabulary = JSON.parse(readFileSync(join(siteDir, 'search/vocabulary-ko.json'), 'utf8'));
    expect(vocabulary.words['갈아끼우기']).toBe(1);
  });
});
