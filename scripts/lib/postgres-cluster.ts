/**
 * Throwaway PostgreSQL clusters for tests and benchmarks, without containers: initdb into a new temporary folder and
 * serve it on a Unix socket in that folder only. No TCP port, so runs side by side never collide.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface PostgresClusterOptions {
  /** postgresql.conf settings over the defaults below, e.g. `{ shared_buffers: '1GB' }` for a benchmark. */
  settings?: Record<string, string | number>;
}

export interface PostgresCluster {
  /** The folder of the cluster's Unix socket (its data lives below it). */
  socketDir: string;
  /** What `pg` and libpq connect with to one database of the cluster, as its superuser `postgres`. */
  url(database?: string): string;
  /** Creates an empty database, uniquely named unless `name` is given, and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Shuts the cluster down and removes its folder. */
  stop(): Promise<void>;
}

/** Tests open many pools at once; memory stays modest. fsync stays on: benchmarks measure durable commits. */
const DEFAULT_SETTINGS = { max_connections: 200, shared_buffers: '128MB', fsync: 'on', synchronous_commit: 'on' };

const SERVER_BINARIES = ['initdb', 'pg_ctl', 'postgres'];

/** initdb on PATH first (the operator's choice), then pg_config's, then Debian's, which are not on PATH: newest first. */
function serverBinDir(): string {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && existsSync(join(dir, 'initdb')))
    .map((dir) => dirname(realpathSync(join(dir, 'initdb'))));
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const candidates = [...onPath, ...(pgConfig.status === 0 ? [pgConfig.stdout.trim()] : []), ...debian];
  const dir = candidates.find((candidate) => existsSync(join(candidate, 'initdb'))) ?? '';
  const missing = SERVER_BINARIES.find((binary) => !existsSync(join(dir, binary)));
  if (missing) {
    throw new Error(
      `PostgreSQL's ${missing} not found (looked on PATH, in pg_config --bindir and /usr/lib/postgresql/*/bin): install PostgreSQL's server (Debian: apt-get install postgresql)`,
    );
  }
  return dir;
}

/** initdb and postgres refuse to run as root, so as root they run as the `postgres` system user Debian creates. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new Error('PostgreSQL refuses to run as root, and there is no `postgres` system user to run it as', {
      cause: error,
    });
  }
}

const settingsFile = (settings: Record<string, string | number>) =>
  Object.entries(settings)
    .map(([name, value]) => `${name} = '${String(value).replaceAll("'", "''")}'\n`)
    .join('');

export async function startPostgresCluster({ settings = {} }: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const binDir = serverBinDir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'helploop-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (user) chownSync(dir, user.uid, user.gid);
  const command = (binary: string, args: string[]): [string, string[]] =>
    user ? ['runuser', ['-u', 'postgres', '--', join(binDir, binary), ...args]] : [join(binDir, binary), args];
  // The server's own folder as the working directory: the `postgres` user may not be allowed into ours.
  const run = async (binary: string, args: string[]) => {
    try {
      await promisify(execFile)(...command(binary, args), { cwd: dir });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(`${binary} ${args[0]} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
    }
  };
  // Synchronous, so it also runs when this process exits without calling stop(): no stray postgres stays behind.
  const stopNow = () => {
    spawnSync(...command('pg_ctl', ['stop', '-m', 'immediate', '-D', dataDir]), { cwd: dir, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stopNow);

  try {
    await run('initdb', [
      `--pgdata=${dataDir}`,
      '--auth=trust',
      '--username=postgres',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      // A throwaway cluster need not survive a power loss while being created; fsync is on once it runs.
      '--no-sync',
    ]);
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      settingsFile({ ...DEFAULT_SETTINGS, ...settings, listen_addresses: '', unix_socket_directories: dir }),
    );
    // With -l the server writes to the log, not to pg_ctl's output pipes, so pg_ctl's exit ends the wait.
    await run('pg_ctl', ['start', '-w', '-D', dataDir, '-l', logFile]);
  } catch (error) {
    const log = existsSync(logFile) ? `\n${readFileSync(logFile, 'utf8').trim()}` : '';
    process.off('exit', stopNow);
    stopNow();
    throw new Error(`Could not start a PostgreSQL cluster: ${(error as Error).message}${log}`, { cause: error });
  }

  const url = (database = 'postgres') =>
    `postgres:///${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}&user=postgres`;
  return {
    socketDir: dir,
    url,
    createDatabase: (name) => createPostgresDatabase(url(), name),
    async stop() {
      process.off('exit', stopNow);
      try {
        await run('pg_ctl', ['stop', '-m', 'fast', '-w', '-D', dataDir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates an empty database on the server `serverUrl` points to and returns the URL of the new database. */
export async function createPostgresDatabase(
  serverUrl: string,
  name = `helploop_${randomUUID().replaceAll('-', '')}`,
): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.href;
}
