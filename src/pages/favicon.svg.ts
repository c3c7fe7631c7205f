import type { APIRoute } from 'astro';

/**
 * The site's icon: a question mark on the accent colour of global.css. Browsers ask for one on every first
 * visit; without it each page logs a 404 (`/favicon.ico` is sent here by the server).
 */
export const GET: APIRoute = () =>
  new Response(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a56c2"/><path d="M11.5 12.2a4.5 4.5 0 1 1 6.6 4c-1.4.8-2.1 1.6-2.1 3.1v.9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="24.6" r="1.9" fill="#fff"/></svg>\n`,
    { headers: { 'content-type': 'image/svg+xml' } },
  );
