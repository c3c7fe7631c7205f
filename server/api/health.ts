import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import type { Manifest } from '../../src/content/manifest.ts';

/** For load balancers and uptime checks: answers only when the database answers. */
export function healthRoutes(db: Database, manifest: Manifest) {
  return new Hono().get('/health', (c) => {
    db.prepare('SELECT 1').get();
    return c.json({ status: 'ok', articles: manifest.articles.length });
  });
}
