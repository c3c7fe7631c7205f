import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringify from 'json-stringify-nice';

interface LockPackage {
  version?: string;
  link?: boolean;
  hasInstallScript?: boolean;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface Lock {
  packages: Record<string, LockPackage>;
  [key: string]: unknown;
}

const PLATFORM =
  /(android|darwin|freebsd|linux|win32|windows|wasm32|openbsd|sunos|aix)-(arm64|x64|ia32|arm|wasi|ppc64|s390x|riscv64|loong64)(?:-(gnu|musl|msvc|gnueabihf))?$/;

/** The keys npm writes first in package-lock.json (arborist's `swKeyOrder`); the rest follow as json-stringify-nice orders them. */
const NPM_KEY_ORDER = [
  'name',
  'version',
  'lockfileVersion',
  'resolved',
  'integrity',
  'requires',
  'packages',
  'dependencies',
];

/**
 * Records other platforms' optional binaries (e.g. `@pagefind/darwin-arm64`). The npm registry mirror on our build
 * machines lacks some of them at the versions Astro and Pagefind pin, so `npm install` leaves them out of the lock and
 * `npm ci` then refuses the lock as out of sync. Listed with their os and cpu, they are skipped on Linux as npm does
 * for any foreign binary. Returns what it added, as `name@version`.
 */
export function recordPlatformPackages(lock: Lock): string[] {
  const added: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
      const platform = PLATFORM.exec(name);
      const version = /^\d+\.\d+\.\d+/.exec(range.replace(/^[\^~=]/, ''))?.[0];
      if (!platform || !version) continue;
      const [, os, cpu, libc] = platform;
      lock.packages[`node_modules/${name}`] = {
        version,
        cpu: [cpu === 'wasi' ? 'wasm32' : cpu],
        ...(os !== 'wasm32' && { os: [os === 'windows' ? 'win32' : os] }),
        ...((libc === 'gnu' || libc === 'musl') && { libc: [libc === 'gnu' ? 'glibc' : 'musl'] }),
        optional: true,
      };
      added.push(`${name}@${version}`);
    }
  }
  return added;
}

/**
 * Marks the installed packages npm marks when it installs from this lock on a fresh clone: those with an install
 * script, and those with a `binding.gyp`, even ones whose package.json says `gypfile: false` (better-sqlite3), because
 * the lock does not record that opt-out. An install over an existing node_modules keeps whatever the lock says, so
 * without this the committed lock depended on how it was last written.
 */
export function markInstallScripts(lock: Lock, root: string): void {
  for (const [path, pkg] of Object.entries(lock.packages)) {
    const dir = join(root, path);
    if (!path || pkg.link || !existsSync(join(dir, 'package.json'))) continue;
    const { scripts = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    if (scripts.preinstall || scripts.install || scripts.postinstall || existsSync(join(dir, 'binding.gyp')))
      pkg.hasInstallScript = true;
  }
}

/** The lock as npm writes it: the same key order, two spaces, a final newline. */
export const formatLock = (lock: Lock): string => stringify(lock, NPM_KEY_ORDER, 2);
