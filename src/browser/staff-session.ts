/** The staff session in the browser: the cookie is HttpOnly; the CSRF token lives in sessionStorage for this tab. */
const KEY = 'helploop:csrf';

export async function logIn(email: string, password: string): Promise<string | undefined> {
  const response = await fetch('/api/staff/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json();
  if (!response.ok) return body.error?.message ?? 'Login failed';
  sessionStorage.setItem(KEY, body.csrfToken);
  return undefined;
}

/** Calls the staff API; a lost session sends the user to the login page. */
export async function staffFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let csrf = sessionStorage.getItem(KEY);
  if (!csrf && init.method && init.method !== 'GET') {
    const me = await fetch('/api/staff/me');
    if (me.ok) sessionStorage.setItem(KEY, (csrf = (await me.json()).csrfToken));
  }
  const response = await fetch(path, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(csrf && { 'X-CSRF-Token': csrf }), ...init.headers },
  });
  if (response.status === 401) location.href = '/staff/login/';
  return response;
}

export async function logOut(): Promise<void> {
  await staffFetch('/api/staff/logout', { method: 'POST' });
  sessionStorage.removeItem(KEY);
  location.href = '/staff/login/';
}
