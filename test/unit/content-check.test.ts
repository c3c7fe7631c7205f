import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/content/check.ts';
import { formatProblem } from '../../src/build/content/problems.ts';

const fixture = 'test/fixtures/content-check';
const file = (path: string) => `${fixture}/articles/${path}`;
const lines = checkContent(fixture, '2026-11-22').map(formatProblem);

describe('npm run check', () => {
  it('reports a link to a page the help center does not have, and one to a heading it does not have', () => {
    expect(lines).toContain(
      `${file('en/guides/links.mdx')}:8: broken link: /en/guides/missing/ is not a page of this help center`,
    );
    expect(lines).toContain(
      `${file('en/guides/links.mdx')}:9: broken link: /en/guides/anchors/#third-step has no heading with the id "third-step"`,
    );
    expect(lines).toContain(
      `${file('en/guides/links.mdx')}:10: broken link: /en/nowhere/ is not a page of this help center`,
    );
    // Relative links, Korean heading ids, home, category and search pages, other sites and code blocks are fine.
    expect(lines.filter((line) => line.startsWith(file('en/guides/links.mdx')))).toHaveLength(3);
  });

  it('reports images without alt text in Markdown, HTML and <Figure>', () => {
    for (const line of [7, 9, 10]) {
      expect(lines).toContain(
        `${file('en/guides/images.mdx')}:${line}: image without alt text: describe what it shows for readers who cannot see it`,
      );
    }
  });

  it('checks nothing inside MDX comments, where npm run new writes its guide', () => {
    expect(lines.filter((line) => line.startsWith(file('en/guides/images.mdx')))).toHaveLength(4);
    expect(lines.filter((line) => line.includes('not-a-page'))).toEqual([]);
  });

  it('reports an image whose file is not in content/public', () => {
    expect(lines).toContain(`${file('en/guides/images.mdx')}:12: image /missing.png is not in content/public`);
    expect(lines.filter((line) => line.includes('is not in content/public'))).toHaveLength(1);
  });

  it('reports duplicate titles and slugs within a locale', () => {
    expect(lines).toContain(
      `${file('en/guides/dup-title.mdx')}:2: title: "Anchors" is also the title of en/guides/anchors`,
    );
    expect(lines).toContain(`${file('en/other/links.mdx')}:1: the slug "links" is also used by en/guides/links`);
  });

  it('warns of missing translations, stale articles, empty ones and descriptions that repeat the title', () => {
    expect(lines).toContain(`${file('en/guides/lonely.mdx')}:1: warning: no ko translation (ko/guides/lonely)`);
    expect(lines).toContain(
      `${file('en/guides/old.mdx')}:4: warning: updated: last updated 2025-01-01, more than 365 days ago: check it is still true, then update the date`,
    );
    expect(lines).toContain(`${file('en/guides/empty.mdx')}:6: warning: has no text yet`);
    // What npm run new starts from, until the editor writes a real one.
    expect(lines).toContain(
      `${file('en/guides/lonely.mdx')}:3: warning: description: is the same as the title: say in one sentence what the article answers`,
    );
  });

  it('says what is left before a draft can be published, instead of warning of each', () => {
    expect(lines.filter((line) => line.startsWith(file('en/guides/draft.mdx')))).toEqual([
      `${file('en/guides/draft.mdx')}:1: warning: no ko translation (ko/guides/draft)`,
      `${file('en/guides/draft.mdx')}:5: warning: draft: not published yet. Still to write: the text; a description that says in one sentence what the article answers (not the title). To publish, delete this line.`,
    ]);
  });

  it('reports nothing else', () => {
    expect(lines).toHaveLength(16);
  });

  it('exits 1 on errors, prints a summary, and gives the same problems as JSON with --json', () => {
    const env = { ...process.env, HELPLOOP_CONTENT: resolve(fixture) };
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('9 errors, 7 warnings');
    const json = spawnSync(process.execPath, ['scripts/check.ts', '--json'], { env, encoding: 'utf8' });
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toContainEqual({
      file: file('en/guides/links.mdx'),
      line: 8,
      message: 'broken link: /en/guides/missing/ is not a page of this help center',
      severity: 'error',
    });
    expect(JSON.parse(json.stdout)).toHaveLength(16);
  });

  it('passes the sample content with warnings only', () => {
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings$/m);
  });

  it('lists the warnings of the files git sees changed first, and only counts the others by kind', () => {
    const repo = mkdtempSync(join(tmpdir(), 'helploop-check-'));
    try {
      cpSync(fixture, repo, { recursive: true });
      const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
      git('init', '-q');
      git('add', '.');
      git('-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', 'commit', '-qm', 'content');
      appendFileSync(join(repo, 'articles/en/guides/lonely.mdx'), '\nOne more line.\n');
      const run = spawnSync(process.execPath, ['scripts/check.ts'], {
        env: { ...process.env, HELPLOOP_CONTENT: repo },
        encoding: 'utf8',
      });
      const out = run.stdout.trim().split('\n');
      // Errors first, every one of them, wherever it is.
      expect(out.slice(0, 9).every((line) => /:\d+: (?!warning)/.test(line))).toBe(true);
      expect(out.slice(9)).toEqual([
        'Warnings in files you changed (git status):',
        expect.stringMatching(/lonely\.mdx:1: warning: no ko translation \(ko\/guides\/lonely\)$/),
        expect.stringMatching(/lonely\.mdx:3: warning: description: is the same as the title/),
        '5 warnings in 4 files you did not change: no ko translation ×2, draft ×1, has no text yet ×1, updated ×1 (npm run check -- --all lists them)',
        '9 errors, 7 warnings',
      ]);
      const all = spawnSync(process.execPath, ['scripts/check.ts', '--all'], {
        env: { ...process.env, HELPLOOP_CONTENT: repo },
        encoding: 'utf8',
      });
      expect(all.stdout.trim().split('\n')).toHaveLength(17);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
