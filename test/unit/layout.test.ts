import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The folders whose names say where their code runs (see README, "Project layout"). */
const ROOMS = ['scripts', 'server', 'src/shared', 'src/build', 'src/browser'];

const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|astro)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file));

interface Import {
  file: string;
  /** Repository-relative path of a relative import; the package name otherwise. */
  target: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  // `import … from`, `export … from`, a bare `import '…'`, and `import('…')`.
  const pattern =
    /^\s*(?:import|export)(\s+type)?\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[2] ?? match[3] ?? match[4];
    const target = specifier.startsWith('.') ? relative('.', resolve(dirname(file), specifier)) : specifier;
    found.push({ file, target, typeOnly: Boolean(match[1]) });
  }
  return found;
}

const roomOf = (path: string) => ROOMS.filter((room) => path.startsWith(`${room}/`)).at(-1) ?? path.split('/')[0];
const crossings = (from: string, allowed: string[], { typesAllowed = false } = {}) =>
  sources(from)
    .flatMap(importsOf)
    .filter((use) => use.target.includes('/') && /^(\.|scripts|server|src|test|bench)/.test(use.target))
    .filter((use) => !allowed.includes(roomOf(use.target)) && !(typesAllowed && use.typeOnly))
    .map((use) => `${use.file} → ${use.target}`);

describe('folders say where code runs', () => {
  it('the server imports only itself and the shared part', () => {
    expect(crossings('server', ['server', 'src/shared'])).toEqual([]);
  });

  it('the shared part imports only itself and packages, and no Node module', () => {
    expect(crossings('src/shared', ['src/shared'])).toEqual([]);
    expect(
      sources('src/shared')
        .flatMap(importsOf)
        .filter((use) => use.target.startsWith('node:')),
    ).toEqual([]);
  });

  it('browser code imports no build-time, command-line or server code, except the types of what the server answers', () => {
    expect(crossings('src/browser', ['src/browser', 'src/shared'], { typesAllowed: true })).toEqual([]);
  });
});

describe('names that mean one thing', () => {
  it('no two modules export the same name (Astro pages aside, whose exports Astro names)', () => {
    const owners = new Map<string, string[]>();
    for (const file of ROOMS.flatMap(sources)) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(
        /^export (?:async )?(?:function|const|let|interface|type|class) (\w+)/gm,
      )) {
        owners.set(name, [...(owners.get(name) ?? []), file]);
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('the server has one file of each name', () => {
    const names = sources('server').map((file) => basename(file));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});
