import { hashPassword } from '../../server/staff/passwords.ts';
import type { Me } from '../../server/staff/auth.ts';
import { useApiServer, type ApiServer } from './api-server.ts';

const PASSWORD = 'correct horse battery';
/** Hashed once: argon2 is slow on purpose. */
const hash = hashPassword(PASSWORD);

/** A server of the describe's own, with a support and an admin account, and the calls a staff page makes to it. */
export function useStaffServer() {
  const server = useApiServer({}, async ({ staff }) => {
    await staff.add('support@acme.example', 'support', await hash, '2026-01-01T00:00:00Z');
    await staff.add('admin@acme.example', 'admin', await hash, '2026-01-01T00:00:00Z');
  });
  return {
    server,
    login: (email: string, password = PASSWORD) => login(server, email, password),
    call: (path: string, init?: CallInit) => call(server, path, init),
  };
}

async function login(server: ApiServer, email: string, password: string) {
  const response = await fetch(`${server.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.get('set-cookie') ?? '';
  return {
    response,
    cookie: cookie.split(';')[0],
    setCookie: cookie,
    body: (await response.json()) as Partial<Me> & { error?: { code: string } },
  };
}

type CallInit = RequestInit & { cookie?: string; csrf?: string };
const call = (server: ApiServer, path: string, init: CallInit = {}) =>
  fetch(`${server.url}/api/staff${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.cookie && { cookie: init.cookie }),
      ...(init.csrf && { 'x-csrf-token': init.csrf }),
    },
  });
