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

describe('the notification triggers the environment enables', () => {
  it('are all by default, none with `none`, or those listed; an unknown one is refused by name', () => {
    expect(loadConfig({}).notify.triggers).toHaveLength(5);
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
