/**
 * npm run db:migrate — brings the configured database (HELPLOOP_DATABASE_URL, or the SQLite file HELPLOOP_DATABASE)
 * up to date and says what it applied, for operators who migrate before deploying. The server migrates on start
 * too, under the same lock, so running this beside live instances is safe.
 */
import { loadConfig } from '../server/config.ts';
import { openEngine } from '../server/db/engine.ts';
import { databaseName } from './lib/database-name.ts';
import { failWith } from './lib/fail.ts';

const config = failWith('Cannot migrate', loadConfig);
const name = databaseName(config);
const engine = await failWith(`Cannot migrate ${name}`, () => openEngine(config));
await engine.close();
console.log(
  engine.migrated.length
    ? `Applied to ${name}:\n${engine.migrated.map((id) => `  ${id}`).join('\n')}`
    : `Nothing to apply: ${name} is up to date.`,
);
