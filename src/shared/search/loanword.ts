import { romanize } from 'es-hangul';
import { isHangul } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Letters Korean writes with one sound: an English word's letters as its Hangul spelling romanizes them. */
const SAME_LETTER: Record<string, string> = { f: 'p', v: 'b', c: 'k', q: 'k', r: 'l', d: 't', g: 'k', x: 'ks', z: 'j' };

/**
 * A word's consonants as a loanword keeps them across scripts: `슬랙` (seullaek) and `slack` are both `slk`,
 * `노트북` and `notebook` both `ntbk`. Vowels, and the `eu` Korean puts between consonants, differ too much to count.
 */
export function soundSkeleton(word: string): string {
  const letters = (isHangul(word) ? romanize(word) : word).toLowerCase().replace(/[^a-z]/g, '');
  return letters
    .replace(/[a-z]/g, (letter) => SAME_LETTER[letter] ?? letter)
    .replace(/[aeiouwyh]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** The site's words by their consonants, made once per vocabulary: only its words of the other script matter. */
const bySound = new WeakMap<Vocabulary, Map<string, string[]>>();

/**
 * The site word a loanword spelled in the other script stands for (`슬랙` → `slack`, `notebook` → `노트북`),
 * when one has its consonants, three or more: fewer (`st`, `ns`) sound like too many words. The most frequent wins.
 */
export function loanwordOf(word: string, vocabulary: Vocabulary): string | undefined {
  const skeleton = soundSkeleton(word);
  if (skeleton.length < 3) return undefined;
  let index = bySound.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const candidate of Object.keys(vocabulary.words)) {
      const key = soundSkeleton(candidate);
      index.set(key, [...(index.get(key) ?? []), candidate]);
    }
    bySound.set(vocabulary, index);
  }
  const other = (candidate: string) => isHangul(candidate) !== isHangul(word);
  return (index.get(skeleton) ?? []).filter(other).sort((a, b) => vocabulary.words[b]! - vocabulary.words[a]!)[0];
}
