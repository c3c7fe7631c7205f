import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLock, markInstallScripts, recordPlatformPackages, type Lock } from '../../scripts/lib/package-lock.ts';

const work = mkdtempSync(join(tmpdir(), 'helploop-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function installed(name: string, pkg: object, files: string[] = []) {
  const dir = join(work, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  for (const file of files) writeFileSync(join(dir, file), '{}');
}

describe('package-lock.json', () => {
  it('is committed exactly as npm run lock:platforms writes it from this node_modules', () => {
    const committed = readFileSync('package-lock.json', 'utf8');
    const lock = JSON.parse(committed) as Lock;
    recordPlatformPackages(lock);
    markInstallScripts(lock, '.');
    expect(formatLock(lock)).toBe(committed);
  });

  it('marks what npm marks on a fresh clone: install scripts, and a binding.gyp even with gypfile: false', () => {
    installed('native', { name: 'native', gypfile: false }, ['binding.gyp']);
    installed('hooked', { name: 'hooked', scripts: { postinstall: 'node setup.js' } });
    installed('plain', { name: 'plain', scripts: { test: 'vitest' } });
    const lock: Lock = {
      packages: {
        '': {},
        'node_modules/native': {},
        'node_modules/hooked': {},
        'node_modules/plain': {},
        'node_modules/absent': {},
      },
    };
    markInstallScripts(lock, work);
    const marked = Object.entries(lock.packages)
      .filter(([, pkg]) => pkg.hasInstallScript)
      .map(([path]) => path);
    expect(marked).toEqual(['node_modules/native', 'node_modules/hooked']);
  });

  it('records a foreign platform binary with its os, cpu and libc, in npm’s key order', () => {
    const lock: Lock = {
      packages: {
        'node_modules/tool': { version: '1.0.0', optionalDependencies: { '@tool/linux-arm64-musl': '1.0.0' } },
      },
    };
    expect(recordPlatformPackages(lock)).toEqual(['@tool/linux-arm64-musl@1.0.0']);
    expect(formatLock(lock)).toContain(
      '"node_modules/@tool/linux-arm64-musl": {\n      "version": "1.0.0",\n      "cpu": [\n        "arm64"\n      ],\n      "libc": [\n        "musl"\n      ],\n      "optional": true,\n      "os": [\n        "linux"\n      ]\n    }',
    );
  });
});
