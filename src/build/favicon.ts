/** The site's icon: a question mark on the accent colour of global.css. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a56c2"/><path d="M11.5 12.2a4.5 4.5 0 1 1 6.6 4c-1.4.8-2.1 1.6-2.1 3.1v.9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="24.6" r="1.9" fill="#fff"/></svg>\n`;

/**
 * The icon inside each page: a first visit then asks for one file less, which on a slow phone's few connections
 * is a round trip the page's own files no longer wait behind. About 250 bytes per page, compressed.
 */
export const FAVICON_DATA_URI = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG.trim())}`;
