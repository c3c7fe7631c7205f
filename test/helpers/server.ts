import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  exited: Promise<unknown>;
  /** What it printed so far, both streams. */
  output: () => string;
}

/** Runs a server script on a free port of 127.0.0.1 and resolves once it prints "running at <url>". */
export function spawnServer(script: string, env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  // A test or benchmark that dies must not leave a server behind holding its port and output pipe.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      done({ url: match[1], process: child, exited, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Server exited with ${code} before listening:\n${output}`)));
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A server over a built site with a database folder of its own, removed on stop. By default `npm start`'s entry
 * (scripts/start.ts); benchmarks over generated content start server/main.ts, which never rebuilds.
 */
export async function startServer(
  siteDir: string,
  env: Record<string, string> = {},
  entry = 'scripts/start.ts',
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-'));
  const server = await spawnServer(resolve(entry), {
    HELPLOOP_SITE_DIR: siteDir,
    HELPLOOP_DATABASE: join(dataDir, 'helploop.db'),
    ...env,
  });
  return {
    url: server.url,
    dataDir,
    stop: async () => {
      server.process.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
