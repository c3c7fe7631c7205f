import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, with its default. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** 127.0.0.1 keeps a fresh install private; set 0.0.0.0 behind a proxy or in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  HELPLOOP_SITE_DIR: z.string().min(1).default('dist'),
  HELPLOOP_DATABASE: z.string().min(1).default('data/helploop.db'),
});

export interface ServerConfig {
  port: number;
  host: string;
  siteDir: string;
  databaseFile: string;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const { PORT, HOST, HELPLOOP_SITE_DIR, HELPLOOP_DATABASE } = parsed.data;
  return { port: PORT, host: HOST, siteDir: resolve(HELPLOOP_SITE_DIR), databaseFile: resolve(HELPLOOP_DATABASE) };
}
