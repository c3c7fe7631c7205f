/** Text handling shared by the build (index keywords, vocabulary), the browser (queries) and the server (failed searches grouped), so all agree. */

/** NFKC folds full-width letters and compatibility jamo; lower case; punctuation becomes space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SCRIPT_BOUNDARY = /(?<=[a-z])(?=[\uAC00-\uD7A3])|(?<=[\uAC00-\uD7A3])(?=[a-z])/g;

/** Words of a normalized text; Latin and Hangul glued together (`vip혜택`) are two words. */
export function words(text: string): string[] {
  return normalize(text).replace(SCRIPT_BOUNDARY, ' ').split(' ').filter(Boolean);
}

export const isHangul = (word: string) => /^[\uAC00-\uD7A3]+$/.test(word);
export const isLatin = (word: string) => /^[a-z]+$/.test(word);

/** An English word without its plural or tense ending (`refunds` → `refund`), as Pagefind's stemmer would drop it. */
export const stripEnglishEnding = (word: string) => word.replace(/(?:ies|es|s|ed|ing)$/, '');

/** Escapes text for innerHTML; excerpts mark words themselves and must not let page text become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Failed searches group by what was meant, not how it was typed: width, case and spacing fold away. */
export const normalizeQuery = (query: string) => normalize(query).replace(/\s+/g, '');
