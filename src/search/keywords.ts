import { analyzeKorean, isParticleWord } from './korean.ts';
import { isHangul, isLatin, words } from './text.ts';

export interface IndexableArticle {
  title: string;
  description: string;
  body: string;
  tags: string[];
  aliases: string[];
}

const stemsByText = new Map<string, Set<string>>();

/** Markdown syntax and link targets are not words readers search for. */
const plainText = (markdown: string) => markdown.replace(/\]\([^)]*\)/g, ']').replace(/`/g, ' ');

/**
 * Stems of an article's nouns and English words: what typo correction compares mistyped words against. Verbs and
 * adjectives are left out: their forms vary too much to be good targets, and their tails are not words.
 */
export function articleStems(article: IndexableArticle): Set<string> {
  const text = [article.title, article.description, plainText(article.body), ...article.tags, ...article.aliases].join(' ');
  // The page and the vocabulary both ask for every article's stems during one build.
  const known = stemsByText.get(text);
  if (known) return known;
  const stems = new Set<string>();
  stemsByText.set(text, stems);
  for (const word of words(text)) {
    if (isLatin(word)) {
      if (word.length >= 3) stems.add(word);
      continue;
    }
    const { stem, predicate } = analyzeKorean(word);
    if (isHangul(stem) && stem.length >= 2 && !predicate && !isParticleWord(stem)) stems.add(stem);
  }
  return stems;
}

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
    const parts = words(token);
    if (parts.length > 1) for (const part of parts) extra.add(part);
  }
  return [...article.aliases, ...article.tags, ...extra].join(' ');
}
