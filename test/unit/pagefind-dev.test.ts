import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindDevMiddleware } from '../../src/build/integration/pagefind-dev.ts';

const built = mkdtempSync(join(tmpdir(), 'helploop-pagefind-dev-'));
const neverBuilt = mkdtempSync(join(tmpdir(), 'helploop-pagefind-dev-'));
mkdirSync(join(built, 'pagefind', 'fragment'), { recursive: true });
writeFileSync(join(built, 'pagefind', 'pagefind.js'), 'export const search = 1;');
writeFileSync(join(built, 'pagefind', 'pagefind-entry.json'), '{"version":"1"}');
// Pagefind's own files are gzipped already (they start with gzip's magic bytes) and must arrive byte for byte.
const fragment = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x7f]);
writeFileSync(join(built, 'pagefind', 'fragment', 'ko_1.pf_fragment'), fragment);
writeFileSync(join(built, 'secret.txt'), 'not part of the index');
afterAll(() => [built, neverBuilt].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const logger = () => {
  const lines: { level: 'info' | 'warn'; line: string }[] = [];
  return {
    lines,
    info: (line: string) => lines.push({ level: 'info', line }),
    warn: (line: string) => lines.push({ level: 'warn', line }),
  };
};

function request(serve: ReturnType<typeof pagefindDevMiddleware>, url: string) {
  return new Promise<{ type?: string; cache?: string; body?: Buffer; next?: true }>((done) => {
    const headers: Record<string, string> = {};
    const response = {
      setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
      end: (body: Buffer) => done({ type: headers['content-type'], cache: headers['cache-control'], body }),
    };
    serve({ url } as never, response as never, () => done({ next: true }));
  });
}

describe('astro dev serving the last build’s search index', () => {
  const serve = pagefindDevMiddleware(built, logger());

  it('serves /pagefind/ files from the build with their content types, unchanged and never cached', async () => {
    const script = await request(serve, '/pagefind/pagefind.js?locale=en');
    expect(script).toMatchObject({ type: 'text/javascript; charset=utf-8', cache: 'no-cache' });
    expect(script.body?.toString()).toBe('export const search = 1;');
    expect(await request(serve, '/pagefind/pagefind-entry.json?ts=1')).toMatchObject({
      type: 'application/json; charset=utf-8',
    });
    const binary = await request(serve, '/pagefind/fragment/ko_1.pf_fragment');
    expect(binary.type).toBe('application/octet-stream');
    expect(binary.body?.equals(fragment)).toBe(true);
  });

  it('leaves every other path, missing files and paths out of the index to the dev server', async () => {
    for (const url of [
      '/ko/',
      '/pagefind/missing.js',
      '/pagefind/fragment',
      '/pagefind/../secret.txt',
      '/pagefind-other/x.js',
    ]) {
      expect(await request(serve, url), url).toEqual({ next: true });
    }
  });

  it('says at start which index search uses, or that it needs one build first', () => {
    const withBuild = logger();
    pagefindDevMiddleware(built, withBuild);
    expect(withBuild.lines).toEqual([
      {
        level: 'info',
        line: expect.stringMatching(
          /^Search uses the last build's index \(.+pagefind\/, built .+\): run `npm run build` to find new or changed articles\.$/,
        ),
      },
    ]);

    const withoutBuild = logger();
    pagefindDevMiddleware(neverBuilt, withoutBuild);
    expect(withoutBuild.lines).toEqual([
      {
        level: 'warn',
        line: expect.stringMatching(
          /^Search has no index yet: run `npm run build` once\. The preview then searches the last build's index \(.+pagefind\/\)\.$/,
        ),
      },
    ]);
  });
});
