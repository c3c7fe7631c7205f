import { splitSyllable } from './hangul.ts';
import { isHangul } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

// The consonants of a syllable as romanized Korean writes them: first (ㄱ ㄲ ㄴ …), then last (none, ㄱ ㄲ ㄳ …).
const FIRST = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// prettier-ignore
const LAST = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** ㅇ as a first consonant: no sound, the syllable starts with its vowel. */
const SILENT_FIRST = 11;

/** Letters Korean writes with one sound: an English word's letters as its Hangul spelling romanizes them. */
const SAME_LETTER: Record<string, string> = { f: 'p', v: 'b', c: 'k', q: 'k', r: 'l', d: 't', g: 'k', x: 'ks', z: 'j' };

/** A word's consonants in Latin letters: a Hangul word's as romanized (`슬랙` → s l r k), a Latin word's as written. */
function consonants(word: string): string {
  if (!isHangul(word)) return word.toLowerCase().replace(/[^a-z]/g, '');
  return word.replace(/[가-힣]/g, (syllable) => {
    const code = syllable.charCodeAt(0) - 0xac00;
    return FIRST[Math.floor(code / 588)]! + LAST[code % 28]!;
  });
}

/**
 * A word's consonants as a loanword keeps them across scripts: `슬랙` and `slack` are both `slk`, `노트북` and
 * `notebook` both `ntbk`. Vowels differ too much between the spellings to count.
 */
export function soundSkeleton(word: string): string {
  return consonants(word)
    .replace(/[a-z]/g, (letter) => SAME_LETTER[letter] ?? letter)
    .replace(/[aeiouwyh]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** The site's words by their consonants, made once per vocabulary: only its words of the other script matter. */
const bySound = new WeakMap<Vocabulary, Map<string, string[]>>();

/**
 * The site word a loanword spelled in the other script stands for (`슬랙` → `slack`, `notebook` → `노트북`): one with
 * its consonants, three or more, or two with its vowels too (below). The most frequent wins.
 */
export function loanwordOf(word: string, vocabulary: Vocabulary): string | undefined {
  const skeleton = soundSkeleton(word);
  if (skeleton.length < 2) return undefined;
  let index = bySound.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const candidate of Object.keys(vocabulary.words)) {
      const key = soundSkeleton(candidate);
      index.set(key, [...(index.get(key) ?? []), candidate]);
    }
    bySound.set(vocabulary, index);
  }
  // Two consonants sound like too many words, unless the vowels agree too (`에스타` is `esta`: as many runs of vowels,
  // one first) and the letters are about as many as the syllables (`키로` is no `google`).
  const other = (candidate: string) =>
    isHangul(candidate) !== isHangul(word) &&
    (skeleton.length >= 3 ||
      (candidate.length >= 4 &&
        vowelShape(candidate) === vowelShape(word) &&
        (candidate.length <= word.length + 2 || sameVowels(word, candidate))));
  return (index.get(skeleton) ?? []).filter(other).sort((a, b) => vocabulary.words[b]! - vocabulary.words[a]!)[0];
}

/**
 * Where a word's vowels are: how many runs of them, and whether it starts with one. In Hangul, the ㅡ Korean adds
 * after a lone consonant (`스` of 에스타) is no vowel of the original.
 */
function vowelShape(word: string): string {
  if (!isHangul(word)) {
    const runs = word.toLowerCase().match(/[aeiouy]+/g) ?? [];
    return `${/^[aeiou]/i.test(word)}${runs.length}`;
  }
  const syllables = [...word].map((char) => splitSyllable(char)!);
  let runs = 0;
  let previous = false;
  for (const { initial, vowel, final } of syllables) {
    const real = !(vowel === 'ㅡ' && final === '');
    // A syllable with no first consonant (ㅇ) goes on the vowel before it (`아이` is one run, as `ai`).
    if (real && !(previous && initial === SILENT_FIRST)) runs++;
    previous = real && final === '';
  }
  return `${syllables[0].initial === SILENT_FIRST}${runs}`;
}

/** How an English vowel may be spelled in Hangul, by the first letter of its run: `o` as ㅗ (no), ㅛ (show), ㅓ (son). */
const VOWEL_LETTERS: Record<string, string> = {
  ㅏ: 'a',
  ㅐ: 'ae',
  ㅑ: 'ya',
  ㅓ: 'oue',
  ㅔ: 'ea',
  ㅕ: 'yeu',
  ㅗ: 'oa',
  ㅛ: 'oy',
  ㅜ: 'uo',
  ㅠ: 'uy',
  ㅣ: 'iey',
};

/**
 * A Hangul word's vowels are the Latin word's, run by run (`노쇼` and `noshow`: o, o), not just as many (`키로` is
 * no `google`: ㅣ is no o). Hangul's added ㅡ and a vowel Korean writes otherwise (ㅘ, ㅢ) settle nothing.
 */
function sameVowels(hangul: string, latin: string): boolean {
  if (!isHangul(hangul) || isHangul(latin)) return false;
  const runs = latin.toLowerCase().match(/[aeiouy]+/g) ?? [];
  const vowels = [...hangul].map((char) => splitSyllable(char)!.vowel).filter((vowel) => vowel !== 'ㅡ');
  return (
    vowels.length === runs.length && vowels.every((vowel, i) => VOWEL_LETTERS[vowel]?.includes(runs[i][0]) === true)
  );
}
