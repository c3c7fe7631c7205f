import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult {
  status: number;
  output: string;
}

/**
 * Runs the real `astro build` on a content folder into an output folder, as `npm run build` does. The build reads
 * readers' synonyms from HELPLOOP_DATABASE; unless `env` names one, it gets none, whatever a checkout has in data/.
 */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      env: {
        ...process.env,
        HELPLOOP_DATABASE: resolve(outDir, '..', 'no-database.db'),
        HELPLOOP_CONTENT: resolve(contentDir),
        HELPLOOP_OUT_DIR: resolve(outDir),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status: status ?? 1, output }));
  });
}
