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
    expect(config.smtpUrl).toBe('smtp://user:pass@mail.example.com:587');
    expect(config.mailFrom).toBe('Helploop <helploop@localhost>');
    expect(loadConfig({ HELPLOOP_SMTP_URL: '' }).smtpUrl).toBeUndefined();
    expect(loadConfig({ HELPLOOP_MAIL_FROM: 'Help <help@shop.example>' }).mailFrom).toBe('Help <help@shop.example>');
    expect(() => loadConfig({ HELPLOOP_SMTP_URL: 'http://mail.example.com' })).toThrow(
      /HELPLOOP_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
