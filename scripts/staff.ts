/**
 * npm run staff -- add <email> --role support|editor|admin
 *                  list | remove <email> | reset-password <email>
 * On a terminal it asks for the password (twice, not echoed); otherwise, or with --generate, it prints a new one.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../server/config.ts';
import { openEngine } from '../server/db/engine.ts';
import { createStaffStorage, roles, type Role } from '../server/db/staff-storage.ts';
import { generatePassword, hashPassword } from '../server/staff/passwords.ts';
import { readSecret } from './lib/read-secret.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, generate: { type: 'boolean' } },
});
const [command, email] = positionals;
const engine = await openEngine(loadConfig());
const staff = createStaffStorage(engine.db);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function askPassword(): Promise<string> {
  if (values.generate || !process.stdin.isTTY) {
    const password = generatePassword();
    console.log(`Generated password (shown once): ${password}`);
    return password;
  }
  const first = await readSecret('Password (at least 12 characters): ');
  if (first.length < 12) fail('The password must have at least 12 characters.');
  if ((await readSecret('Again: ')) !== first) fail('The passwords differ.');
  return first;
}

const needEmail = () =>
  z.email().safeParse(email).success ? email : fail(`Give a valid e-mail address, not "${email ?? ''}".`);

switch (command) {
  case 'add': {
    const address = needEmail();
    const role = values.role as Role;
    if (!roles.includes(role)) fail(`--role must be one of ${roles.join(', ')}`);
    if (await staff.findByEmail(address)) fail(`${address} already has an account.`);
    await staff.add(address, role, await hashPassword(await askPassword()), new Date().toISOString());
    console.log(`Added ${address} as ${role}.`);
    break;
  }
  case 'list':
    for (const member of await staff.list())
      console.log(`${member.email}\t${member.role}\t${member.createdAt.slice(0, 10)}`);
    break;
  case 'remove':
    console.log((await staff.remove(needEmail())) ? `Removed ${email}.` : fail(`No account ${email}.`));
    break;
  case 'reset-password': {
    const address = needEmail();
    if (!(await staff.findByEmail(address))) fail(`No account ${address}.`);
    await staff.resetPassword(address, await hashPassword(await askPassword()));
    console.log(`New password set for ${address}; their sessions were ended.`);
    break;
  }
  default:
    fail(
      'Usage: npm run staff -- add <email> --role support|editor|admin | list | remove <email> | reset-password <email>',
    );
}
await engine.close();
