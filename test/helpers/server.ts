import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm start`'s entry (scripts/start.ts) on a free port with its own database folder. */
export function startServer(siteDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-'));
  const child = spawn(process.execPath, [resolve('scripts/start.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HELPLOOP_SITE_DIR: siteDir, HELPLOOP_DATABASE: join(dataDir, 'helploop.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      done({
        url: match[1],
        dataDir,
        process: child,
        stop: () =>
          new Promise((stopped) => {
            child.once('exit', () => {
              rmSync(dataDir, { recursive: true, force: true });
              stopped();
            });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Server exited with ${code}:\n${output}`)));
  });
}
