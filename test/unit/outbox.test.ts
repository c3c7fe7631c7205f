import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const stored = new Map<string, string>();
let answer: () => Promise<Response>;

beforeEach(() => {
  stored.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  });
  vi.stubGlobal('addEventListener', () => {});
  vi.stubGlobal('fetch', () => answer());
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const queued = () => JSON.parse(stored.get('helploop:outbox') ?? '[]') as unknown[];

describe('the browser outbox', () => {
  it('keeps an event the server could not store for now (503 with Retry-After) and drops it once stored', async () => {
    const { enqueue, flush } = await import('../../src/browser/outbox.ts');
    answer = async () =>
      new Response(JSON.stringify({ error: { code: 'storage_unavailable', message: '…' } }), {
        status: 503,
        headers: { 'Retry-After': '5' },
      });
    await enqueue('/api/votes', { articleId: 'ko/a/b', helpful: true });
    expect(queued()).toHaveLength(1);
    answer = async () => new Response('{"status":"stored"}', { status: 201 });
    await flush();
    expect(queued()).toHaveLength(0);
  });

  it('drops an event the server refused for good', async () => {
    const { enqueue } = await import('../../src/browser/outbox.ts');
    answer = async () => new Response('{}', { status: 404 });
    await enqueue('/api/votes', { articleId: 'ko/gone/article', helpful: true });
    expect(queued()).toHaveLength(0);
  });
});
