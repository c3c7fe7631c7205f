import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real server over a built site, on a free port, with a throwaway database. */
export function serveSite(siteDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [resolve('server/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HELPLOOP_SITE_DIR: siteDir, HELPLOOP_DATABASE: join(mkdtempSync(join(tmpdir(), 'hl-bench-')), 'db') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A crashed benchmark must not leave a server holding its output pipe open.
  process.on('exit', () => child.kill());
  return new Promise((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) done({ url: match[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)));
  });
}
