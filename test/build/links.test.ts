import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'node-html-parser';
import { htmlPages } from '../helpers/site-files.ts';

/** Every same-site link and asset in every built page, with the fragment it points at. */
function brokenLinks(siteDir: string): string[] {
  const pages = htmlPages(siteDir);
  const ids = new Map<string, Set<string>>();
  const idsOf = (url: string) => {
    if (!ids.has(url)) {
      const doc = parse(readFileSync(pages.get(url)!, 'utf8'));
      ids.set(url, new Set(doc.querySelectorAll('[id]').map((el) => el.getAttribute('id')!)));
    }
    return ids.get(url)!;
  };
  const broken: string[] = [];
  for (const [from, file] of pages) {
    const doc = parse(readFileSync(file, 'utf8'));
    const targets = doc
      .querySelectorAll('a[href], link[href], script[src], img[src], form[action]')
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!);
    for (const target of targets) {
      // Other sites, and the API's routes (the form posts to /api/votes), are not files of the build.
      if (/^[a-z]+:/i.test(target) || target.startsWith('//') || target.startsWith('/api/')) continue;
      const url = new URL(target, `http://site${from}`);
      const path = decodeURIComponent(url.pathname);
      const onDisk = join(siteDir, path);
      const exists =
        pages.has(path) ||
        (existsSync(onDisk) && (statSync(onDisk).isFile() || existsSync(join(onDisk, 'index.html'))));
      if (!exists) {
        broken.push(`${from} → ${target}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && pages.has(path) && !idsOf(path).has(fragment))
        broken.push(`${from} → ${target} (no #${fragment})`);
    }
  }
  return broken;
}

describe('links in the built site', () => {
  it('all resolve, fragments included, in the sample site', () => {
    expect(brokenLinks(inject('siteDir'))).toEqual([]);
  });

  it('all resolve in the fixture site', () => {
    expect(brokenLinks(inject('fixtureSiteDir'))).toEqual([]);
  });
});
