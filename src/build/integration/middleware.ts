import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Connect middleware, as `astro dev` (Vite) runs them. */
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
