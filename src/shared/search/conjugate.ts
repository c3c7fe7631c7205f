import { joinSyllable, splitSyllable } from './hangul.ts';

/**
 * Recognizes a conjugated verb (`바꿔`, `바꿨는데`, `바꾸고`, `바꿀`) as its dictionary form (`바꾸다`), so the
 * general lexicon can pair native verbs with the nouns articles use (`바꾸다` ↔ `변경`). Regular conjugation only:
 * the stem's last vowel merges with 어/아 (`꾸` → `꿔`), takes ㅆ for the past and ㄴ/ㄹ/ㅂ before nouns and 니다.
 */

/** Vowel of a stem's last syllable → the vowel it becomes with 어/아. */
const CONTRACTED: Record<string, string> = {
  ㅜ: 'ㅝ',
  ㅗ: 'ㅘ',
  ㅣ: 'ㅕ',
  ㅡ: 'ㅓ',
  ㅚ: 'ㅙ',
  ㅏ: 'ㅏ',
  ㅓ: 'ㅓ',
  ㅐ: 'ㅐ',
  ㅔ: 'ㅔ',
  ㅕ: 'ㅕ',
};

/** Starts of a verb's forms that are not the bare stem (`바꾸` → `바꿔`, `바꿨`, `바꾼`, `바꿀`, `바꿉`). */
export function stemForms(stem: string): string[] {
  const head = stem.slice(0, -1);
  const last = splitSyllable(stem.at(-1) ?? '');
  if (!last) return [stem];
  const forms = [stem];
  if (!last.final) {
    for (const final of ['ㄴ', 'ㄹ', 'ㅂ']) forms.push(head + joinSyllable({ ...last, final }));
    // 하 → 해, 했: the one irregular every help center needs (`해지해`, `신청했`).
    const vowel = last.initial === 18 && last.vowel === 'ㅏ' ? 'ㅐ' : CONTRACTED[last.vowel];
    if (vowel) for (const final of ['', 'ㅆ']) forms.push(head + joinSyllable({ ...last, vowel, final }));
  }
  return [...new Set(forms)];
}

/**
 * Pieces that follow a verb's form, alone or chained (`고` `싶` `어요`, `려` `면`, `는` `데` `요`): endings, tense and
 * honorific markers, and the auxiliaries of requests and wishes.
 */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
const ENDING_PIECES = new Set([
  '고', '어', '아', '여', '야', '지', '게', '기', '면', '서', '니', '나', '는', '은', '을', '음', '던', '요', '세', '셔', '시', '셨',
  '실', '신', '잖', '겠', '었', '았', '였', '습', '다', '려', '러', '도', '죠', '데', '네', '라', '래', '대', '더', '냐', '자', '까',
  '싶', '주', '줘', '줄', '드리', '드려', '버리', '버려', '버렸', '놓', '놨', '두', '뒀', '있', '없', '않', '안', '못', '질', '져', '졌',
  '으', '는지', '는데', '나요', '까요', '세요', '니다', '습니다', '려면', '려고', '는데요', '은데', '인데',
]);
const LONGEST_PIECE = Math.max(...[...ENDING_PIECES].map((piece) => piece.length));

/** Nothing, or only endings (`고싶어요`, `려면`, `는데요`): what is left after a verb's form. */
export function isEnding(rest: string): boolean {
  if (rest === '') return true;
  for (let length = Math.min(LONGEST_PIECE, rest.length); length >= 1; length--) {
    if (ENDING_PIECES.has(rest.slice(0, length)) && isEnding(rest.slice(length))) return true;
  }
  return false;
}

/**
 * The verb (its key in `forms`, a map from each form start to the verb) that `word` is a form of, if any. A
 * one-syllable stem must be followed by an ending (`내고`, not `내`), or too many nouns would look like verbs.
 */
export function verbOf(word: string, forms: ReadonlyMap<string, string>): string | undefined {
  for (let end = Math.min(word.length, 6); end >= 1; end--) {
    const verb = forms.get(word.slice(0, end));
    if (verb && (end > 1 || end < word.length) && isEnding(word.slice(end))) return verb;
  }
  return undefined;
}
