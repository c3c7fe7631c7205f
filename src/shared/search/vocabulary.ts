import { disassemble } from 'es-hangul';
import type { Locale } from '../locales.ts';
import { isHangul } from './text.ts';

/** Words of a locale's articles with the number of articles each appears in; built by the site build. */
export interface Vocabulary {
  pages: number;
  words: Record<string, number>;
  /** Other real words (the general lexicon's, common Korean nouns): never "corrected" into a site word. */
  known: string[];
}

export const vocabularyPath = (locale: Locale) => `search/vocabulary-${locale}.json`;
export const knowledgePath = (locale: Locale) => `search/knowledge-${locale}.json`;

/** Vowels that sound alike and are confused in writing: ㅔ is written for ㅐ, ㅖ for ㅒ, ㅚ and ㅞ for ㅙ. */
const SAME_SOUND: Record<number, number> = { 5: 1, 7: 3, 11: 10, 15: 10 };

/** The word with each vowel that sounds like another written as that other (`재셍` → `재생`, `초데` → `초대`). */
function soundOf(word: string): string {
  return word.replace(/[가-힣]/g, (syllable) => {
    const code = syllable.charCodeAt(0) - 0xac00;
    const vowel = Math.floor(code / 28) % 21;
    const folded = SAME_SOUND[vowel];
    return folded === undefined ? syllable : String.fromCharCode(syllable.charCodeAt(0) + (folded - vowel) * 28);
  });
}

/**
 * The site word a misspelled one sounds like, differing only in vowels that sound alike: even two syllables, where
 * any other one-letter change is too loose a guess (`재셍` → `재생`, never `공고` → `공개`). Frequent words win ties.
 */
export function soundAlike(word: string, vocabulary: Pick<Vocabulary, 'words'>): string | undefined {
  const sound = soundOf(word);
  let best: { word: string; frequency: number } | undefined;
  for (const [candidate, frequency] of Object.entries(vocabulary.words))
    if (candidate !== word && candidate.length === word.length && soundOf(candidate) === sound)
      if (!best || frequency > best.frequency) best = { word: candidate, frequency };
  return best?.word;
}

/** The known word closest to a mistyped one, comparing jamo so `환블` is one step from `환불`; frequent words win ties. */
export function correctTypo(word: string, vocabulary: Pick<Vocabulary, 'words'>): string | undefined {
  const sounded = isHangul(word) ? soundAlike(word, vocabulary) : undefined;
  if (sounded) return sounded;
  const typed = disassemble(word);
  const isHangulWord = isHangul(word);
  // Four Latin letters allow their two neighbours swapped (`crad` → `card`), nothing looser.
  const swapOnly = !isHangulWord && typed.length === 4;
  const allowed = swapOnly ? 1 : typed.length <= 4 ? 0 : typed.length <= 8 ? 1 : 2;
  if (!allowed) return undefined;
  let best: { word: string; distance: number; frequency: number } | undefined;
  for (const [candidate, frequency] of Object.entries(vocabulary.words)) {
    // A typo keeps the first letter and the number of syllables (`환블` → `환불`); looser matches turn
    // short words into unrelated ones.
    const jamo = disassemble(candidate);
    if (jamo[0] !== typed[0] || (isHangulWord && candidate.length !== word.length)) continue;
    if (Math.abs(jamo.length - typed.length) > allowed) continue;
    const distance = editDistance(typed, jamo, allowed);
    if (distance > allowed || distance === 0) continue;
    if (swapOnly && [...jamo].sort().join('') !== [...typed].sort().join('')) continue;
    // A short word found in one article only is too thin a guess to rewrite what the reader typed.
    if (frequency < 2 && candidate.length <= 2) continue;
    if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
      best = { word: candidate, distance, frequency };
    }
  }
  return best?.word;
}

/** Optimal string alignment distance (a swap of neighbours counts once), giving up past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
