/**
 * Records other platforms' optional binaries (e.g. `@pagefind/darwin-arm64`) in package-lock.json.
 * The npm registry mirror on our build machines lacks some of them at the versions Astro and Pagefind pin, so
 * `npm install` leaves them out of the lock and `npm ci` then refuses the lock as out of sync. Listed with their
 * os and cpu, they are skipped on Linux as npm does for any foreign binary. Run after `npm install` changes the lock.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const PLATFORM = /(android|darwin|freebsd|linux|win32|windows|wasm32|openbsd|sunos|aix)-(arm64|x64|ia32|arm|wasi|ppc64|s390x|riscv64|loong64)(?:-(gnu|musl|msvc|gnueabihf))?$/;

const lockFile = 'package-lock.json';
const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, LockPackage> };
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

lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Recorded ${added.length} platform packages:\n  ${added.join('\n  ')}` : 'Nothing to record.');
