/** What readers type into search boxes and comments can hold personal data; it is masked before anything is stored. */
const BUILT_IN: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  // Card-like: groups of four digits (4111 1111 1111 1111, 4111-1111-…); unbroken runs fall to the last rule.
  [/\b(?:\d{4}[ -]){3}\d{1,7}\b/g, '[number]'],
  // Korean and international phone numbers: 010-1234-5678, 02 123 4567, +82 10 1234 5678.
  [/(?<![\d+])(?:\+\d{1,3}[ -]?)?\(?0?\d{1,3}\)?[ .-]?\d{3,4}[ .-]?\d{4}(?!\d)/g, '[phone]'],
  // Any other run of 8 or more digits (account, resident registration, order numbers).
  [/\d{8,}/g, '[number]'],
];

/** Masks the site's own patterns, then e-mail addresses, card-like numbers, phone numbers and long digit runs. */
export function maskPersonalData(text: string, extra: RegExp[] = []): string {
  // The site's own patterns (order numbers) are the most specific: they go first, before their digits are taken.
  let masked = text;
  for (const pattern of extra) masked = masked.replace(pattern, '[masked]');
  for (const [pattern, label] of BUILT_IN) masked = masked.replace(pattern, label);
  return masked;
}
