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
  return (
    [...membersSaying]
      // A word only one member says is that member's, not the theme's.
      .filter(([, saying]) => saying >= Math.min(2, members))
      .map(([word, saying]) => ({
        word,
        score: (saying / members) * Math.log(1 + averageWordsPerTheme / (textsSaying.get(word) ?? saying)),
      }))
      .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
      .slice(0, count)
      .map(({ word }) => word)
  );
}
