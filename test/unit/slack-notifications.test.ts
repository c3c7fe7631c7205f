import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/shared/locales.ts';
import { composeMessage } from '../../server/notify/messages.ts';
import type { Destination, Notification } from '../../server/notify/notification.ts';
import { renderSlackMessage, type SlackMessage } from '../../server/notify/render/slack-message.ts';
import { createSlackTransport } from '../../server/notify/transports/slack.ts';
import { blockKitProblems, textsOf } from '../helpers/block-kit.ts';
import { startHttpReceiver } from '../helpers/http-receiver.ts';
import { BASE_URL, sampleData, sampleNotification } from '../helpers/sample-notifications.ts';

const types = Object.keys(sampleData) as Notification['type'][];
const render = (notification: Notification, locale: 'ko' | 'en' = 'ko') =>
  renderSlackMessage(composeMessage(notification, locale, { baseUrl: BASE_URL }));
const withComments = (...comments: string[]) =>
  sampleNotification('feedback.comments', {
    ...sampleData['feedback.comments'],
    comments: comments.map((comment) => ({ comment, reason: 'other', at: '2025-03-10T05:11:00Z' })),
  });
const button = (message: SlackMessage) => {
  const actions = message.blocks.at(-1);
  if (actions?.type !== 'actions') throw new Error('The last block is not the button');
  return actions.elements[0]!;
};
const HOSTILE = '<!channel> <https://evil.example|click> <@U024BE7LH> & <#C123>';

describe('Slack messages', () => {
  it.each(types.flatMap((type) => locales.map((locale) => [type, locale] as const)))(
    'render %s in %s as a Block Kit message with a header and a button to its absolute staff page',
    (type, locale) => {
      const message = render(sampleNotification(type), locale);
      expect(blockKitProblems(message)).toEqual([]);
      expect(message.blocks[0]?.type).toBe('header');
      expect(button(message).url).toMatch(new RegExp(`^${BASE_URL}/staff/`));
    },
  );

  it('are in the destination’s language', () => {
    expect(render(sampleNotification('digest.weekly'), 'ko').blocks[0]).toMatchObject({
      text: { text: '주간 요약: 3월 3일~9일' },
    });
    expect(render(sampleNotification('digest.weekly'), 'en').blocks[0]).toMatchObject({
      // Intl sets thin spaces around the range's dash.
      text: { text: expect.stringMatching(/^Weekly summary: March 3\s–\s9$/) },
    });
  });

  it('give the digest’s changes against last week and the fixes’ before and after', () => {
    const texts = textsOf(render(sampleNotification('digest.weekly'), 'en')).join('\n');
    expect(texts).toContain('Unhelpful 83% (↑33 pts, last week 50%) · 23 votes');
    expect(texts).toContain('7 visitors (↑5, last week 2)');
    expect(texts).toContain('4 visitors (↓2, last week 6)');
    expect(texts).toContain('Worked: helpful for 2 of 9 → 7 of 10');
    expect(texts).toContain('30 ± 10.8 (n = 200), ↑18 ± 16.1 from 12 last week');
    expect(texts).toContain('62% ± 5 pts (n = 412), ↑7 pts ± 8 pts from 55% last week, within the margin of error');
    expect(texts).toContain('no answers');
    expect(texts).toContain(`*<${BASE_URL}/staff/failed-searches/?q=`);
  });

  it('name the week’s top themes with their mentions and change, and no themes heading when there are none', () => {
    const texts = textsOf(render(sampleNotification('digest.weekly'), 'ko')).join('\n');
    expect(texts).toContain('*독자들이 말하는 것*');
    expect(texts).toContain(`*<${BASE_URL}/staff/themes/?days=7|환불 · 입금 · 언제>*\n언급 48건 (+33%, 지난주 36건)`);
    expect(texts).toContain(`*<${BASE_URL}/staff/themes/?days=7|Agent &amp; callback>*\n언급 17건 (-15%, 지난주 20건)`);
    expect(texts).toContain('언급 9건 (새 주제)');
    const english = textsOf(render(sampleNotification('digest.weekly'), 'en')).join('\n');
    expect(english).toContain('*What readers are saying*');
    expect(english).toContain('48 mentions (+33%, last week 36)');
    expect(english).toContain('9 mentions (new)');

    const none = sampleNotification('digest.weekly', { ...sampleData['digest.weekly'], themes: [] });
    for (const locale of locales) {
      const quiet = textsOf(render(none, locale)).join('\n');
      expect(quiet).not.toContain(locale === 'ko' ? '독자들이 말하는 것' : 'What readers are saying');
      expect(quiet).not.toContain('/staff/themes/');
    }
  });

  it('escape & < > in what readers and editors wrote, so a comment can neither link nor mention', () => {
    const message = render(withComments(HOSTILE));
    const texts = textsOf(message);
    expect(texts.join('\n')).toContain(
      '&lt;!channel&gt; &lt;https://evil.example|click&gt; &lt;@U024BE7LH&gt; &amp; &lt;#C123&gt;',
    );
    for (const text of texts) {
      // Every control sequence left is one of ours: a link to the help center.
      expect(text.match(/<[^>]*>/g) ?? []).toEqual(
        (text.match(/<[^>]*>/g) ?? []).filter((link) => link.startsWith(`<${BASE_URL}/`)),
      );
      expect(text.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/&/);
    }
    const titled = render(sampleNotification('digest.weekly'));
    expect(textsOf(titled).join('\n')).toContain('쿠폰 &amp; 적립금 함께 쓰기');
  });

  it('cut a long title, a long comment and many comments to Block Kit’s limits, with an ellipsis', () => {
    const long = sampleNotification('feedback.comments', {
      ...sampleData['feedback.comments'],
      article: { ...sampleData['feedback.comments'].article, title: '배송'.repeat(200) },
      comments: [{ comment: '&<>'.repeat(1000), reason: null, at: '2025-03-10T05:11:00Z' }],
    });
    const message = render(long);
    expect(blockKitProblems(message)).toEqual([]);
    const [header, , comment] = message.blocks;
    expect(header).toMatchObject({ type: 'header', text: { text: expect.stringMatching(/…$/) } });
    expect(comment).toMatchObject({ type: 'section', text: { text: expect.stringMatching(/(&amp;|&lt;|&gt;)…$/) } });

    const many = render(withComments(...Array.from({ length: 120 }, (_, i) => `의견 ${i + 1}`)));
    expect(blockKitProblems(many)).toEqual([]);
    expect(many.blocks).toHaveLength(50);
    const shown = many.blocks.filter((block) => block.type === 'section' && block.text.text.includes('> 의견')).length;
    expect(many.blocks.at(-2)).toMatchObject({
      text: { text: `_나머지 ${120 - shown}개는 스태프 페이지에서 볼 수 있어요._` },
    });
  });

  it('keep the button when the staff address is longer than a button takes', () => {
    const message = render(
      sampleNotification('test', { destination: 'Slack', staffUrl: `/staff/notifications/?q=${'x'.repeat(3100)}` }),
    );
    expect(blockKitProblems(message)).toEqual([]);
    expect(button(message).url).toBe(`${BASE_URL}/staff/`);
  });
});

describe('the Slack transport', () => {
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  beforeAll(async () => {
    receiver = await startHttpReceiver();
  });
  afterAll(() => receiver.close());

  const destination = (target: string): Destination => ({
    id: 1,
    kind: 'slack',
    name: 'Payments',
    target,
    secret: null,
    locale: 'en',
    categories: [],
    locales: [],
    types: [],
    enabled: true,
  });
  const transport = createSlackTransport({
    baseUrl: BASE_URL,
    allowPrivate: true,
    clock: () => new Date('2015-10-21T07:27:00Z'),
  });
  const deliver = (target = receiver.url) =>
    transport(destination(target), { id: 'msg_1', notification: withComments(HOSTILE), attempt: 1 });

  it('POSTs the message as JSON to the webhook, in the destination’s language', async () => {
    receiver.answerWith({ status: 200, body: 'ok' });
    const before = receiver.received.length;
    expect(await deliver()).toEqual({ ok: true, status: 200 });
    const request = receiver.received[before]!;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body) as SlackMessage;
    expect(blockKitProblems(payload)).toEqual([]);
    expect(payload.text).toMatch(/^1 new comment on “배송 조회하는 방법”/);
    expect(JSON.stringify(payload)).not.toContain('<!channel>');
  });

  it.each([
    [
      { status: 410, body: 'channel_is_archived' },
      { ok: false, status: 410, gone: true },
    ],
    [
      { status: 404, body: 'no_service' },
      { ok: false, status: 404, gone: true },
    ],
    [
      { status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' },
      { ok: false, status: 429, retryAfterSeconds: 30 },
    ],
    [
      { status: 500, body: 'oops' },
      { ok: false, status: 500 },
    ],
  ])('turns Slack’s answer %j into %j', async (answer, result) => {
    receiver.answerWith(answer);
    const delivered = await deliver();
    expect(delivered).toMatchObject(result);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    receiver.answerWith({ status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, body: '' });
    expect(await deliver()).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 60 });
  });

  it('refuses a private address unless private targets are allowed', async () => {
    const guarded = createSlackTransport({ baseUrl: BASE_URL, allowPrivate: false, clock: () => new Date() });
    const before = receiver.received.length;
    const delivered = await guarded(destination(receiver.url), {
      id: 'msg_2',
      notification: withComments(HOSTILE),
      attempt: 1,
    });
    expect(delivered.ok).toBe(false);
    expect(receiver.received.length).toBe(before);
  });

  it('answers a failure it can retry when nothing listens', async () => {
    const closed = await startHttpReceiver();
    await closed.close();
    const delivered = await deliver(closed.url);
    expect(delivered).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(delivered.gone).toBeUndefined();
  });
});
