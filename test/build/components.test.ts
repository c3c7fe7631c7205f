import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readPage } from '../helpers/site-files.ts';

const siteDir = inject('fixtureSiteDir');
const page = readPage(siteDir, '/en/getting-started/components/');
const html = readFileSync(join(siteDir, 'en/getting-started/components/index.html'), 'utf8');

describe('article components, used in MDX without imports', () => {
  it('renders a Callout of each type with its label in words', () => {
    const [warning, info] = page.querySelectorAll('.prose aside.callout');
    expect(warning.classList.contains('callout--warning')).toBe(true);
    expect(warning.getAttribute('aria-label')).toBe('Warning');
    expect(warning.querySelector('.callout__label')?.text).toBe('Warning');
    expect(warning.querySelector('.callout__body strong')?.text).toBe('workspace');
    expect(info.classList.contains('callout--info')).toBe(true);
    expect(info.querySelector('.callout__label')?.text).toBe('Note');
  });

  it('renders Steps around a numbered list', () => {
    expect(page.querySelectorAll('.prose .steps ol > li').map((li) => li.text.trim())).toEqual([
      'Open Settings.',
      'Choose Members.',
      'Send the invitations.',
    ]);
  });

  it('renders a Figure with its alt text and caption, the image served from content/public', () => {
    const figure = page.querySelector('.prose figure.figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('/images/screen.svg');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('The members screen with the Invite button');
    expect(figure?.querySelector('figcaption')?.text).toBe('Settings, then Members.');
    expect(existsSync(join(siteDir, 'images/screen.svg'))).toBe(true);
  });

  it('loads the first Figure at once and with priority (it is often the largest paint), later ones lazily', () => {
    const [first, second] = page.querySelectorAll('.prose figure.figure img');
    expect([first.getAttribute('loading'), first.getAttribute('fetchpriority')]).toEqual(['eager', 'high']);
    expect(second.getAttribute('loading')).toBe('lazy');
    expect(second.hasAttribute('fetchpriority')).toBe(false);
  });

  it('renders a Video as a link that loads nothing from YouTube until it is pressed', () => {
    const link = page.querySelector('.prose .video a.video__play');
    expect(link?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc123XYZ_-');
    expect(link?.querySelector('.video__title')?.text).toBe('Inviting your team in two minutes');
    expect(page.querySelector('iframe')).toBeNull();
    expect(html).not.toMatch(/<(iframe|img|link|script)[^>]+youtube/);
  });

  it('renders Markdown tables, and keeps component tags out of the search keywords', () => {
    expect(page.querySelectorAll('.prose table tbody tr')).toHaveLength(2);
    const keywords = page.querySelector('[data-pagefind-meta=keywords]')?.text ?? '';
    expect(keywords).not.toMatch(/Callout|Figure|youtube|type=/);
  });

  it('links to the article’s source file when a repository is configured', () => {
    expect(page.querySelector('.meta a')?.getAttribute('href')).toBe(
      'https://git.example/acme/help/edit/main/test/fixtures/content-basic/articles/en/getting-started/components.mdx',
    );
    expect(page.querySelector('.meta a')?.text).toBe('Edit this article');
  });
});
