import { analyzeKorean, isParticleWord } from '../../shared/search/korean.ts';
import { isHangul, isLatin, words } from '../../shared/search/text.ts';

export interface IndexableArticle {
  title: string;
  description: string;
  body: string;
  tags: string[];
  aliases: string[];
}

/** Markdown syntax, link targets, MDX comments and component tags (`<Callout type="warning">`) are not words readers search for. */
const plainText = (markdown: string) =>
  markdown
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/`/g, ' ');

/** All of an article's searchable text, as words readers could meet on its page or in its hidden keywords. */
export const pageText = (article: IndexableArticle) =>
  [article.title, article.description, plainText(article.body), ...article.tags, ...article.aliases].join(' ');

/** English words written with a hyphen (`No-Show`, `e-Ticket`), glued as readers also type them (`noshow`). */
const gluedLatin = (text: string) =>
  (text.match(/[A-Za-z]+(?:-[A-Za-z]+)+/g) ?? []).map((word) => word.replace(/-/g, '').toLowerCase());

/** Stems of a text's nouns and English words, in the order they first appear. */
function textStems(text: string): string[] {
  const stems = new Set<string>();
  for (const word of [...words(text), ...gluedLatin(text)]) {
    if (isLatin(word)) {
      if (word.length >= 3) stems.add(word);
      continue;
    }
    const { stem, predicate } = analyzeKorean(word);
    if (isHangul(stem) && stem.length >= 2 && !predicate && !isParticleWord(stem)) stems.add(stem);
  }
  return [...stems];
}

/**
 * textStems() of each article's title, description and body during a build. The page asks for them (without tags
 * and aliases) and then the locale's vocabulary (with them): a cache keyed by all the text would never hit, so
 * only this part is kept. Emptied when it grows large, which only a long `astro dev` session could make it.
 */
const stemsByText = new Map<string, string[]>();
const STEMS_BY_TEXT_LIMIT = 20_000;

function cachedTextStems(text: string): string[] {
  let stems = stemsByText.get(text);
  if (!stems) {
    if (stemsByText.size >= STEMS_BY_TEXT_LIMIT) stemsByText.clear();
    stems = textStems(text);
    stemsByText.set(text, stems);
  }
  return stems;
}

/**
 * Stems of an article's nouns and English words: what typo correction compares mistyped words against. Verbs and
 * adjectives are left out: their forms vary too much to be good targets, and their tails are not words.
 * Stemming the text and the tags and aliases apart gives the same stems in the same order as stemming them
 * joined by a space: a space ends a word whatever is around it.
 */
export function articleStems(article: IndexableArticle): Set<string> {
  const stems = new Set(cachedTextStems([article.title, article.description, plainText(article.body)].join(' ')));
  for (const stem of textStems([...article.tags, ...article.aliases].join(' '))) stems.add(stem);
  return stems;
}

/** A token that words() keeps as one word: all Hangul syllables, or all ASCII letters and digits. */
const SINGLE_WORD = /^(?:[\uAC00-\uD7A3]+|[A-Za-z0-9]+)$/;

/**
 * Hidden, searchable words for an article: the editors' aliases and tags, the tails of long Korean compounds
 * (Pagefind matches word starts only, so `영수증` would never find `현금영수증`), and words joined by punctuation.
 */
export function searchKeywords(article: IndexableArticle): string {
  const extra = new Set<string>();
  for (const stem of articleStems({ ...article, tags: [], aliases: [] })) {
    if (!isHangul(stem)) continue;
    for (let start = 1; stem.length - start >= 2; start++) extra.add(stem.slice(start));
  }
  // Pagefind splits words on spaces only: in `카카오페이·네이버페이`, `네이버페이` is not a word of its own.
  for (const token of `${article.title} ${article.description} ${plainText(article.body)}`.split(/\s+/)) {
    // Most tokens are one word as they stand; words() normalizes, which is most of this loop's time.
    if (SINGLE_WORD.test(token)) continue;
    const parts = words(token);
    if (parts.length > 1) for (const part of parts) extra.add(part);
  }
  for (const word of gluedLatin(`${article.title} ${article.description} ${plainText(article.body)}`)) extra.add(word);
  return [...article.aliases, ...article.tags, ...extra].join(' ');
}
