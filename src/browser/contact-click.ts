/**
 * Records a click on the support hand-off with where the reader came from (the article, or the search on the search
 * page), so staff see which articles and failed searches end in a support contact, and prefills the contact form or
 * e-mail with it. sendBeacon survives the navigation to the contact page; the API being down never blocks the reader.
 */
import { sendBeacon } from './beacon.ts';
import { documentLocale } from './document-locale.ts';
import { prefillContactUrl, prefillMailto } from '../shared/contact-link.ts';

addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[data-contact]');
  if (!link) return;
  const query = location.pathname.endsWith('/search/')
    ? new URLSearchParams(location.search).get('q')?.trim()
    : undefined;
  const filled = { subject: query || link.dataset.subject, page: location.href };
  const target = link.dataset.contact!;
  link.href = target.startsWith('mailto:')
    ? prefillMailto(target.slice('mailto:'.length), filled)
    : prefillContactUrl(target, filled);
  sendBeacon('/api/contact-clicks', {
    locale: documentLocale(),
    ...(link.dataset.articleId && { articleId: link.dataset.articleId }),
    ...(query && { query }),
  });
});
