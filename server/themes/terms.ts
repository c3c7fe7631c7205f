import { analyzeKorean } from '../../src/shared/search/korean.ts';
import { segment } from '../../src/shared/search/segment.ts';
import { isStopword } from '../../src/shared/search/stopwords.ts';
import { isHangul, isLatin, stripEnglishEnding, words } from '../../src/shared/search/text.ts';
import type { ThemeLexicon } from './lexicon.ts';

/** What masking left in a text (`[phone]`, `[email]`): it says nothing about what the reader meant. */
const MASKED = /\[[a-z]+\]/g;

/** How much each kind of feature counts, against a word's 1. */
const WEIGHTS = { meaning: 1, bigram: 0.35 } as const;

/** A text's features and the words it shows, ready for TF-IDF. */
export interface Terms {
  /** Feature → weight: `w:` a word's stem, `m:` a meaning of the lexicon, `b:` two syllables of a Korean word. */
  features: Map<string, number>;
  /** Words as a person reads them (stems), for a theme's label. */
  words: string[];
}

/**
 * The terms of what a reader wrote, normalized as search normalizes a query (NFKC, case, particles and endings,
 * glued words split into words the site or the lexicon knows), with the lexicon's meanings added so different
 * words for one thing meet, and syllable pairs so typos and spacing still overlap.
 */
export function termsOf(text: string, lexicon: ThemeLexicon): Terms {
  const features = new Map<string, number>();
  const shown: string[] = [];
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const addWord = (typed: string, stem: string) => {
    const meanings = lexicon.meanings(typed, stem);
    for (const meaning of meanings) add(`m:${meaning}`, WEIGHTS.meaning / meanings.length);
    if (isStopword(stem) && !meanings.length) return;
    add(`w:${stem}`, 1);
    // Labels show a Korean word without its particle, an English one as written (`shipping`, not `shipp`).
    shown.push(isLatin(typed) ? typed : stem);
  };

  const tokens = words(text.replace(MASKED, ' '));
  tokens.forEach((token, i) => {
    if (isLatin(token)) {
      if (token.length > 1 && !isStopword(token)) addWord(token, stripEnglishEnding(token));
      return;
    }
    if (!isHangul(token)) return;
    // Two words that are one expression of the lexicon (`돈이 나가요`, `안 와요`).
    const next = tokens[i + 1];
    if (next && isHangul(next))
      for (const meaning of lexicon.meanings(token + next, token + next)) add(`m:${meaning}`, WEIGHTS.meaning);
    if (isStopword(token)) return;
    const { stem } = analyzeKorean(token);
    if (isStopword(stem)) return;
    for (let j = 0; j + 1 < stem.length; j++) add(`b:${stem.slice(j, j + 2)}`, WEIGHTS.bigram);
    const parts = stem.length >= 4 && !lexicon.isWord(stem) ? segment(stem, (part) => lexicon.isWord(part)) : undefined;
    if (parts) for (const part of parts) addWord(part, analyzeKorean(part).stem);
    else addWord(token, stem);
  });
  return { features, words: shown };
}
