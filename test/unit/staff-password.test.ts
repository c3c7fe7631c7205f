import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readSecret } from '../../scripts/lib/read-secret.ts';
import { openSqlite } from '../../server/db/engine.ts';
import { createStaffStorage } from '../../server/db/staff-storage.ts';
import { verifyPassword } from '../../server/staff/passwords.ts';

const work = mkdtempSync(join(tmpdir(), 'helploop-staff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PASSWORD = 'correct-horse-battery';

describe('the password prompt', () => {
  it('returns what was typed on a terminal and writes only the prompt', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => (shown += chunk));
    const answer = readSecret('Password: ', input, output);
    input.write(`${PASSWORD}\r`);
    expect(await answer).toBe(PASSWORD);
    expect(shown).toBe('Password: \n');
  });

  it('shows nothing of the password typed into npm run staff -- add on a real pseudo-terminal', async () => {
    const databaseFile = join(work, 'helploop.db');
    // util-linux's `script` runs the command on a pseudo-terminal, as a person at a terminal would.
    const child = spawn(
      'script',
      ['-qec', `"${process.execPath}" scripts/staff.ts add kim@example.com --role support`, '/dev/null'],
      {
        cwd: resolve('.'),
        env: { ...process.env, HELPLOOP_DATABASE: databaseFile },
      },
    );
    let screen = '';
    const prompts = ['Password', 'Again'];
    child.stdout.on('data', (chunk) => {
      screen += chunk;
      // Typed only once asked: keys typed before the prompt are echoed by the terminal itself, as they would be for a person.
      if (prompts.length && screen.includes(prompts[0])) {
        prompts.shift();
        child.stdin.write(`${PASSWORD}\r`);
      }
    });
    const code = await new Promise((done) => child.once('exit', done));
    expect(code, screen).toBe(0);
    expect(screen).toContain('Added kim@example.com as support.');
    expect(screen).not.toContain(PASSWORD.slice(0, 4));
    const engine = openSqlite(databaseFile);
    const member = await createStaffStorage(engine.db).findByEmail('kim@example.com');
    await engine.close();
    expect(await verifyPassword(member!.passwordHash, PASSWORD)).toBe(true);
  }, 30_000);
});
