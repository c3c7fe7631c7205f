import { join } from 'node:path';
import { openEngine } from '../../server/db/engine.ts';
import { createStorage } from '../../server/db/storage.ts';
import { generatePassword, hashPassword } from '../../server/staff/passwords.ts';
import type { RunningServer } from '../../test/helpers/server.ts';

const EMAIL = 'audit@helploop.example';

/**
 * An admin's session cookie on a running server (an admin sees every staff page, notifications included): the account is added to the server's own database
 * through the storage API, and the session comes from logging in as the staff page does.
 */
export async function staffSessionCookie(server: RunningServer): Promise<{ name: string; value: string }> {
  const password = generatePassword();
  const engine = await openEngine({ databaseFile: join(server.dataDir, 'helploop.db'), databaseUrl: '' });
  try {
    await createStorage(engine).staff.add(EMAIL, 'admin', await hashPassword(password), new Date().toISOString());
  } finally {
    await engine.close();
  }
  const response = await fetch(`${server.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password }),
  });
  const cookie = /^([^=]+)=([^;]*)/.exec(response.headers.get('set-cookie') ?? '');
  if (!response.ok || !cookie) throw new Error(`Staff login failed: ${response.status} ${await response.text()}`);
  return { name: cookie[1], value: cookie[2] };
}
