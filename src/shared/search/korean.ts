/**
 * Reduces Korean words to stems readers and pages share. Pagefind matches query terms as prefixes of page
 * words (at jamo level), so a stem only has to be a prefix of the forms on the page: `환불받으려면` → `환불`
 * finds `환불은`, `환불 기간`. Written here because no maintained package did this when it was written.
 */
import { splitSyllable } from './hangul.ts';

/** Case markers and other particles that follow nouns, combined forms included. */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
const PARTICLES = [
  '에서부터', '으로부터', '로부터', '에서는', '에서도', '에서의', '으로는', '으로도', '이라도', '이라고', '이랑은',
  '에게는', '한테는', '까지는', '까지도', '부터는', '보다는', '처럼', '마다', '에서', '에게', '한테', '께서',
  '으로', '까지', '부터', '보다', '이나', '이랑', '이란', '이든', '에는', '에도', '로는', '로도', '과는', '와는',
  '만은', '라도', '라고', '이요', '이며', '인데', '이고',
  '이', '가', '은', '는', '을', '를', '의', '에', '로', '와', '과', '도', '만', '랑', '나', '란', '께',
  // Plural and grouping: `학생들이` is 학생, `친구끼리` 친구.
  '들', '끼리',
];

/** Verbs that turn a noun into an action (`취소하다`, `환불받다`), in the stem forms conjugation leaves. */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
const LIGHT_VERBS = [
  '하', '해', '했', '할', '한', '합', '하시', '하셨', '하였', '되', '돼', '됐', '될', '된', '됩', '되었', '되시',
  '받', '받으', '받아', '받았', '받을', '받은', '시키', '시켜', '시켰', '드리', '드려', '드렸', '주', '줘', '줬',
  '안되', '안돼', '안됐', '안된', '안하', '못하', '못해', '못받', '못받아',
];

/** Endings after a verb stem in questions and requests. */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
const ENDINGS = [
  '었더니', '았더니', '였더니', '더니', '다고', '라고', '대요', '래요', '려면요', '으려면', '려면', '려고요', '으려고', '려고', '려는데', '는데요', '었는데', '았는데', '였는데', '는데',
  '은데', '나요', '는지', '은지', '을지', '을까요', '을까', '까요', '세요', '셔요', '시나요', '셨나요', '셨어요',
  '었어요', '았어요', '였어요', '어요', '아요', '여요', '에요', '예요', '습니다', '니다', '니까', '으면', '으니',
  '지요', '죠', '고요', '야돼요', '야되나요', '야하나요', '야해요', '야', '지만', '면', '고', '지', '서', '요', '기', '게', '는',
  '은', '을', '어', '아', '다', '',
];

/** Endings that also end many nouns (`배송지`, `가입기`): stripped only as part of a light verb, not alone. */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
const AMBIGUOUS_BARE_ENDINGS = new Set(['고', '지', '서', '요', '기', '게', '는', '은', '을', '어', '아', '다', '면', '']);

const PARTICLE_SET = new Set(PARTICLES);
/** Noun + light verb + ending (`받으려면`): what is left is the noun the reader asks about. */
const LIGHT_VERB_SUFFIXES = new Set(LIGHT_VERBS.flatMap((verb) => ENDINGS.map((ending) => verb + ending)));
/** A verb's own ending (`다고` in `틀렸다고`): what is left is a verb. */
const VERB_ENDINGS = new Set(ENDINGS.filter((ending) => ending && !AMBIGUOUS_BARE_ENDINGS.has(ending)));
const LONGEST_SUFFIX = Math.max(
  ...[...PARTICLE_SET, ...LIGHT_VERB_SUFFIXES, ...VERB_ENDINGS].map((suffix) => suffix.length),
);
/** Endings that mark a word as a verb or adjective when nothing could be stripped (`나와요`, `틀렸다고`, `내야`). */
const PREDICATE_END =
  /(요|다|죠|니다|다고|는데|더니|려면|으면|어서|아서|해서|네요|군요|까요|야|고|지|서|면|게|니|나|데)$/;

const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;

export interface KoreanWord {
  /** The word without its particle or ending. */
  stem: string;
  /** A verb or adjective, known from the ending stripped (`틀렸다고` → `틀렸`): it says what happened, not what about. */
  predicate: boolean;
  /**
   * Ends like a verb though nothing could be stripped (`나와요`), or is one syllable. Only a guess: nouns such as
   * `휴면` and `배송지` end the same way, so it is used only for words the index does not know.
   */
  predicateLike: boolean;
}

const analyzed = new Map<string, KoreanWord>();

/**
 * Strips particles and endings, longest first and repeatedly (`취소했는데요` → `취소`). A stem keeps at least
 * two syllables: one-syllable stems (`나이` → `나`) match too much.
 */
export function analyzeKorean(word: string): KoreanWord {
  if (!HANGUL_WORD.test(word)) return { stem: word, predicate: false, predicateLike: false };
  let result = analyzed.get(word);
  if (!result) {
    const stripped = strip(word, false);
    result = {
      ...stripped,
      predicateLike: stripped.predicate || PREDICATE_END.test(stripped.stem) || stripped.stem.length === 1,
    };
    analyzed.set(word, result);
  }
  return result;
}

export const stemKorean = (word: string): string => analyzeKorean(word).stem;

function strip(word: string, predicate: boolean): { stem: string; predicate: boolean } {
  for (let length = Math.min(LONGEST_SUFFIX, word.length - 2); length > 0; length--) {
    const suffix = word.slice(-length);
    // After an open syllable the subject particle is 가: the 이 of `디스플레이` and `차이` is the word's own.
    if (suffix === '이' && !splitSyllable(word.at(-2)!)?.final) continue;
    if (LIGHT_VERB_SUFFIXES.has(suffix) || PARTICLE_SET.has(suffix)) return strip(word.slice(0, -length), predicate);
    if (VERB_ENDINGS.has(suffix)) return strip(word.slice(0, -length), true);
  }
  return { stem: word, predicate };
}

/**
 * `번만`, `시에서`: a one-syllable noun and its particle, too short a stem to be worth keeping as a word. The particle
 * must fit the noun's last sound, as Korean wants it: 이/은/을 after a consonant, 가/는/를 after a vowel, so `창가`
 * and `달라고` are words of their own.
 */
export function isParticleWord(word: string): boolean {
  const particle = word.slice(1);
  if (word.length < 2 || word.length > 4 || !PARTICLE_SET.has(particle)) return false;
  const final = splitSyllable(word[0])?.final ?? '';
  if (/^[이은을과으]/.test(particle)) return final !== '';
  if (/^[가는를와나랑란라]/.test(particle)) return final === '';
  if (particle.startsWith('로')) return final === '' || final === 'ㄹ';
  return true;
}

/** Endings of a verb the stemmer does not strip, whole: `열자마자`, `받았던`, `적어둔`, `지나버렸어요`. */
const VERB_FORM_END =
  /(자마자|다는|았던|었던|였던|하던|되던|아둔|어둔|워둔|놓은|놨는데|버려요|버렸어요|려간|[아어]간|기만)$/;

/**
 * A word no list knows that is a verb's form or a sound-and-shape word (`빙글빙글`, `반짝반짝`): it says how
 * things went, never what the question is about.
 */
export function isVerbLike(word: string): boolean {
  return (word.length === 4 && word.slice(0, 2) === word.slice(2)) || VERB_FORM_END.test(word);
}

/** Only grammar: a particle or ending left over when a glued word is split (`했더니` in `입력했더니`). */
export const isGrammar = (fragment: string) =>
  PARTICLE_SET.has(fragment) ||
  LIGHT_VERB_SUFFIXES.has(fragment) ||
  VERB_ENDINGS.has(fragment) ||
  fragment.length < 2 ||
  PREDICATE_END.test(fragment);

/** Words that carry no topic in a help-center question: asking words, politeness, light verbs standing alone. */
// A word list reads best as rows of words, not one word per line.
// prettier-ignore
export const KOREAN_STOPWORDS = new Set([
  '어떻게', '어떡해요', '어떻게해요', '언제', '언제까지', '언제쯤', '왜', '뭐', '뭔가요', '무엇', '무슨', '어디', '어디서', '어디에서',
  '얼마', '얼마나', '몇', '몇일', '며칠', '있나요', '있어요', '있는', '있을까요', '없나요', '없어요', '되나요', '되요', '돼요', '되는',
  '하나요', '해요', '하는', '하면', '할', '수', '방법', '법', '좀', '제', '저', '제가', '내', '나', '그냥', '자꾸', '계속', '아직',
  '안', '안돼요', '안되요', '안되나요', '안됨', '못', '요', '주세요', '싶어요', '싶은데', '싶습니다', '알려주세요', '궁금해요',
  '가능한가요', '가능해요', '가능', '가능할까요', '인가요', '건가요', '거', '것', '게', '이거', '이게', '그거', '근데', '그리고',
  '지금', '어제', '오늘', '내일', '평소', '오랜만에', '빨리', '벌써', '이미', '아까', '방금', '또', '꼭', '제일', '가장', '많이',
  '조금', '좀더', '더', '덜', '대체', '도대체', '원래', '보통', '아예', '막', '잘', '다', '모두', '전부', '사는', '사는데', '하려는데', '있는지', '없는지', '되는지', '하는지', '모르겠어요', '모르겠네요', '왔어요', '했는데요',
  // Pronouns, adverbs and auxiliaries: common in questions and in any page's prose, never what a question is about.
  '우리', '저희', '누가', '누구', '누군가', '여기', '거기', '저기', '이건', '그건', '그게', '저거', '뭔지', '이런', '그런', '저런',
  '이제', '그만', '정도', '갑자기', '먼저', '새로', '처음', '같이', '함께', '혼자', '자주', '항상', '늘', '가끔', '요즘', '최근',
  '나중에', '바로', '곧', '정말', '완전', '되게', '엄청', '약간', '거의', '그래서', '그런데', '하지만', '그럼', '그러면', '만약',
  '혹은', '또는', '아무리', '전혀', '절대', '일단', '우선', '따로', '한번', '해도', '않아요', '않고', '않는', '않아서', '않는데',
  '않습니다', '않나요', '없이', '훨씬', '한꺼번에', '한번에', '동시에', '같아요', '같은데', '같은데요',
  // Counting and time words: `하나로`, `두 번`, `때마다` say how much or when, not about what.
  '하나', '하나로', '하나만', '하나도', '하나씩', '두번', '세번', '때', '때마다', '때만', '때는', '때도', '때에',
  '혹시', '문의', '문의드려요', '받은', '받을', '받는', '받고', '받았는데', '하는데', '한', '된', '되는데', '했어요', '됐어요', '있는데', '없는데', '해야', '하고', '했는데', '됐는데', '어떤', '이렇게', '다시', '너무', '진짜', '왜요', '뭘',
]);
