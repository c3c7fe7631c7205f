import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_BUDGET_BYTES, widgetDevMiddleware } from '../../src/build/integration/widget.ts';

const out = mkdtempSync(join(tmpdir(), 'helploop-widget-'));
mkdirSync(join(out, 'widget'));
writeFileSync(join(out, 'widget', 'ko.json'), JSON.stringify({ locale: 'ko', contexts: [] }));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the widget bundle', () => {
  it('is built as widget.js and widget/panel.js, with the search engine split off, and prints its size', async () => {
    const lines: string[] = [];
    await buildWidget(pathToFileURL(`${out}/`), { info: (line: string) => lines.push(line) });
    expect(existsSync(join(out, 'widget.js'))).toBe(true);
    expect(existsSync(join(out, 'widget', 'panel.js'))).toBe(true);
    expect(lines).toEqual([
      expect.stringMatching(
        /^widget: [\d.]+ KB widget\.js \+ [\d.]+ KB panel \+ [\d.]+ KB data = [\d.]+ KB gzipped before search \(budget 15\.0 KB\)$/,
      ),
    ]);
    expect(WIDGET_BUDGET_BYTES).toBe(15 * 1024);
  });

  it('fails the build when what loads before search is over budget', async () => {
    await expect(buildWidget(pathToFileURL(`${out}/`), { info: () => {} }, 2048)).rejects.toThrow(
      /gzipped before search \(budget 2\.0 KB\): over budget/,
    );
  });

  it('is served by astro dev from memory: widget.js, then the panel it imports, and nothing else', async () => {
    const serve = widgetDevMiddleware();
    const request = (url: string) =>
      new Promise<{ type?: string; body?: string; next?: true }>((done) => {
        const headers: Record<string, string> = {};
        const response = {
          setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
          end: (body: string) => done({ type: headers['content-type'], body }),
        };
        serve({ url } as never, response as never, () => done({ next: true }));
      });
    const loader = await request('/widget.js?v=1');
    expect(loader.type).toBe('text/javascript; charset=utf-8');
    expect(loader.body).toContain('widget/panel.js');
    expect((await request('/widget/panel.js')).body).toContain('api/widget-events');
    expect(await request('/widget/ko.json')).toEqual({ next: true });
    expect(await request('/ko/')).toEqual({ next: true });
  });
});
