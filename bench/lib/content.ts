import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { locales } from '../../src/shared/locales.ts';
import { STAND_INS } from './starlight.ts';

/** One sample article of content/articles, read once and copied many times. */
export interface SampleArticle {
  /** `<locale>/<category>/<slug>` */
  id: string;
  locale: string;
  category: string;
  slug: string;
  extension: string;
  frontmatter: Record<string, unknown>;
  /** Everything after the closing `---`, unchanged. */
  body: string;
}

/** One generated article: copy `copy` of a sample, as `<locale>/<category>/<slug>-<copy>`. */
export type GeneratedArticle = SampleArticle;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const YAML_OUT = { lineWidth: 0 } as const;

export const CONFIG_FILES = ['site.yaml', 'categories.yaml', 'contexts.yaml'];

export function readSamples(contentDir: string): SampleArticle[] {
  const root = join(contentDir, 'articles');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .sort();
  return files.map((name) => {
    const parts = name.split(sep);
    const match = /^(.+)\.(mdx?)$/.exec(parts[2] ?? '');
    if (parts.length !== 3 || !match) throw new Error(`Unexpected sample article path: articles/${name}`);
    const source = readFileSync(join(root, name), 'utf8');
    const split = FRONTMATTER.exec(source);
    if (!split) throw new Error(`Sample article articles/${name} has no frontmatter`);
    const frontmatter = parse(split[1]) as Record<string, unknown>;
    const [locale, category] = parts;
    const slug = match[1];
    return {
      id: `${locale}/${category}/${slug}`,
      locale,
      category,
      slug,
      extension: match[2],
      frontmatter,
      body: source.slice(split[0].length),
    };
  });
}

/**
 * Which samples go into which copy: whole copies of every sample, then a last partial copy whose
 * locales are split in the samples' ratio (largest remainder), so the total is exactly `total`.
 */
export function planCopies(samples: SampleArticle[], total: number): Map<number, SampleArticle[]> {
  const plan = new Map<number, SampleArticle[]>();
  const whole = Math.floor(total / samples.length);
  for (let copy = 1; copy <= whole; copy++) plan.set(copy, samples);
  const rest = total - whole * samples.length;
  if (rest === 0) return plan;

  // Translated articles first, in the same `<category>/<slug>` order in every locale, so the partial copy keeps
  // translation pairs together (each locale's pick is then a prefix of the larger locale's).
  const key = (sample: SampleArticle) => `${sample.category}/${sample.slug}`;
  const translations = new Map<string, number>();
  for (const sample of samples) translations.set(key(sample), (translations.get(key(sample)) ?? 0) + 1);
  const ordered = [...samples].sort(
    (a, b) => translations.get(key(b))! - translations.get(key(a))! || key(a).localeCompare(key(b)),
  );
  const byLocale = new Map<string, SampleArticle[]>();
  for (const sample of ordered) byLocale.set(sample.locale, [...(byLocale.get(sample.locale) ?? []), sample]);
  const shares = [...byLocale].map(([locale, list]) => {
    const exact = (rest * list.length) / samples.length;
    return { locale, list, count: Math.floor(exact), fraction: exact - Math.floor(exact) };
  });
  let left = rest - shares.reduce((sum, share) => sum + share.count, 0);
  for (const share of [...shares].sort((a, b) => b.fraction - a.fraction)) {
    if (left-- <= 0) break;
    share.count++;
  }
  plan.set(
    whole + 1,
    shares.flatMap((share) => share.list.slice(0, share.count)),
  );
  return plan;
}

/** Copies the samples per the plan, keeping titles distinct and every link and `related` id inside the generated set. */
export function generateArticles(samples: SampleArticle[], total: number): GeneratedArticle[] {
  const plan = planCopies(samples, total);
  const present = new Map([...plan].map(([copy, list]) => [copy, new Set(list.map((sample) => sample.id))]));
  const sampleIds = new Set(samples.map((sample) => sample.id));
  /** The copy a link from copy `copy` should point to: the same copy, else the nearest earlier one that has the target. */
  const linkCopy = (id: string, copy: number) => {
    for (let candidate = copy; candidate >= 1; candidate--) if (present.get(candidate)?.has(id)) return candidate;
    return undefined;
  };

  const articles: GeneratedArticle[] = [];
  for (const [copy, list] of plan) {
    for (const sample of list) {
      const frontmatter: Record<string, unknown> = {
        ...sample.frontmatter,
        title: `${String(sample.frontmatter.title)} (${copy})`,
      };
      if (Array.isArray(sample.frontmatter.related)) {
        frontmatter.related = (sample.frontmatter.related as string[])
          .filter((related) => present.get(copy)!.has(`${sample.locale}/${related}`))
          .map((related) => `${related}-${copy}`);
      }
      const body = sample.body.replace(
        /\/([a-z]{2})\/([a-z0-9-]+)\/([a-z0-9-]+)\//g,
        (link, locale: string, category: string, slug: string) => {
          const id = `${locale}/${category}/${slug}`;
          const target = sampleIds.has(id) ? linkCopy(id, copy) : undefined;
          return target === undefined ? link : `/${locale}/${category}/${slug}-${target}/`;
        },
      );
      const slug = `${sample.slug}-${copy}`;
      articles.push({
        id: `${sample.locale}/${sample.category}/${slug}`,
        locale: sample.locale,
        category: sample.category,
        slug,
        extension: sample.extension,
        frontmatter,
        body,
      });
    }
  }
  return articles;
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const mdx = (frontmatter: Record<string, unknown>, body: string) =>
  `---\n${stringify(frontmatter, YAML_OUT)}---\n${body}`;

/** A Helploop content folder: the sample's three YAML files and the generated articles. */
export function writeHelploopContent(sourceDir: string, outDir: string, articles: GeneratedArticle[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of CONFIG_FILES) copyFileSync(join(sourceDir, name), join(outDir, name));
  for (const article of articles) {
    writeFile(
      join(outDir, 'articles', article.locale, article.category, `${article.slug}.${article.extension}`),
      mdx(article.frontmatter, article.body),
    );
  }
}

/**
 * The same articles as Starlight docs: `<docsDir>/<locale>/<category>/<slug>.mdx`. Starlight's docs schema knows
 * title and description; our `order` becomes `sidebar.order` so its sidebar keeps the editor's order. The rest is dropped.
 */
export function writeStarlightDocs(docsDir: string, articles: GeneratedArticle[]): void {
  for (const article of articles) {
    const { title, description, order } = article.frontmatter;
    const frontmatter: Record<string, unknown> = { title, description };
    if (typeof order === 'number') frontmatter.sidebar = { order };
    // Our article components are given to every page; Starlight pages import their stand-ins (see starlight.ts).
    const used = Object.keys(STAND_INS).filter((name) => article.body.includes(`<${name}`));
    const imports = used
      .map((name) => `import ${name} from '../../../../components/helploop/${name}.astro';\n`)
      .join('');
    const body = used.length ? `${imports}\n${article.body}` : article.body;
    writeFile(
      join(docsDir, article.locale, article.category, `${article.slug}.${article.extension}`),
      mdx(frontmatter, body),
    );
  }
}

export interface CategoryInfo {
  id: string;
  order: number;
  title: Record<string, string>;
}

export function readCategories(contentDir: string): CategoryInfo[] {
  const categories = parse(readFileSync(join(contentDir, 'categories.yaml'), 'utf8')) as CategoryInfo[];
  return [...categories].sort((a, b) => a.order - b.order);
}

export interface SiteInfo {
  name: Record<string, string>;
  defaultLocale: string;
  locales: string[];
}

export function readSite(contentDir: string): SiteInfo {
  const site = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8')) as Partial<SiteInfo>;
  return { name: site.name ?? {}, defaultLocale: site.defaultLocale ?? 'ko', locales: site.locales ?? [...locales] };
}
