import { isParticleWord, stemKorean } from './korean.ts';
import { isStopword } from './stopwords.ts';
import { isHangul, isLatin, stripEnglishEnding, words } from './text.ts';

/** Shorter English stems (`re`, `on`) would tie together searches that only share a prefix of grammar. */
const MIN_LATIN_STEM = 3;

/** The words of a search that say what it is about, as the search engine stems them; asking words left out. */
function topicStems(text: string) {
  const hangul: string[] = [];
  const latin: string[] = [];
  for (const word of words(text)) {
    if (isStopword(word)) continue;
    if (isHangul(word)) {
      // The stemmer keeps two syllables; a one-syllable noun and its particle (`돈은`) is the noun.
      const stem = isParticleWord(word) ? word[0]! : stemKorean(word);
      if (!isStopword(stem)) hangul.push(stem);
    } else if (isLatin(word)) {
      const stem = stripEnglishEnding(word);
      if (stem.length >= MIN_LATIN_STEM) latin.push(stem);
    }
  }
  return { hangul, latin };
}

/** A Korean stem's syllable pairs; a one-syllable stem (`돈`) stands for itself. */
const syllablePairs = (stem: string) =>
  stem.length === 1 ? [stem] : Array.from({ length: stem.length - 1 }, (_, i) => stem.slice(i, i + 2));

/**
 * Whether two texts are about the same thing: their stems share a Korean syllable pair (`재발행 신청` ~ `재발급`,
 * `배송지` ~ `배송이 안 와요`), or an English stem of three letters or more is the start of the other's
 * (`cancel` ~ `cancellations`). Particles, endings and asking words (`방법`, `how`) never count: `환불 방법` and
 * `교환 방법` are not related, nor are `주식 추천` and `쿠폰`.
 */
export function relatedQueries(a: string, b: string): boolean {
  const [x, y] = [topicStems(a), topicStems(b)];
  const pairs = new Set(x.hangul.flatMap(syllablePairs));
  return (
    y.hangul.some((stem) => syllablePairs(stem).some((pair) => pairs.has(pair))) ||
    x.latin.some((s) => y.latin.some((t) => s.startsWith(t) || t.startsWith(s)))
  );
}
