import type { APIRoute } from 'astro';
import { FAVICON_SVG } from '../build/favicon.ts';

/** The site's icon as a file, for what asks for it by address: the server sends `/favicon.ico` here. */
export const GET: APIRoute = () => new Response(FAVICON_SVG, { headers: { 'content-type': 'image/svg+xml' } });
