import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('the database the environment names', () => {
  it('is the SQLite file without a URL, or with an empty one', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ HELPLOOP_DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('is PostgreSQL with a postgres:// URL, and a clear error for anything else', () => {
    expect(loadConfig({ HELPLOOP_DATABASE_URL: 'postgres://app@db/helploop' }).databaseUrl).toBe(
      'postgres://app@db/helploop',
    );
    expect(() => loadConfig({ HELPLOOP_DATABASE_URL: 'mysql://db/helploop' })).toThrow(
      /HELPLOOP_DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });
});

describe('the e-mail settings', () => {
  it('reads the SMTP server and From, unset when empty, with a clear error for another scheme', () => {
    const config = loadConfig({ HELPLOOP_SMTP_URL: 'smtp://user:pass@mail.example.com:587' });
    expect(config.notifications.smtpUrl).toBe('smtp://user:pass@mail.example.com:587');
    expect(config.notifications.mailFrom).toBe('Helploop <helploop@localhost>');
    expect(loadConfig({ HELPLOOP_SMTP_URL: '' }).notifications.smtpUrl).toBeUndefined();
    expect(loadConfig({ HELPLOOP_MAIL_FROM: 'Help <help@shop.example>' }).notifications.mailFrom).toBe(
      'Help <help@shop.example>',
    );
    expect(() => loadConfig({ HELPLOOP_SMTP_URL: 'http://mail.example.com' })).toThrow(
      /HELPLOOP_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});

describe('notifications from the environment', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('makes a webhook from a URL and its secret, and needs both', () => {
    expect(
      loadConfig({ HELPLOOP_WEBHOOK_URL: 'https://hooks.example.com/a', HELPLOOP_WEBHOOK_SECRET: secret }).notifications
        .webhook,
    ).toEqual({ url: 'https://hooks.example.com/a', secret });
    expect(() => loadConfig({ HELPLOOP_WEBHOOK_URL: 'https://hooks.example.com/a' })).toThrow(
      /HELPLOOP_WEBHOOK_SECRET: is required with HELPLOOP_WEBHOOK_URL/,
    );
    expect(() => loadConfig({ HELPLOOP_WEBHOOK_URL: 'https://x.example', HELPLOOP_WEBHOOK_SECRET: 'hunter2' })).toThrow(
      /HELPLOOP_WEBHOOK_SECRET: must be whsec_/,
    );
    expect(() => loadConfig({ HELPLOOP_DIGEST_TO: 'a@acme.example' })).toThrow(/HELPLOOP_SMTP_URL: is required/);
  });

  it('allows private webhook targets only when asked', () => {
    expect(loadConfig({}).notifications.allowPrivateWebhooks).toBe(false);
    expect(loadConfig({ HELPLOOP_ALLOW_PRIVATE_WEBHOOKS: 'false' }).notifications.allowPrivateWebhooks).toBe(false);
    expect(loadConfig({ HELPLOOP_ALLOW_PRIVATE_WEBHOOKS: '1' }).notifications.allowPrivateWebhooks).toBe(true);
  });
});

describe('the notification triggers the environment enables', () => {
  it('are all by default, none with `none`, or those listed; an unknown one is refused by name', () => {
    expect(loadConfig({}).notify.triggers).toHaveLength(6);
    expect(loadConfig({ HELPLOOP_NOTIFY_TRIGGERS: 'survey.comments' }).notify.triggers).toEqual(['survey.comments']);
    expect(loadConfig({ HELPLOOP_NOTIFY_TRIGGERS: 'none' }).notify.triggers).toEqual([]);
    expect(loadConfig({ HELPLOOP_NOTIFY_TRIGGERS: 'digest.weekly, search.failing' }).notify.triggers).toEqual([
      'search.failing',
      'digest.weekly',
    ]);
    expect(() => loadConfig({ HELPLOOP_NOTIFY_TRIGGERS: 'search.failed' })).toThrow(
      /HELPLOOP_NOTIFY_TRIGGERS: search.failed is not one of feedback.comments/,
    );
    expect(() => loadConfig({ HELPLOOP_DIGEST_DAY: 'mon' })).toThrow(/HELPLOOP_DIGEST_DAY/);
  });
});
