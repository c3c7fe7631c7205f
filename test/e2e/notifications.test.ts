import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/e2e.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';

// The receiver is on 127.0.0.1, which the SSRF guard refuses unless told otherwise.
const site = useSiteInBrowser({ HELPLOOP_ALLOW_PRIVATE_WEBHOOKS: '1', HELPLOOP_NOTIFY_BATCH_SECONDS: '2' });
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
let receiver: Receiver;
let page: Page;

function addAccount(email: string, role: string) {
  const output = execFileSync(process.execPath, [resolve('scripts/staff.ts'), 'add', email, '--role', role], {
    env: { ...process.env, HELPLOOP_DATABASE: join(site.server.dataDir, 'helploop.db') },
    encoding: 'utf8',
  });
  return /Generated password \(shown once\): (\S+)/.exec(output)![1];
}

async function logIn(page: Page, email: string, password: string, path: string) {
  await page.goto(`${site.server.url}${path}`);
  await page.waitForURL('**/staff/login/**');
  await page.getByLabel(/이메일/).fill(email);
  await page.getByLabel(/비밀번호/).fill(password);
  await page.getByRole('button', { name: /로그인/ }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const events = (type: string) =>
  receiver.received.filter((received) => received.verified && JSON.parse(received.body).type === type);

beforeAll(async () => {
  receiver = await startReceiver(SECRET);
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});
afterAll(() => receiver?.close());

describe('notifications, from the admin page to a signed webhook', () => {
  it('keeps destinations to admins: support sees no menu link and the page says so', async () => {
    const support = await site.browser.newPage();
    await logIn(support, 'agent@maru.example', addAccount('agent@maru.example', 'support'), '/staff/notifications/');
    await support.locator('#notify-destinations li').waitFor();
    expect(await support.locator('#notify-destinations').textContent()).toBe('알림은 관리자만 관리할 수 있어요.');
    expect(await support.getByRole('link', { name: '알림' }).isVisible()).toBe(false);
    await support.close();
  });

  it('adds a webhook, sends it a test, and shows the delivery in its log', async () => {
    await logIn(page, 'lead@maru.example', addAccount('lead@maru.example', 'admin'), '/staff/notifications/');
    // The menu shows the link once the page knows an admin is signed in.
    await page.getByRole('link', { name: '알림' }).waitFor();
    const form = page.locator('#notify-add form');
    await form.getByLabel('이름').fill('물류팀 웹훅');
    await form.getByLabel('웹훅 URL').fill(receiver.url);
    await form.getByLabel('서명 비밀키 (whsec_…)').fill(SECRET);
    await form.getByRole('button', { name: '추가' }).click();
    const card = page.locator('#notify-destinations li', { hasText: '물류팀 웹훅' });
    await card.waitFor();
    // The page never holds the secret once stored.
    expect(await page.content()).not.toContain(SECRET);

    await card.getByRole('button', { name: '테스트 보내기' }).click();
    await expect.poll(() => events('test').length, { timeout: 20_000 }).toBe(1);
    expect(JSON.parse(events('test')[0]!.body).data.destination).toBe('물류팀 웹훅');

    await card.locator('summary', { hasText: '전송 기록' }).click();
    await expect.poll(() => card.locator('.staff-log').textContent()).toContain('전송됨');
  });

  it('tells the team within the batch window when a reader says No with a comment', async () => {
    const reader = await site.browser.newPage();
    await reader.goto(`${site.server.url}/ko/shipping/delivery-time/`);
    await reader.getByRole('button', { name: '아니요' }).first().click();
    await reader.getByLabel('틀리거나 오래된 내용이에요').check();
    await reader.getByLabel(/더 알려주실 내용/).fill('주말 배송 안내가 없어요. 010-1234-5678로 연락 주세요');
    await reader.getByRole('button', { name: '보내기' }).click();
    await reader.locator('#feedback-thanks-no').waitFor();
    await reader.close();

    await expect.poll(() => events('feedback.comments').length, { timeout: 30_000 }).toBe(1);
    const { data } = JSON.parse(events('feedback.comments')[0]!.body);
    expect(data.article).toMatchObject({ id: 'ko/shipping/delivery-time', title: '주문하면 언제 받을 수 있나요?' });
    // The comment as stored: masked, and nothing about the reader.
    expect(data.comments).toEqual([
      expect.objectContaining({ comment: '주말 배송 안내가 없어요. [phone]로 연락 주세요' }),
    ]);
    expect(JSON.stringify(data)).not.toMatch(/visitor|127\.0\.0\.1|010-1234/);
  });
});
