import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/build/content/problems.ts';
import { articleFrontmatterSchema, siteSchema } from '../../src/shared/content/schema.ts';
import { validateContent } from '../../src/build/content/validate.ts';

const messages = (dir: string) => validateContent(dir).problems.map(formatProblem);

describe('content validation', () => {
  it('accepts the sample content and the basic fixture without a problem', () => {
    expect(messages('content')).toEqual([]);
    expect(messages('test/fixtures/content-basic')).toEqual([]);
  });

  it('names the file, line, field and reason of every invalid article', () => {
    const dir = 'test/fixtures/content-invalid/articles/ko';
    expect(messages('test/fixtures/content-invalid').sort()).toEqual(
      [
        `${dir}/billing/Bad_Slug.mdx:1: must be at articles/<locale>/<category-id>/<slug>.mdx with a lowercase ascii slug`,
        `${dir}/billing/bad-date.mdx:4: updated: is not a real calendar date`,
        `${dir}/billing/bad-related.mdx:5: related[1]: "billing/does-not-exist" is not an article in ko`,
        `${dir}/billing/extra-field.mdx:5: author: is not a known field`,
        `${dir}/billing/long-description.mdx:3: description: must be at most 160 characters`,
        `${dir}/billing/no-title.mdx:2: title: is required`,
        `${dir}/billing/unknown-context.mdx:5: contexts[0]: "checkout" is not a context in contexts.yaml`,
        `${dir}/no-such-category/orphan.mdx:1: category: "no-such-category" is not a category in categories.yaml`,
      ].sort(),
    );
  });

  it('reads a missing contexts.yaml as no contexts: only articles that name one have a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helploop-no-contexts-'));
    try {
      cpSync('test/fixtures/content-basic', dir, { recursive: true });
      rmSync(join(dir, 'contexts.yaml'));
      const content = validateContent(dir);
      expect(content.contexts).toEqual({});
      const naming = content.articles
        .filter((article) => article.frontmatter.contexts.length)
        .map((article) => article.file);
      expect(naming.length).toBeGreaterThan(0);
      expect(new Set(content.problems.map((problem) => problem.file))).toEqual(new Set(naming));
      expect(content.problems.map((problem) => problem.message)).toContainEqual(
        expect.stringMatching(/ is not a context in contexts\.yaml$/),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the valid articles of a folder that also has invalid ones', () => {
    const ids = validateContent('test/fixtures/content-invalid').articles.map((article) => article.id);
    expect(ids).toContain('ko/billing/bad-related');
    expect(ids).not.toContain('ko/billing/no-title');
  });
});

describe('article frontmatter schema', () => {
  const minimal = { title: 'T', description: 'D', updated: '2026-01-31' };

  it('fills list fields and draft with defaults', () => {
    expect(articleFrontmatterSchema.parse(minimal)).toEqual({
      ...minimal,
      tags: [],
      aliases: [],
      contexts: [],
      related: [],
      draft: false,
    });
  });

  it('accepts a date that a YAML parser already turned into a Date, keeping YYYY-MM-DD', () => {
    expect(articleFrontmatterSchema.parse({ ...minimal, updated: new Date('2026-01-31T00:00:00Z') }).updated).toBe(
      '2026-01-31',
    );
  });

  it.each([
    ['31/01/2026', 'must be a date written YYYY-MM-DD'],
    ['2026-13-01', 'is not a real calendar date'],
  ])('rejects updated = %s', (updated, message) => {
    const result = articleFrontmatterSchema.safeParse({ ...minimal, updated });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('rejects related ids that are not <category-id>/<slug>', () => {
    const result = articleFrontmatterSchema.safeParse({ ...minimal, related: ['ko/shipping/track-order'] });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['related', 0],
      message: 'must be written <category-id>/<slug>',
    });
  });
});

describe('site schema', () => {
  it('refuses a default locale the site does not enable', () => {
    const site = {
      name: { ko: '도움말', en: 'Help' },
      defaultLocale: 'ko',
      locales: ['en'],
      support: { contactUrl: 'https://x.example/' },
    };
    expect(siteSchema.safeParse(site).error?.issues[0]).toMatchObject({
      path: ['defaultLocale'],
      message: 'must be one of locales',
    });
  });

  it('takes an IANA time zone, Asia/Seoul unless named, and refuses one the runtime does not know', () => {
    const site = { name: { ko: '도움말', en: 'Help' }, support: { contactUrl: 'https://x.example/' } };
    expect(siteSchema.parse(site).timeZone).toBe('Asia/Seoul');
    expect(siteSchema.parse({ ...site, timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
    expect(siteSchema.safeParse({ ...site, timeZone: 'KST' }).error?.issues[0]).toMatchObject({
      path: ['timeZone'],
      message: 'must be an IANA time zone name such as Asia/Seoul',
    });
  });
});
