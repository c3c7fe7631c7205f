import { isHangul } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Share of syllable pairs two words must have in common (Dice) to be taken for each other. */
const MIN_SIMILARITY = 0.6;

const pairs = (word: string) => new Set(Array.from({ length: word.length - 1 }, (_, i) => word.slice(i, i + 2)));

/**
 * The site word that shares most syllable pairs with a word nothing else could place (`재발행신청` ~ `재발급신청`):
 * the last resort before "no results". Three syllables at least, so a short word cannot drift to a stranger.
 */
export function similarWord(word: string, vocabulary: Pick<Vocabulary, 'words'>): string | undefined {
  if (word.length < 3) return undefined;
  const own = pairs(word);
  let best: { word: string; score: number } | undefined;
  for (const candidate of Object.keys(vocabulary.words)) {
    if (candidate.length < 3 || !isHangul(candidate)) continue;
    const theirs = pairs(candidate);
    let shared = 0;
    for (const pair of own) if (theirs.has(pair)) shared++;
    const score = (2 * shared) / (own.size + theirs.size);
    if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { word: candidate, score };
  }
  return best?.word;
}
