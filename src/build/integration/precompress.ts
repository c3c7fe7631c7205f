import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';

/** Scripts, styles and search data: few files, fetched before a first search answers. Pages stay gzipped on the fly. */
const PRECOMPRESSED = /\.(js|mjs|css|json|svg)$/;
/**
 * Pagefind's wasm and index files, gzipped by Pagefind. Their Brotli copy holds the data itself, which starts with
 * Pagefind's signature for data it need not inflate: about 15% fewer bytes, and no inflating in the page.
 */
const PAGEFIND_GZIPPED = /\.(pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/**
 * Writes a Brotli copy (`.br`) beside each script, style and data file of the build, at the highest quality: done
 * once here, it costs nothing per request and is about a fifth smaller than gzip. `npm start` serves the copy to
 * browsers that accept it, as a CDN serving the folder can.
 */
export function precompress(dir: URL, logger: AstroIntegrationLogger): void {
  const root = fileURLToPath(dir);
  let count = 0;
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const gzipped = PAGEFIND_GZIPPED.test(file);
    if (!gzipped && !PRECOMPRESSED.test(file)) continue;
    const path = join(root, file);
    const data = gzipped ? gunzipSync(readFileSync(path)) : readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    );
    count++;
  }
  logger.info(`Brotli copies of ${count} scripts, styles, data and index files`);
}
