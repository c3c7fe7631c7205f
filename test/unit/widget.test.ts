import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/build/content/validate.ts';
import { prefillContactUrl, prefillMailto } from '../../src/shared/contact-link.ts';
import { matchContext, patternMatches } from '../../src/browser/widget/match.ts';
import { orderSuggestions } from '../../src/browser/widget/order.ts';

const contexts = [
  { key: 'cart', patterns: ['/cart', '/cart/*'] },
  { key: 'checkout', patterns: ['/checkout', '/checkout/*'] },
  { key: 'payment', patterns: ['/checkout/payment', '/checkout/payment/*', '/payment/*'] },
  { key: 'order-status', patterns: ['/orders', '/orders/*', '/mypage/orders/*'] },
];

describe('URL patterns', () => {
  it('matches paths exactly or with * over any run of characters, ignoring a trailing slash', () => {
    expect(patternMatches('/cart', '/cart')).toBe(true);
    expect(patternMatches('/cart', '/cart/')).toBe(true);
    expect(patternMatches('/cart/', '/cart')).toBe(true);
    expect(patternMatches('/cart', '/cartoon')).toBe(false);
    expect(patternMatches('/orders/*', '/orders/2026/42')).toBe(true);
    expect(patternMatches('/orders/*', '/orders')).toBe(false);
    expect(patternMatches('/p/*/reviews', '/p/123/reviews')).toBe(true);
    expect(patternMatches('/p/*/reviews', '/p/123/qna')).toBe(false);
  });

  it('treats regular-expression characters in patterns literally', () => {
    expect(patternMatches('/a.b', '/a.b')).toBe(true);
    expect(patternMatches('/a.b', '/axb')).toBe(false);
    expect(patternMatches('/(x)', '/(x)')).toBe(true);
  });
});

describe('a page’s context', () => {
  it('is the context whose most specific pattern matches', () => {
    expect(matchContext('/cart/', contexts)).toBe('cart');
    expect(matchContext('/checkout/', contexts)).toBe('checkout');
    expect(matchContext('/checkout/address', contexts)).toBe('checkout');
    // Both `/checkout/*` and `/checkout/payment` match: the exact, longer one wins.
    expect(matchContext('/checkout/payment/', contexts)).toBe('payment');
    expect(matchContext('/checkout/payment/retry', contexts)).toBe('payment');
    expect(matchContext('/mypage/orders/42', contexts)).toBe('order-status');
    expect(matchContext('/about', contexts)).toBeUndefined();
  });

  it('is found under a shop that lives below a path prefix, and never outside it', () => {
    expect(matchContext('/demo/shop/checkout/payment/', contexts, '/demo/shop')).toBe('payment');
    expect(matchContext('/demo/shop/cart', contexts, '/demo/shop/')).toBe('cart');
    expect(matchContext('/demo/shopping/cart', contexts, '/demo/shop')).toBeUndefined();
    expect(matchContext('/cart', contexts, '/demo/shop')).toBeUndefined();
  });

  it('matches the sample content’s own contexts.yaml', () => {
    const { contexts: sample } = validateContent('content');
    const list = Object.entries(sample!).map(([key, { patterns }]) => ({ key, patterns }));
    expect(matchContext('/returns/new', list)).toBe('returns');
    expect(matchContext('/checkout/payment', list)).toBe('payment');
  });
});

describe('the order of a context’s articles', () => {
  const article = (id: string, title: string, order?: number) => ({
    id,
    title,
    description: '',
    url: `/${id}/`,
    ...(order !== undefined && { order }),
  });
  const a = article('ko/x/a', '가', 2);
  const b = article('ko/x/b', '나', 1);
  const c = article('ko/x/c', '다');
  const d = article('ko/x/d', '라');

  it('puts the editor’s order first, articles without one after, then title', () => {
    expect(orderSuggestions([d, c, a, b]).map((s) => s.id)).toEqual(['ko/x/b', 'ko/x/a', 'ko/x/c', 'ko/x/d']);
  });

  it('lets readers’ helpfulness decide only among articles the editor ranked alike', () => {
    const helpfulness = { 'ko/x/d': 0.8, 'ko/x/c': 0.1, 'ko/x/a': 0.99 };
    expect(orderSuggestions([a, b, c, d], helpfulness).map((s) => s.id)).toEqual([
      'ko/x/b',
      'ko/x/a',
      'ko/x/d',
      'ko/x/c',
    ]);
  });

  it('does not change the list it is given', () => {
    const list = [d, c, b, a];
    orderSuggestions(list);
    expect(list.map((s) => s.id)).toEqual(['ko/x/d', 'ko/x/c', 'ko/x/b', 'ko/x/a']);
  });
});

describe('the support hand-off', () => {
  it('fills {subject} and {page} URL-encoded, and empties them when unknown', () => {
    const template = 'https://shop.example/contact?subject={subject}&from={page}';
    expect(prefillContactUrl(template, { subject: '환불 기간 & 방법', page: 'https://help.example/ko/?q=1' })).toBe(
      'https://shop.example/contact?subject=%ED%99%98%EB%B6%88%20%EA%B8%B0%EA%B0%84%20%26%20%EB%B0%A9%EB%B2%95&from=https%3A%2F%2Fhelp.example%2Fko%2F%3Fq%3D1',
    );
    expect(prefillContactUrl(template, {})).toBe('https://shop.example/contact?subject=&from=');
    expect(prefillContactUrl('https://shop.example/chat', { subject: 'x' })).toBe('https://shop.example/chat');
  });

  it('gives an e-mail link a subject and the page in its body', () => {
    expect(prefillMailto('help@shop.example', { subject: '배송 조회', page: 'https://help.example/a/' })).toBe(
      'mailto:help@shop.example?subject=%EB%B0%B0%EC%86%A1%20%EC%A1%B0%ED%9A%8C&body=https%3A%2F%2Fhelp.example%2Fa%2F',
    );
    expect(prefillMailto('help@shop.example', {})).toBe('mailto:help@shop.example');
  });
});
