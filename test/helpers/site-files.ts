import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every HTML file of a built site, as `/url/` → path. */
export function htmlPages(siteDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of readdirSync(siteDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const url = `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
    pages.set(url, join(siteDir, file));
  }
  return pages;
}

export function readPage(siteDir: string, url: string): HTMLElement {
  return parse(readFileSync(join(siteDir, url, 'index.html'), 'utf8'));
}
