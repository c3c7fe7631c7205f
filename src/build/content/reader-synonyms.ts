import { existsSync } from 'node:fs';
import { loadConfig } from '../../../server/config.ts';
import { openEngine } from '../../../server/db/engine.ts';
import { createReportStorage } from '../../../server/db/report-storage.ts';
import { synonymsToApply } from '../../../server/reports/reader-synonyms.ts';
import { buildManifest } from './manifest.ts';

/**
 * What readers taught search, read from the server's database when the build runs beside it (HELPLOOP_DATABASE):
 * readers' synonyms staff accepted, or that HELPLOOP_SYNONYM_READERS distinct readers made within the retention
 * period by related searches (server/reports/reader-synonyms.ts). Each becomes a hidden alias of its article, as if an editor had added it. Article id → its new aliases.
 */
async function readReaderSynonyms(): Promise<Map<string, string[]>> {
  const config = loadConfig();
  const aliases = new Map<string, string[]>();
  if (!config.databaseUrl && !existsSync(config.databaseFile)) return aliases;
  const engine = await openEngine(config);
  try {
    const to = new Date();
    const from = new Date(to.getTime() - config.retentionDays * 86_400_000);
    const period = { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    const reports = createReportStorage(engine);
    const manifest = await buildManifest();
    for (const { query, articleId } of await synonymsToApply(reports, manifest, period, config.synonymReaders)) {
      aliases.set(articleId, [...new Set([...(aliases.get(articleId) ?? []), query])]);
    }
  } finally {
    await engine.close();
  }
  return aliases;
}

export const readerSynonyms = await readReaderSynonyms();
