import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, manifestSchema, type Manifest } from '../src/shared/content/manifest.ts';

/** The build's account of the content; the server's only source of article ids. */
export function readManifest(siteDir: string): Manifest {
  const file = join(siteDir, MANIFEST_FILE);
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`Cannot read the site manifest ${file}: run \`npm run build\` first`, { cause: error });
  }
}
