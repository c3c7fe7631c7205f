import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SCAFFOLD } from '../global-setup.ts';
import { htmlPages } from '../helpers/site-files.ts';

const contentDir = inject('scaffoldContentDir');
const siteDir = inject('scaffoldSiteDir');
const scaffold = join(contentDir, 'articles', `${SCAFFOLD.id}.mdx`);

describe('an article just made with npm run new', () => {
  it('passes npm run check, which says what is left before it can be published', () => {
    const run = spawnSync(process.execPath, ['scripts/check.ts'], {
      env: { ...process.env, HELPLOOP_CONTENT: contentDir },
      encoding: 'utf8',
    });
    expect(run.status, run.stdout).toBe(0);
    const own = run.stdout.split('\n').filter((line) => line.includes(SCAFFOLD.id.split('/')[2]));
    expect(own).toContain(
      `${relative(process.cwd(), scaffold)}:5: warning: draft: not published yet. Still to write: the text; a description that says in one sentence what the article answers (not the title). To publish, delete this line.`,
    );
    expect(own.filter((line) => !line.includes('warning:'))).toEqual([]);
  });

  it('is left out of the build: no page, no manifest entry, nothing to search', () => {
    expect(readFileSync(scaffold, 'utf8')).toContain('\ndraft: true\n');
    expect(existsSync(join(siteDir, SCAFFOLD.id))).toBe(false);
    const data = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));
    expect(data).toContain('articles.json');
    for (const file of data) expect(readFileSync(join(siteDir, file), 'utf8'), file).not.toContain(SCAFFOLD.id);
    for (const [url, file] of htmlPages(siteDir)) expect(readFileSync(file, 'utf8'), url).not.toContain(SCAFFOLD.title);
    // The rest of the fixture is built as usual.
    expect(existsSync(join(siteDir, 'ko/billing/update-card/index.html'))).toBe(true);
  });
});
