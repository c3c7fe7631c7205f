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
