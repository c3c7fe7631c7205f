import type { APIRoute } from 'astro';
import { buildManifest } from '../build/content/manifest.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await buildManifest()));
