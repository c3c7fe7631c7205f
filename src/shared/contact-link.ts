/**
 * The support hand-off, prefilled with where the reader came from so they need not repeat themselves. The contact
 * URL in site.yaml may hold `{subject}` (the article's title or the search that found nothing) and `{page}` (the
 * page the reader was on); they are replaced URL-encoded, or emptied when unknown. E-mail links get a subject
 * and the page in the body, as every mail client understands.
 */
export interface ContactContext {
  subject?: string;
  page?: string;
}

export function prefillContactUrl(template: string, { subject = '', page = '' }: ContactContext): string {
  return template.replaceAll('{subject}', encodeURIComponent(subject)).replaceAll('{page}', encodeURIComponent(page));
}

export function prefillMailto(email: string, { subject = '', page = '' }: ContactContext): string {
  const fields = [
    subject && `subject=${encodeURIComponent(subject)}`,
    page && `body=${encodeURIComponent(page)}`,
  ].filter(Boolean);
  return `mailto:${email}${fields.length ? `?${fields.join('&')}` : ''}`;
}
