import { defineMdastPlugin } from 'satteri';

/**
 * Keeps a single `~` as text. GFM also strikes through `~one tilde~`, but Korean writes ranges with it
 * (`1~2영업일`, `09:00~18:00`): two ranges in a sentence turned the words between them into `<del>`. Sätteri has
 * no switch for this (remark-gfm's `singleTilde: false`), so a strikethrough whose source opens with one tilde is
 * put back as the text it was; `~~two~~` still strikes through, unless it starts inside such a pair and ends after
 * it (`1~2 ~~3~4~~`), where both stay text: the parser has paired the tildes before any plugin runs.
 */
export const singleTildeIsText = defineMdastPlugin({
  name: 'helploop-single-tilde-is-text',
  options: { position: true },
  delete(node, ctx) {
    const start = node.position?.start.offset;
    if (start === undefined || ctx.source.startsWith('~~', start)) return;
    ctx.replaceNode(node, [{ type: 'text', value: '~' }, ...node.children, { type: 'text', value: '~' }]);
  },
});
