import { joinSyllable, splitSyllable } from './hangul.ts';

/**
 * Recognizes a conjugated verb (`바꿔`, `바꿨는데`, `바꾸고`, `바꿀`) as its dictionary form (`바꾸다`), so the
 * general lexicon can pair native verbs with the nouns articles use (`바꾸다` ↔ `변경`). The stem's last vowel
 * merges with 어/아 (`꾸` → `꿔`), takes ㅆ for the past and ㄴ/ㄹ/ㅂ before nouns and 니다; and the irregular
 * classes of Korean grammar change the stem itself (`묻다` → `물어`, `고르다` → `골라`, `어렵다` → `어려워`,
 * `잠그다` → `잠가`, `잇다` → `이어`).
 */

/** Vowel of a stem's last syllable → the vowel it becomes with 어/아. */
const CONTRACTED: Record<string, string> = {
  ㅜ: 'ㅝ',
  ㅗ: 'ㅘ',
  ㅣ: 'ㅕ',
  ㅚ: 'ㅙ',
  ㅏ: 'ㅏ',
  ㅓ: 'ㅓ',
  ㅐ: 'ㅐ',
  ㅔ: 'ㅔ',
  ㅕ: 'ㅕ',
};

/** ㄷ-irregular stems (`묻` → `물어`): most stems ending in ㄷ are regular (`받아`, `닫아`), so these are listed. */
const D_IRREGULAR = new Set(['묻', '듣', '걷', '싣', '깨닫', '일컫', '붇', '긷']);
/** ㅅ-irregular stems (`잇` → `이어`); `벗어`, `씻어` and `웃어` are regular. */
const S_IRREGULAR = new Set(['잇', '낫', '짓', '붓', '긋', '젓']);
/** ㅂ-stems that keep their ㅂ (`잡아`, `입어`); the others, mostly adjectives, turn it into 우 (`어려워`). */
const B_REGULAR = new Set(['잡', '입', '씹', '업', '접', '뽑', '좁', '집', '굽', '수줍', '뒤집', '붙잡', '사로잡']);

/** 아 after a stem whose vowel is ㅏ or ㅗ, 어 after the others (vowel harmony). */
const harmony = (syllable: string | undefined) => {
  const vowel = splitSyllable(syllable ?? '')?.vowel;
  return vowel === 'ㅏ' || vowel === 'ㅗ' ? 'ㅏ' : 'ㅓ';
};

/** Starts of a verb's forms that are not the bare stem (`바꾸` → `바꿔`, `바꿨`, `바꾼`, `바꿀`, `바꿉`). */
export function stemForms(stem: string): string[] {
  const head = stem.slice(0, -1);
  const last = splitSyllable(stem.at(-1) ?? '');
  if (!last) return [stem];
  const forms = [stem];
  // The stem's changed last syllable, then 어/아 (`ㅇ` and a vowel) in the present and the past.
  const withVowel = (changed: string, vowel: string) =>
    ['', 'ㅆ'].map((final) => head + changed + joinSyllable({ initial: 11, vowel, final }));
  const bare = joinSyllable({ ...last, final: '' });
  if (!last.final) {
    for (const final of ['ㄴ', 'ㄹ', 'ㅂ']) forms.push(head + joinSyllable({ ...last, final }));
    const before = splitSyllable(head.at(-1) ?? '');
    if (before && !before.final && last.initial === 5 && last.vowel === 'ㅡ') {
      // 르-irregular: `고르` → `골라`, `누르` → `눌러`; the syllable before takes ㄹ.
      const changed = head.slice(0, -1) + joinSyllable({ ...before, final: 'ㄹ' });
      for (const final of ['', 'ㅆ'])
        forms.push(changed + joinSyllable({ initial: 5, vowel: harmony(head.at(-1)), final }));
    } else {
      // 하 → 해, 했: the one irregular every help center needs (`해지해`, `신청했`). ㅡ drops and takes the vowel
      // its neighbour asks for: `잠그` → `잠가`, `쓰` → `써`.
      const vowel =
        last.initial === 18 && last.vowel === 'ㅏ'
          ? 'ㅐ'
          : last.vowel === 'ㅡ'
            ? harmony(head.at(-1))
            : CONTRACTED[last.vowel];
      if (vowel) for (const final of ['', 'ㅆ']) forms.push(head + joinSyllable({ ...last, vowel, final }));
    }
  } else if (D_IRREGULAR.has(stem.slice(-1)) || D_IRREGULAR.has(stem.slice(-2))) {
    const changed = joinSyllable({ ...last, final: 'ㄹ' });
    forms.push(...withVowel(changed, harmony(stem.at(-1))), head + changed + '으');
  } else if (last.final === 'ㅅ' && S_IRREGULAR.has(stem.slice(-1))) {
    forms.push(...withVowel(bare, harmony(stem.at(-1))), head + bare + '으');
  } else if (last.final === 'ㅂ' && !B_REGULAR.has(stem) && !B_REGULAR.has(stem.slice(-1))) {
    // `돕` and `곱` take 와, the others 워: `도와`, `어려워`; before nouns 운/울: `어려운`.
    const vowel = last.vowel === 'ㅗ' && stem.length === 1 ? 'ㅘ' : 'ㅝ';
    forms.push(...withVowel(bare, vowel), head + bare + '운', head + bare + '울');
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
