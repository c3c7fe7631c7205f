import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The files under `dir` that git sees as changed, added or untracked (absolute paths), or undefined when git keeps
 * nothing of `dir` (no work tree, no tracked file there, or git missing): then nothing can be told apart.
 */
export function changedFiles(dir: string): Set<string> | undefined {
  const root = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  const tracked = spawnSync('git', ['-C', dir, 'ls-files', '--', '.'], { encoding: 'utf8' });
  if (root.status !== 0 || tracked.status !== 0 || !tracked.stdout.trim()) return undefined;
  const status = spawnSync('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], {
    encoding: 'utf8',
  });
  if (status.status !== 0) return undefined;
  const top = root.stdout.trim();
  // Each entry is `XY path`; a rename is followed by its old path as an entry of its own, which is skipped.
  const entries = status.stdout.split('\0').filter(Boolean);
  const files = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const code = entries[i].slice(0, 2);
    files.add(resolve(top, entries[i].slice(3)));
    if (code.includes('R') || code.includes('C')) i++;
  }
  return files;
}
