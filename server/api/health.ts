import { Hono } from 'hono';
import type { Manifest } from '../../src/content/manifest.ts';
import type { Storage } from '../db/storage.ts';

/** For load balancers and uptime checks: answers only when the database answers. */
export function healthRoutes(storage: Storage, manifest: Manifest) {
  return new Hono().get('/health', (c) => {
    storage.ping();
    return c.json({ status: 'ok', articles: manifest.articles.length });
  });
}
