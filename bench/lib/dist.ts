import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Asset {
  url: string;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Every `<script src>`, modulepreload and island module, plus what they import statically, within dist. */
  files: Asset[];
  /** Inline `<script>` bodies that run as JavaScript. */
  inline: Asset[];
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  /** Referenced scripts that are not files of dist (external or missing): not counted. */
  unresolved: string[];
}

export interface DistStats {
  totalBytes: number;
  fileCount: number;
  htmlPages: number;
  pagefindBytes: number;
  articlePages: number;
  missingArticles: string[];
  medianHtmlRaw: number;
  medianHtmlGzip: number;
  /** The article page whose raw size is the median; its weight is the one reported. */
  medianPage: string;
  medianPageWeight: PageWeight;
  /** JavaScript (gzip) over all article pages, to show whether the median page is typical. */
  jsGzipMin: number;
  jsGzipMax: number;
}

const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

function walk(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, size: statSync(path).size };
    });
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attrs.set(match[1].toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

const decodeEntities = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

const isJsType = (type: string | undefined) =>
  !type || /^(module|text\/javascript|application\/javascript)$/i.test(type.trim());

/**
 * Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers of a module. Dynamic `import("x")`
 * is left out on purpose: that is what loads only when used (Pagefind's UI is loaded this way on first search).
 * A regex, not a parser: the clause between `import` and `from` may hold only names, braces, `*` and commas,
 * which keeps it from matching across code, and only specifiers that resolve to files of dist are followed.
 */
export function staticImports(code: string): string[] {
  const specifiers: string[] = [];
  for (const match of code.matchAll(
    /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\s]+)["']/g,
  )) {
    specifiers.push(match[1]);
  }
  return specifiers;
}

/** Weighs what one page loads before anyone interacts with it. */
export class PageWeigher {
  private readonly distDir: string;
  private readonly assets = new Map<string, { raw: number; gzip: number; text: string } | undefined>();

  constructor(distDir: string) {
    this.distDir = distDir;
  }

  /** A URL as the browser resolves it from `base` (a site path), or undefined when it leaves the site. */
  private resolveUrl(reference: string, base: string): string | undefined {
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(reference) || /^(data|blob):/i.test(reference)) return undefined;
    const path = reference.split(/[?#]/)[0];
    return path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(posix.dirname(base), path));
  }

  private asset(url: string) {
    if (!this.assets.has(url)) {
      const file = join(this.distDir, url);
      if (existsSync(file) && statSync(file).isFile()) {
        const data = readFileSync(file);
        this.assets.set(url, { raw: data.length, gzip: gzipSize(data), text: data.toString('utf8') });
      } else {
        this.assets.set(url, undefined);
      }
    }
    return this.assets.get(url);
  }

  weigh(pageFile: string): PageWeight {
    const html = readFileSync(pageFile, 'utf8');
    const pageUrl = `/${pageFile
      .slice(this.distDir.length)
      .replace(/^[/\\]+/, '')
      .split(/[/\\]/)
      .join('/')}`;
    const modules: string[] = [];
    const inline: Asset[] = [];
    const styles: string[] = [];
    const unresolved: string[] = [];
    const queue = (reference: string, base: string) => {
      const url = this.resolveUrl(reference, base);
      if (url === undefined) unresolved.push(reference);
      else modules.push(url);
    };

    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const attrs = attributes(match[1]);
      if (!isJsType(attrs.get('type'))) continue;
      const src = attrs.get('src');
      if (src) {
        queue(src, pageUrl);
      } else if (match[2].trim()) {
        inline.push({
          url: `inline #${inline.length + 1}`,
          raw: Buffer.byteLength(match[2]),
          gzip: gzipSize(match[2]),
        });
        for (const specifier of staticImports(match[2])) queue(specifier, pageUrl);
      }
    }
    for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
      const attrs = attributes(match[1]);
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attrs.get('href');
      if (!href) continue;
      if (rel.includes('modulepreload')) queue(href, pageUrl);
      if (rel.includes('stylesheet')) {
        const url = this.resolveUrl(href, pageUrl);
        if (url) styles.push(url);
      }
    }
    // Astro islands load their component and renderer modules on hydration.
    for (const match of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
      const attrs = attributes(match[1]);
      for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = attrs.get(name);
        if (url) queue(url, pageUrl);
      }
    }

    // Follow static imports transitively.
    const seen = new Set<string>();
    const files: Asset[] = [];
    while (modules.length) {
      const url = modules.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const asset = this.asset(url);
      if (!asset) {
        unresolved.push(url);
        continue;
      }
      files.push({ url, raw: asset.raw, gzip: asset.gzip });
      for (const specifier of staticImports(asset.text)) {
        const target = this.resolveUrl(specifier, url);
        if (target !== undefined && this.asset(target)) modules.push(target);
      }
    }

    let cssRaw = 0;
    let cssGzip = 0;
    for (const url of new Set(styles)) {
      const asset = this.asset(url);
      if (asset) {
        cssRaw += asset.raw;
        cssGzip += asset.gzip;
      }
    }
    const all = [...files, ...inline];
    return {
      files,
      inline,
      jsRaw: all.reduce((sum, asset) => sum + asset.raw, 0),
      jsGzip: all.reduce((sum, asset) => sum + asset.gzip, 0),
      cssRaw,
      cssGzip,
      unresolved,
    };
  }
}

/** Sizes of a built site and of its article pages (`<dist>/<articleId>/index.html`). */
export function analyzeDist(distDir: string, articleIds: string[]): DistStats {
  const files = walk(distDir);
  const pagefindDir = join(distDir, 'pagefind');
  const pages = articleIds.map((id) => ({ id, file: join(distDir, id, 'index.html') }));
  const found = pages.filter((page) => existsSync(page.file));
  if (!found.length)
    throw new Error(`No article pages found in ${distDir} (looked for <dist>/<locale>/<category>/<slug>/index.html)`);

  const sized = found.map((page) => {
    const data = readFileSync(page.file);
    return { ...page, raw: data.length, gzip: gzipSize(data) };
  });
  const byRaw = [...sized].sort((a, b) => a.raw - b.raw);
  const medianPage = byRaw[Math.floor((byRaw.length - 1) / 2)];

  const weigher = new PageWeigher(distDir);
  const jsGzip = found.map((page) => weigher.weigh(page.file).jsGzip);

  return {
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    fileCount: files.length,
    htmlPages: files.filter((file) => file.path.endsWith('.html')).length,
    pagefindBytes: files
      .filter((file) => file.path.startsWith(pagefindDir + '/'))
      .reduce((sum, file) => sum + file.size, 0),
    articlePages: found.length,
    missingArticles: pages.filter((page) => !existsSync(page.file)).map((page) => page.id),
    medianHtmlRaw: median(sized.map((page) => page.raw)),
    medianHtmlGzip: median(sized.map((page) => page.gzip)),
    medianPage: medianPage.id,
    medianPageWeight: weigher.weigh(medianPage.file),
    jsGzipMin: Math.min(...jsGzip),
    jsGzipMax: Math.max(...jsGzip),
  };
}
