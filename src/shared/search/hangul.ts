/** Syllable arithmetic (Unicode's Hangul composition), for changing one vowel or final consonant of a syllable. */

const BASE = 0xac00;
const VOWELS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

export interface Syllable {
  /** Index of the initial consonant (0–18). */
  initial: number;
  vowel: string;
  final: string;
}

export function splitSyllable(char: string): Syllable | undefined {
  const code = char.charCodeAt(0) - BASE;
  if (char.length !== 1 || code < 0 || code > 11171) return undefined;
  return { initial: Math.floor(code / 588), vowel: VOWELS[Math.floor((code % 588) / 28)], final: FINALS[code % 28] };
}

export function joinSyllable({ initial, vowel, final }: Syllable): string {
  return String.fromCharCode(BASE + initial * 588 + VOWELS.indexOf(vowel) * 28 + FINALS.indexOf(final));
}
