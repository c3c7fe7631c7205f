import { resolve } from 'node:path';

/** The content folder; HELPLOOP_CONTENT points a build at another company's content without code changes. */
export const contentDir = resolve(process.env.HELPLOOP_CONTENT ?? 'content');
