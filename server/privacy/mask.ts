/** What readers type into search boxes and comments can hold personal data; it is masked before anything is stored. */

// Digits touching ASCII letters, digits or hyphens belong to a longer token (an id, a date), not to a phone number;
// Korean text may touch them (`010-1234-5678로`).
const START = String.raw`(?<![\w+-])`;
const END = String.raw`(?![\w-])`;

/** An international number: `+`, a country code, then 8 to 15 digits in all, in groups (+82 10-1234-5678, +1 (415) 555-0100). */
const INTERNATIONAL = new RegExp(String.raw`${START}\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,4})){2,5}${END}`, 'g');
const digitCount = (match: string) => match.replace(/\D/g, '').length;

/** Pattern, label, and for a loose pattern the test a match must pass too. */
const BUILT_IN: [RegExp, string, ((match: string) => boolean)?][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  // Card-like: groups of four digits (4111 1111 1111 1111, 4111-1111-…); unbroken runs fall to the last rule.
  [/\b(?:\d{4}[ -]){3}\d{1,7}\b/g, '[number]'],
  [INTERNATIONAL, '[phone]', (match) => digitCount(match) >= 8 && digitCount(match) <= 15],
  // Korean numbers start with 0: an area, mobile or service prefix, then its groups (02-123-4567, (031) 123-4567,
  // 010 1234 5678, 0505-123-4567); a mobile number also unbroken (01012345678).
  [
    new RegExp(
      String.raw`${START}(?:\(0\d{1,3}\)[ .-]?|0\d{1,3}[ .-])\d{3,4}[ .-]\d{4}${END}|${START}01[016789]\d{7,8}${END}`,
      'g',
    ),
    '[phone]',
  ],
  // Any other run of 8 or more digits (account, resident registration, order numbers).
  [/\d{8,}/g, '[number]'],
];

// Identifiers of things (an order, an error), never of a person: kept whole, not read as numbers.
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Masks the site's own patterns, then e-mail addresses, card-like numbers, phone numbers and long digit runs. */
export function maskPersonalData(text: string, extra: RegExp[] = []): string {
  // The site's own patterns (order numbers) are the most specific: they go first, before their digits are taken.
  let masked = text;
  for (const pattern of extra) masked = masked.replace(pattern, '[masked]');
  // Split with a capturing group: odd parts are the UUIDs.
  return masked
    .split(UUID)
    .map((part, i) =>
      i % 2
        ? part
        : BUILT_IN.reduce(
            (rest, [pattern, label, is]) => rest.replace(pattern, (match) => (!is || is(match) ? label : match)),
            part,
          ),
    )
    .join('');
}
