import { splitSyllable } from '../../src/shared/search/hangul.ts';
import { analyzeKorean, isGrammar } from '../../src/shared/search/korean.ts';
import { isHangul } from '../../src/shared/search/text.ts';

/**
 * A word a person reads as naming something: not a verb's form (`바꿨`, `와요`), a bare syllable (`함`) or a piece
 * of grammar left over (`건데`). A theme is named by these alone, unless it has none.
 */
const names = (word: string) =>
  word.length >= 2 &&
  !(
    isHangul(word) &&
    // A past tense (`보냈`, `지났`) ends in ㅆ, as no noun does.
    (analyzeKorean(word).predicateLike || isGrammar(word) || splitSyllable(word.at(-1)!)?.final === 'ㅆ')
  );

/**
 * Class-based TF-IDF (as BERTopic labels its topics): a word names a theme when many of its members say it and
 * few other texts do. `membersSaying` counts, per theme, the members that use each word; `textsSaying` counts every
 * text (themed or not) that uses it.
 */
export function themeTerms(
  membersSaying: Map<string, number>,
  members: number,
  textsSaying: Map<string, number>,
  averageWordsPerTheme: number,
  count = 5,
): string[] {
  const ranked = [...membersSaying]
    // A word only one member says is that member's, not the theme's.
    .filter(([, saying]) => saying >= Math.min(2, members))
    .map(([word, saying]) => ({
      word,
      score: (saying / members) * Math.log(1 + averageWordsPerTheme / (textsSaying.get(word) ?? saying)),
    }))
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
    .map(({ word }) => word);
  const named = ranked.filter(names);
  return (named.length ? named : ranked).slice(0, count);
}
