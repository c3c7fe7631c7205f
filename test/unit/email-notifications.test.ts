import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { locales, type Locale } from '../../src/shared/locales.ts';
import type { Destination, Notification } from '../../server/notify/notification.ts';
import { createEmailTransport } from '../../server/notify/transports/email.ts';
import { BASE_URL, sampleData, sampleNotification } from '../helpers/sample-notifications.ts';
import { startSmtpReceiver } from '../helpers/smtp-receiver.ts';

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(() => smtp.close());

const destination = (locale: Locale): Destination => ({
  id: 7,
  kind: 'email',
  name: 'Support team',
  target: 'support@shop.example, lead@shop.example',
  secret: null,
  locale,
  categories: [],
  locales: [],
  types: [],
  enabled: true,
});
const send = async (notification: Notification, locale: Locale, smtpUrl = smtp.url) => {
  const transport = createEmailTransport({ smtpUrl, from: 'Helploop <helploop@shop.example>', baseUrl: BASE_URL });
  const before = smtp.received.length;
  const result = await transport(destination(locale), { id: 'msg_01', notification, attempt: 1 });
  return { result, arrived: smtp.received.slice(before) };
};
const received = async (notification: Notification, locale: Locale) => {
  const { result, arrived } = await send(notification, locale);
  expect(result).toEqual({ ok: true });
  expect(arrived).toHaveLength(1);
  const { mail, recipients } = arrived[0]!;
  if (typeof mail.html !== 'string' || !mail.text) throw new Error('The e-mail lacks a text or an HTML part');
  return { mail, recipients, text: mail.text, html: mail.html, page: parse(mail.html) };
};
const hrefs = (page: ReturnType<typeof parse>) => page.querySelectorAll('a').map((a) => a.getAttribute('href'));

describe('notification e-mails, as an SMTP server receives them', () => {
  it.each(locales)(
    'the weekly digest in %s: subject, language, every link absolute to a staff page',
    async (locale) => {
      const { mail, recipients, text, html, page } = await received(sampleNotification('digest.weekly'), locale);
      expect(recipients).toEqual(['support@shop.example', 'lead@shop.example']);
      expect(mail.from?.value).toEqual([{ name: 'Helploop', address: 'helploop@shop.example' }]);
      expect(mail.messageId).toBe('<msg_01@helploop>');
      expect(mail.subject).toMatch(locale === 'ko' ? /^주간 요약: 3월 3일~9일$/ : /^Weekly summary: March 3\s–\s9$/);
      expect(mail.headers.get('content-language')).toBe(locale);
      expect(page.querySelector('html')?.getAttribute('lang')).toBe(locale);
      const links = hrefs(page);
      // Three unhelpful articles, two searches, one synonym, two fixes, three surveys, three themes and the button.
      expect(links).toHaveLength(15);
      for (const href of links) expect(href).toMatch(new RegExp(`^${BASE_URL}/staff/`));
      expect(links).toContain(`${BASE_URL}/staff/unhelpful/?article=ko%2Freturns%2Frefund-timing`);
      const words =
        locale === 'ko'
          ? [
              '도움 안 됨 83% (↑33%p, 지난주 50%) · 투표 23개',
              '방문자 7명 (↑5, 지난주 2명)',
              '효과가 있었어요: 도움됨 9명 중 2명 → 10명 중 7명',
              '62% ± 5%p (응답 412개), 지난주 55%에서 ↑7%p (± 8%p), 오차 범위 안의 변화예요',
              '30 ± 10.8 (응답 200개), 지난주 12에서 ↑18 (± 16.1)',
              '독자들이 말하는 것',
              '환불 · 입금 · 언제',
              '언급 48건 (+33%, 지난주 36건)',
              '언급 17건 (-15%, 지난주 20건)',
              '언급 9건 (새 주제)',
            ]
          : [
              'Unhelpful 83% (↑33 pts, last week 50%) · 23 votes',
              '7 visitors (↑5, last week 2)',
              'Worked: helpful for 2 of 9 → 7 of 10',
              '62% ± 5 pts (n = 412), ↑7 pts ± 8 pts from 55% last week, within the margin of error',
              '30 ± 10.8 (n = 200), ↑18 ± 16.1 from 12 last week',
              'What readers are saying',
              '환불 · 입금 · 언제',
              '48 mentions (+33%, last week 36)',
              '17 mentions (-15%, last week 20)',
              '9 mentions (new)',
            ];
      for (const line of words) {
        expect(text).toContain(line);
        expect(page.textContent).toContain(line);
      }
      expect(text).toContain(`${BASE_URL}/staff/failed-searches/?q=`);
      expect(links).toContain(`${BASE_URL}/staff/themes/?days=7`);
      expect(html).toContain('쿠폰 &amp; 적립금 함께 쓰기');
      expect(html).toContain('Agent &amp; callback');
    },
  );

  it.each(locales)('a weekly digest in %s without themes says nothing of themes', async (locale) => {
    const notification = sampleNotification('digest.weekly', { ...sampleData['digest.weekly'], themes: [] });
    const { text, page } = await received(notification, locale);
    for (const part of [text, page.textContent]) {
      expect(part).not.toContain(locale === 'ko' ? '독자들이 말하는 것' : 'What readers are saying');
      expect(part).not.toMatch(locale === 'ko' ? /언급 \d/ : /mentions? \(/);
    }
    expect(hrefs(page).filter((href) => href?.includes('/staff/themes/'))).toEqual([]);
  });

  it.each(locales)('a batch of comments in %s keeps the masked personal data masked, in both parts', async (locale) => {
    const { mail, text, page } = await received(sampleNotification('feedback.comments'), locale);
    expect(mail.subject).toBe(
      locale === 'ko' ? '‘배송 조회하는 방법’ 글에 새 의견 3개' : '3 new comments on “배송 조회하는 방법”',
    );
    expect(page.querySelector('html')?.getAttribute('lang')).toBe(locale);
    for (const part of [text, page.textContent]) {
      expect(part).toContain('연락처 [phone]로 연락 주세요');
      expect(part).toContain('메일 [email]로 답 주세요');
      expect(part).toContain(locale === 'ko' ? '따라 했는데 해결되지 않았어요' : 'I followed it and it did not work');
    }
    for (const href of hrefs(page)) {
      expect(href).toBe(`${BASE_URL}/staff/unhelpful/?article=ko%2Fshipping%2Ftrack-order`);
    }
  });

  it.each(locales)('low survey scores in %s: the survey, each score with its article or context', async (locale) => {
    const { mail, text, html, page } = await received(sampleNotification('survey.comments'), locale);
    expect(mail.subject).toBe(
      locale === 'ko' ? 'NPS 설문에 낮은 점수와 함께 새 의견 2개' : '2 new low scores with comments on the NPS survey',
    );
    for (const part of [text, page.textContent]) {
      expect(part).toContain('환불 문의를 세 번 했는데 답이 없어요. [email]');
      expect(part).toContain(locale === 'ko' ? '2점 · 환불은 언제 되나요?' : 'Score 2 · 환불은 언제 되나요?');
      expect(part).toContain(locale === 'ko' ? '5점 · checkout' : 'Score 5 · checkout');
    }
    expect(html).toContain('도움말 찾기가 &lt;어려워요&gt;');
    expect(hrefs(page)).toEqual([
      `${BASE_URL}/staff/unhelpful/?article=ko%2Freturns%2Frefund-timing`,
      `${BASE_URL}/staff/`,
      `${BASE_URL}/staff/`,
    ]);
  });

  it('escapes what readers wrote in the HTML part', async () => {
    const comment = '<script>alert(1)</script> <a href="https://evil.example">click</a>';
    const { html, page } = await received(
      sampleNotification('feedback.comments', {
        ...sampleData['feedback.comments'],
        comments: [{ comment, reason: null, at: '2025-03-10T05:11:00Z' }],
      }),
      'en',
    );
    expect(html).not.toContain('<script');
    expect(page.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain('https://evil.example');
    expect(page.querySelector('blockquote')?.textContent).toBe(comment);
  });

  it.each(Object.keys(sampleData) as Notification['type'][])(
    '%s arrives in both languages with both parts',
    async (type) => {
      for (const locale of locales) {
        const { mail, text } = await received(sampleNotification(type), locale);
        expect(mail.subject).toBeTruthy();
        expect(text).toContain(`${BASE_URL}/staff/`);
      }
    },
  );
});

describe('the e-mail transport’s failures', () => {
  it.each([451, 550])('answers SMTP reply %i as a failed delivery with its code', async (code) => {
    smtp.refuse(code);
    try {
      const { result, arrived } = await send(sampleNotification('test'), 'ko');
      expect(result).toMatchObject({ ok: false, status: code });
      expect(arrived).toEqual([]);
    } finally {
      smtp.refuse(null);
    }
  });

  it('answers a failed connection as a failed delivery without a code', async () => {
    const closed = await startSmtpReceiver();
    await closed.close();
    const { result } = await send(sampleNotification('test'), 'ko', closed.url);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect(result.status).toBeUndefined();
  });

  it('answers a wrong login as a failed delivery', async () => {
    const { result } = await send(sampleNotification('test'), 'ko', smtp.url.replace(':secret@', ':wrong@'));
    expect(result).toMatchObject({ ok: false, status: 535 });
  });
});
