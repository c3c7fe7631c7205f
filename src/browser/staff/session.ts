/** The staff session in the browser: the cookie is HttpOnly; the CSRF token lives in sessionStorage for this tab. */
import type { Locale } from '../../shared/locales.ts';
// Types only: who is signed in, as /api/staff/me answers.
import type { Me } from '../../../server/staff/auth.ts';

const KEY = 'helploop:csrf';

/** Signs in; on failure, the API's error code (`invalid_login`, `login_delayed`, …). */
export async function logIn(email: string, password: string): Promise<string | undefined> {
  const response = await fetch('/api/staff/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) return body.error?.code ?? 'unavailable';
  sessionStorage.setItem(KEY, body.csrfToken);
  return undefined;
}

/** The login page, with the way back to this page (filters included) once signed in. */
export function toLogin(): void {
  location.href = `/staff/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Where to go after logging in: the page that asked, if it is a staff page here, else the inbox. */
export function afterLogin(next: string | null): string {
  return next && /^\/staff\/(?!login\/)/.test(next) ? next : '/staff/';
}

/** Calls the staff API; a lost session sends the user to the login page. */
export async function staffFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let csrf = sessionStorage.getItem(KEY);
  if (!csrf && init.method && init.method !== 'GET') csrf = (await me())?.csrfToken ?? null;
  const response = await fetch(path, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(csrf && { 'X-CSRF-Token': csrf }), ...init.headers },
  });
  if (response.status === 401) toLogin();
  return response;
}

/** Who is signed in, and in which language they work; undefined without a session. */
/** A change through the staff API: `method` with `body` as JSON, if any. */
export const staffSend = (method: string, path: string, body?: object) =>
  staffFetch(path, { method, ...(body && { body: JSON.stringify(body) }) });

export async function me(): Promise<Me | undefined> {
  const response = await fetch('/api/staff/me');
  if (!response.ok) return undefined;
  const body: Me = await response.json();
  sessionStorage.setItem(KEY, body.csrfToken);
  return body;
}

export const saveLocale = (locale: Locale) => staffSend('PATCH', '/api/staff/me', { locale });

export async function logOut(): Promise<void> {
  await staffFetch('/api/staff/logout', { method: 'POST' });
  sessionStorage.removeItem(KEY);
  location.href = '/staff/login/';
}
