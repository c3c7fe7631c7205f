/** Sends a small JSON event to the API without holding up the page; the API being down never breaks reading. */
export function sendBeacon(path: string, payload: Record<string, unknown>): void {
  const body = JSON.stringify({ eventId: crypto.randomUUID(), ...payload });
  // text/plain keeps sendBeacon a "simple" request: no CORS preflight, which beacons cannot make.
  const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' });
  try {
    if (navigator.sendBeacon?.(path, blob)) return;
  } catch {
    // Some browsers throw for a blocked URL instead of returning false.
  }
  fetch(path, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, keepalive: true }).catch(
    () => {},
  );
}
