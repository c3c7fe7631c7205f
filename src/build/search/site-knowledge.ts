import { stemForms, verbOf } from '../../shared/search/conjugate.ts';
import { articleStems, pageText, type IndexableArticle } from './keywords.ts';
import { analyzeKorean } from '../../shared/search/korean.ts';
import type { SiteKnowledge } from '../../shared/search/knowledge.ts';
import { COMMON_WORDS } from './lexicon/common-words.ts';
import { GENERAL_GROUPS } from '../../shared/search/lexicon/general.ts';
import { isVerb, plain } from '../../shared/search/lexicon/members.ts';
import { segment } from '../../shared/search/segment.ts';
import { isHangul, words } from '../../shared/search/text.ts';
import type { Vocabulary } from '../../shared/search/vocabulary.ts';

/**
 * Builds, from one locale's articles, what search knows besides the index: the lexicon's and the editors' groups
 * that touch the site's words, clipped forms of its compounds, and the vocabulary typo correction and glued-word
 * splitting compare against. Runs at build time; the browser gets the results as JSON: the knowledge with the
 * first search, the vocabulary only when a word is not in the index.
 */
export function buildSiteKnowledge(
  articles: IndexableArticle[],
  editorGroups: readonly (readonly string[])[],
): { knowledge: SiteKnowledge; vocabulary: Vocabulary } {
  const frequency = new Map<string, number>();
  const tokens = new Set<string>();
  for (const article of articles) {
    for (const stem of articleStems(article)) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    for (const token of words(pageText(article))) tokens.add(token);
  }
  // Words a search can land on: whole words and stems, and starts of words of three letters or more (`배송비` for
  // `배송비용`). A two-letter start is too often another word's (`프로` of `프로필`).
  const stems = new Set([...tokens].flatMap((token) => [token, analyzeKorean(token).stem]));
  const prefixes = new Set(
    [...tokens].flatMap((token) =>
      Array.from({ length: Math.min(token.length, 12) - 2 }, (_, i) => token.slice(0, i + 3)),
    ),
  );
  const lexiconWords = new Set(GENERAL_GROUPS.flat().map(plain));
  const known = new Set([...frequency.keys(), ...lexiconWords, ...COMMON_WORDS]);

  const onSite = (member: string) => {
    const word = plain(member);
    if (!isVerb(member)) return stems.has(word) || prefixes.has(word);
    const forms = new Map(stemForms(word).map((form) => [form, word]));
    return [...tokens].some((token) => verbOf(token, forms) === word);
  };
  const groups = [...GENERAL_GROUPS, ...editorGroups].flatMap((group) => {
    const found = group.filter(onSite);
    return found.length ? [{ found, other: group.filter((member) => !found.includes(member)) }] : [];
  });

  return {
    knowledge: { groups, abbreviations: abbreviations(frequency, known) },
    vocabulary: {
      pages: articles.length,
      words: Object.fromEntries(frequency),
      known: [...known].filter((word) => !frequency.has(word) && isHangul(word)),
    },
  };
}

/**
 * Korean clips a compound to the first syllable of each part (`비밀번호` → `비번`, `카카오뱅크` → `카뱅`). Each of the
 * site's compounds that splits into known words gives its clipped form, unless that form is a word of its own or
 * clips two compounds.
 */
function abbreviations(frequency: Map<string, number>, known: Set<string>): Record<string, string> {
  const clipped = new Map<string, string | null>();
  for (const word of frequency.keys()) {
    if (!isHangul(word) || word.length < 3 || word.length > 8) continue;
    // A verb's form is no compound: `재생된다면` clips to nothing anyone types.
    const { predicate, predicateLike } = analyzeKorean(word);
    if (predicate || predicateLike) continue;
    const split = segment(word, (part) => part !== word && known.has(part));
    const parts = split?.join('') === word ? split : (knownEnds(word, known) ?? knownHead(word, known));
    if (!parts || parts.length > 3) continue;
    const short = parts.map((part) => part[0]).join('');
    if (known.has(short)) continue;
    clipped.set(short, clipped.has(short) && clipped.get(short) !== word ? null : word);
  }
  return Object.fromEntries([...clipped].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** Known words at both ends and what lies between (`내일` + `배움` + `카드`), when the whole does not split. */
function knownEnds(word: string, known: Set<string>): string[] | undefined {
  for (let end = word.length - 4; end >= 2; end--) {
    if (!known.has(word.slice(0, end))) continue;
    for (let start = word.length - 2; start >= end + 2; start--)
      if (known.has(word.slice(start))) return [word.slice(0, end), word.slice(end, start), word.slice(start)];
  }
  return undefined;
}

/** A known word and what follows it (`문화` + `상품권`), when the whole does not split into known words. */
function knownHead(word: string, known: Set<string>): string[] | undefined {
  for (let end = word.length - 2; end >= 2; end--)
    if (known.has(word.slice(0, end))) return [word.slice(0, end), word.slice(end)];
  return undefined;
}
