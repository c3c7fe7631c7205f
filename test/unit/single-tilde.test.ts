import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { singleTildeIsText } from '../../src/build/integration/single-tilde.ts';

const html = (markdown: string) => markdownToHtml(markdown, { mdastPlugins: [singleTildeIsText] }).html.trim();

describe('tildes in articles', () => {
  it('keeps Korean ranges written with one tilde as text', () => {
    expect(html('출고 후 1~2영업일, **제주**는 2~4영업일 걸려요.')).toBe(
      '<p>출고 후 1~2영업일, <strong>제주</strong>는 2~4영업일 걸려요.</p>',
    );
    expect(html('평일 09:00~18:00, 점심(12:00~13:00) 제외')).toBe('<p>평일 09:00~18:00, 점심(12:00~13:00) 제외</p>');
  });

  it('still strikes through ~~two tildes~~, also between ranges', () => {
    expect(html('1~2일 ~~옛 안내~~ 3~4일')).toBe('<p>1~2일 <del>옛 안내</del> 3~4일</p>');
    expect(html('~~3일~~ 말고 4~5일')).toBe('<p><del>3일</del> 말고 4~5일</p>');
  });

  it('finds the tilde in the source after frontmatter and characters outside the BMP', () => {
    const source = '---\ntitle: 😀\n---\nimport X from "./x.js";\n\n😀 1~2영업일 {1 + 1} 2~4영업일 ~~옛 안내~~\n';
    const { code } = mdxToJs(source, { mdastPlugins: [singleTildeIsText] });
    // MDX compiles to JSX calls: one `del` for `~~옛 안내~~`, none around the ranges.
    expect(code.match(/_components\.del,/g)).toHaveLength(1);
    expect(code).toMatch(/_jsx\(_components\.del, \{ children: "옛 안내" \}\)/);
  });
});
