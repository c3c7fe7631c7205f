import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'helploop-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fixture's content, with one file replaced. */
function contentWith(name: string, file: string, text: string) {
  const dir = join(work, name);
  cpSync('test/fixtures/content-basic', dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

const brokenSite =
  'name: { ko: 에이크미 도움말, en: Acme Help }\ndefaultLocale: fr\nlocales: [en, ko]\nsupport: { contactUrl: not a url }\n';

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/start.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HELPLOOP_DATABASE: join(work, 'helploop.db'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start, when something is wrong', () => {
  it('says in one line that the port is taken, before building anything', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => taken.once('listening', done));
    const { port } = taken.address() as AddressInfo;
    const siteDir = join(work, 'never-built');
    const run = start({ PORT: String(port), HELPLOOP_SITE_DIR: siteDir });
    taken.close();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Port ${port} on 127.0.0.1 is already in use: stop what runs there, or start on another port (PORT=${port + 1} npm start).\n`,
    );
    expect(existsSync(siteDir)).toBe(false);
  });

  it('says the same in one line when the server is run directly on a taken port', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => taken.once('listening', done));
    const { port } = taken.address() as AddressInfo;
    const run = spawnSync(process.execPath, ['server/main.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        HELPLOOP_DATABASE: join(work, 'direct.db'),
        HELPLOOP_SITE_DIR: inject('fixtureSiteDir'),
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    taken.close();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Port ${port} on 127.0.0.1 is already in use: stop what runs there, or start on another port (PORT=${port + 1} npm start).\n`,
    );
  });

  it('prints each problem of a broken site.yaml once, without a stack trace, and stops when there is no build to serve', () => {
    const content = contentWith('broken-site', 'site.yaml', brokenSite);
    const run = start({ HELPLOOP_CONTENT: content, HELPLOOP_SITE_DIR: join(work, 'no-site') });
    expect(run.status).toBe(1);
    const site = relative(process.cwd(), join(content, 'site.yaml'));
    expect(`${run.stdout}${run.stderr}`.trim().split('\n')).toEqual([
      `${site}:2: defaultLocale: must be one of "ko", "en"`,
      `${site}:4: support.contactUrl: Invalid URL`,
      'Nothing to serve: 2 content problems above. Fix that, then npm start again.',
    ]);
  });

  it('serves the last good build, saying so loudly, when the rebuild fails on a typo in content', async () => {
    const siteDir = join(work, 'good-site');
    cpSync(inject('fixtureSiteDir'), siteDir, { recursive: true });
    const content = contentWith(
      'typo',
      'articles/en/billing/update-card.mdx',
      '---\ntitle: Update the card\ndescription: x\nupdated: 2026-13-45\n---\n\nText.\n',
    );
    // Edited after the last build, so npm start rebuilds.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(content, 'articles/en/billing/update-card.mdx'), later, later);

    const child = spawn(process.execPath, ['scripts/start.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        HELPLOOP_CONTENT: content,
        HELPLOOP_SITE_DIR: siteDir,
        HELPLOOP_DATABASE: join(work, 'typo.db'),
      },
    });
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        const running = /running at (http:\/\/\S+?)\/?\s/.exec(output);
        if (running) done(running[1]);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
    });
    try {
      expect(output).toMatch(/update-card\.mdx:4: updated: is not a real calendar date\n/);
      expect(output).toContain(
        '!! The rebuild failed (1 content problem above).\n!! Serving the previous build, without the latest changes to content.',
      );
      const page = await fetch(`${url}/en/billing/update-card/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Update the card you pay with');
    } finally {
      child.kill();
    }
  });
});

describe('scripts/require-node.mjs', () => {
  it('turns an older Node away in one line naming the version needed and the README section, running nothing', () => {
    const project = join(work, 'future-project');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    cpSync('scripts/require-node.mjs', join(project, 'scripts/require-node.mjs'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ engines: { node: '>=99.1' } }));
    writeFileSync(
      join(project, 'scripts/ran.mjs'),
      `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(join(project, 'ran'))}, '');`,
    );
    const run = spawnSync(
      process.execPath,
      [join(project, 'scripts/require-node.mjs'), join(project, 'scripts/ran.mjs')],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Helploop needs Node.js 99.1 or newer (this is ${process.versions.node}): see “Quick start” in README.md.\n`,
    );
    expect(existsSync(join(project, 'ran'))).toBe(false);
  });

  it('runs the script with its own arguments on a recent enough Node', () => {
    const run = spawnSync(process.execPath, ['scripts/require-node.mjs', 'scripts/check.ts', '--json'], {
      env: { ...process.env, HELPLOOP_CONTENT: resolve('test/fixtures/content-basic') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.any(Array));
  });
});
