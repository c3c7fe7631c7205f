/**
 * `npm run lock:platforms`: run after `npm install` changes package-lock.json, so the committed lock is the one
 * `npm install` writes on a fresh clone and `npm ci` accepts on every platform.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatLock, markInstallScripts, recordPlatformPackages, type Lock } from './lib/package-lock.ts';

const lockFile = 'package-lock.json';
const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as Lock;
const added = recordPlatformPackages(lock);
markInstallScripts(lock, '.');
writeFileSync(lockFile, formatLock(lock));
console.log(
  added.length ? `Recorded ${added.length} platform packages:\n  ${added.join('\n  ')}` : 'Nothing to record.',
);
