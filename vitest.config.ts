import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The root's global setup runs once per run and what it provides reaches every project: one PostgreSQL cluster.
    globalSetup: ['test/postgres-setup.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'site',
          include: ['test/{build,server,e2e}/**/*.test.ts'],
          // Builds the sample and fixture sites once; every suite of this project reads the same output.
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
