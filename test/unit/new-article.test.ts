import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/build/content/validate.ts';
import { createArticle, ScaffoldError } from '../../scripts/editor/scaffold.ts';
import { slugFromTitle } from '../../scripts/editor/slug.ts';
import { openSqlite } from '../../server/db/engine.ts';
import { createReportStorage } from '../../server/db/report-storage.ts';

const work = mkdtempSync(join(tmpdir(), 'helploop-new-'));
const contentDir = join(work, 'content');
cpSync('test/fixtures/content-basic', contentDir, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const base = { contentDir, today: '2026-11-22' };

describe('slugs from titles', () => {
  it('writes Korean in Revised Romanization and everything else as lowercase ASCII words', () => {
    expect(slugFromTitle('배송지를 변경하고 싶어요')).toBe('baesongjireul-byeongyeonghago-sipeoyo');
    expect(slugFromTitle('Café & Crème: résumé!')).toBe('cafe-creme-resume');
    expect(slugFromTitle('  Reset  your   password?? ')).toBe('reset-your-password');
  });

  it('cuts a long title at a word boundary, and gives nothing for a title with no letters to spell', () => {
    const slug = slugFromTitle(
      '정말 아주 아주 긴 제목으로 만들어진 도움말 글은 슬러그가 어떻게 잘리는지 확인하기 위한 제목입니다',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugFromTitle('…!?')).toBe('');
  });
});

describe('npm run new', () => {
  it('creates a valid draft with today’s date at its place in the content contract', () => {
    const created = createArticle({ ...base, locale: 'ko', category: 'billing', title: '배송지를 변경하고 싶어요' });
    expect(created).toMatchObject({
      id: 'ko/billing/baesongjireul-byeongyeonghago-sipeoyo',
      url: '/ko/billing/baesongjireul-byeongyeonghago-sipeoyo/',
    });
    const text = readFileSync(resolve(created.file), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: 배송지를 변경하고 싶어요\ndescription: 배송지를 변경하고 싶어요\nupdated: 2026-11-22\ndraft: true\n---\n/,
    );
    const { problems, articles } = validateContent(contentDir);
    expect(
      problems.filter((problem) => problem.file.endsWith(`${relative(contentDir, resolve(created.file))}`)),
    ).toEqual([]);
    expect(articles.map((a) => a.id)).toContain(created.id);
  });

  it('takes a slug of the editor’s own and puts a failed search into aliases', () => {
    const created = createArticle({
      ...base,
      locale: 'en',
      category: 'billing',
      title: 'Change the delivery address',
      slug: 'change-address',
      fromSearch: ' change adress ',
    });
    expect(created.id).toBe('en/billing/change-address');
    expect(validateContent(contentDir).articles.find((a) => a.id === created.id)?.frontmatter.aliases).toEqual([
      'change adress',
    ]);
  });

  it('refuses a slug the locale already has, in any category, and leaves that file alone', () => {
    const existing = join(contentDir, 'articles/en/billing/update-card.mdx');
    const before = readFileSync(existing, 'utf8');
    expect(() => createArticle({ ...base, locale: 'en', category: 'getting-started', title: 'Update card' })).toThrow(
      /articles\/en\/billing\/update-card\.mdx already uses the slug update-card: choose another with --slug/,
    );
    expect(readFileSync(existing, 'utf8')).toBe(before);
  });

  it('refuses an unknown locale or category, a bad slug, and a title with nothing to make a slug of', () => {
    const attempt = (fields: Partial<Parameters<typeof createArticle>[0]>) => () =>
      createArticle({ ...base, locale: 'en', category: 'billing', title: 'X', ...fields });
    expect(attempt({ locale: 'fr' })).toThrow(new ScaffoldError('--locale must be one of ko, en'));
    expect(attempt({ category: 'shipping' })).toThrow(
      new ScaffoldError('--category must be one of getting-started, billing'),
    );
    expect(attempt({ slug: 'Bad Slug' })).toThrow(
      new ScaffoldError('--slug must be lowercase letters, digits and single hyphens, like update-card'),
    );
    expect(attempt({ title: '?!' })).toThrow(new ScaffoldError('Cannot make a slug from “?!”: give one with --slug'));
  });

  it('from a failed search: prints the file and preview URL, and marks the query planned in the report', async () => {
    const databaseFile = join(work, 'helploop.db');
    await openSqlite(databaseFile).close();
    const run = spawnSync(
      process.execPath,
      [resolve('scripts/new.ts'), '--locale', 'ko', '--category', 'billing', '--from-search', '카드 바꾸기'],
      {
        env: { ...process.env, HELPLOOP_CONTENT: contentDir, HELPLOOP_DATABASE: databaseFile },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    const file = relative(process.cwd(), join(contentDir, 'articles/ko/billing/kadeu-bakkugi.mdx'));
    expect(run.stdout).toBe(
      `Created ${file}\nPreview: npm run dev, then open http://localhost:4321/ko/billing/kadeu-bakkugi/\nMarked “카드 바꾸기” as planned in the failed-searches report.\n`,
    );
    const engine = openSqlite(databaseFile);
    expect(await createReportStorage(engine).queryReviews()).toEqual(
      new Map([
        [
          'ko|카드바꾸기',
          {
            status: 'planned',
            note: `Article started: ${file}`,
            updatedBy: 'npm run new',
            updatedAt: expect.any(String),
          },
        ],
      ]),
    );
    await engine.close();
  });

  it('asks for the category when run without one and without a terminal, listing them with their names', () => {
    const run = spawnSync(process.execPath, [resolve('scripts/new.ts'), '--locale', 'en', 'Title'], {
      env: { ...process.env, HELPLOOP_CONTENT: contentDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Add --category: one of getting-started (Getting started), billing (Billing)');
  });
});
